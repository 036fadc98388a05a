/**
 * The learned scorer's features of one sentence: masked word 1–2-grams, lexicon classes,
 * sentence shape and the rules that fired. Masking (brands, other names, numbers, URLs,
 * code) makes the model learn how things are said, not what a company's posts are about,
 * so what it learned on some companies carries over to others.
 *
 * The same function runs when training (`npm run train`) and when auditing, so the model
 * sees at run time exactly what it saw when it learned.
 */
import { type Token, tokenize } from '../tokens.js';
import type { Signal } from '../types.js';
import { LEXICON } from './lexicon.js';

export interface FeatureContext {
	/** Brand names as token sequences (lower case), longest first. */
	brands: readonly (readonly string[])[];
	/** Words this post writes as names (capitalised mid-sentence, never in lower case). */
	names: ReadonlySet<string>;
}

export interface SentenceFeatures {
	/** Feature names with repeats: a feature counts once per occurrence. */
	features: string[];
	/** Words of the sentence (the score's unit). */
	words: number;
}

const URL_PATTERN = /\b(?:https?:\/\/|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.]+\b/gi;
const CODE_PATTERN = /`[^`]*`/g;
const URL_WORD = 'zzurlzz';
const CODE_WORD = 'zzcodezz';

const lexiconOf = new Map<string, string[]>();
const hyphenated: Array<{ parts: string[]; cls: string }> = [];
for (const [cls, words] of Object.entries(LEXICON)) {
	for (const word of words) {
		if (word.includes('-')) hyphenated.push({ parts: word.split('-'), cls });
		else (lexiconOf.get(word) ?? lexiconOf.set(word, []).get(word)!).push(cls);
	}
}

/** Brand names as the token sequences `sentenceFeatures` masks. */
export function brandSequences(brands: readonly string[]): string[][] {
	return brands
		.map((name) => tokenize(name.normalize('NFKC')).filter((t) => t.kind === 'word' || t.kind === 'num').map((t) => t.value))
		.filter((seq) => seq.length > 0)
		.sort((a, b) => b.length - a.length);
}

/**
 * The post's own names: words written with a capital inside sentences and never in lower
 * case anywhere in the post. Title-case lines (headings) are not evidence either way.
 */
export function postNames(sentences: readonly string[]): Set<string> {
	const capital = new Set<string>();
	const lower = new Set<string>();
	for (const text of sentences) {
		const tokens = tokenize(text);
		const raw = tokens.filter((t) => t.kind === 'word').map((t) => text.slice(t.start, t.end));
		const capitals = raw.filter((w) => /^\p{Lu}/u.test(w)).length;
		const titleCase = raw.length > 2 && capitals / raw.length > 0.5;
		raw.forEach((word, i) => {
			const value = word.toLowerCase();
			if (/^\p{Lu}/u.test(word)) {
				if (i > 0 && !titleCase && value !== 'i') capital.add(value);
			} else lower.add(value);
		});
	}
	for (const word of lower) capital.delete(word);
	return capital;
}

/** Masked tokens of a sentence: what the n-grams are made of. */
export function maskedTokens(text: string, context: FeatureContext): string[] {
	const plain = text.replace(URL_PATTERN, ` ${URL_WORD} `).replace(CODE_PATTERN, ` ${CODE_WORD} `);
	const tokens = tokenize(plain);
	const out: string[] = [];
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i]!;
		const brand = token.kind === 'word' || token.kind === 'num' ? brandAt(tokens, i, context.brands) : 0;
		if (brand > 0) {
			out.push('<brand>');
			i += brand - 1;
			continue;
		}
		out.push(maskOne(token, context));
	}
	return out;
}

function maskOne(token: Token, context: FeatureContext): string {
	if (token.kind === 'num') return '<num>';
	if (token.kind === 'code') return '<code>';
	if (token.kind === 'sym') {
		if (token.value === '$' || token.value === '€' || token.value === '£' || token.value === '¥') return '<cur>';
		return token.value;
	}
	if (token.value === URL_WORD) return '<url>';
	if (token.value === CODE_WORD) return '<code>';
	if (context.names.has(token.value)) return '<name>';
	return token.value;
}

function brandAt(tokens: readonly Token[], i: number, brands: FeatureContext['brands']): number {
	for (const seq of brands) {
		if (i + seq.length > tokens.length) continue;
		let ok = true;
		for (let k = 0; k < seq.length && ok; k++) ok = tokens[i + k]!.value === seq[k];
		if (ok) return seq.length;
	}
	return 0;
}

/**
 * A sentence's features, from its text as the reader sees it, the rules that fired in it and
 * where it stands (`heading`, `list`, `blockquote`, `link`: its shapes).
 */
export function sentenceFeatures(text: string, signals: readonly Signal[], context: FeatureContext, shapes: readonly string[] = []): SentenceFeatures {
	const tokens = maskedTokens(text, context);
	const features: string[] = [];
	let words = 0;
	let previous = '^';
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i]!;
		if (token !== '!' && token !== '?' && !/^[%+#@&/:×]$/.test(token)) words++;
		features.push(`w:${token}`, `b:${previous} ${token}`);
		previous = token;
		const classes = lexiconOf.get(token);
		if (classes) for (const cls of classes) features.push(`lex:${cls}`);
		for (const { parts, cls } of hyphenated) {
			if (parts[0] === token && parts.every((part, k) => tokens[i + k] === part)) features.push(`lex:${cls}`);
		}
	}
	if (tokens.length > 0) features.push(`b:${previous} $`);
	if (tokens.includes('!')) features.push('shape:exclamation');
	if (tokens.at(-1) === '?') features.push('shape:question');
	for (const shape of shapes) features.push(`shape:${shape}`);
	for (const signal of signals) {
		if (signal.suppressed) continue;
		features.push(signal.mention ? `mention:${signal.ruleId}` : `rule:${signal.ruleId}`);
	}
	return { features, words: Math.max(words, 1) };
}
