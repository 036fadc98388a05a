/**
 * The learned scorer's features of one sentence: masked word 1–2-grams, lexicon classes,
 * sentence shape and the rules that fired. Masking (brands, other names, numbers, URLs,
 * code) makes the model learn how things are said, not what a company's posts are about,
 * so what it learned on some companies carries over to others.
 *
 * The same tokenising and masking run when training (`npm run train`) and when auditing, and
 * the audit's numbered reading of the features (./feature-index.ts) is held equal to the named
 * one here, so the model sees at run time exactly what it saw when it learned.
 */
import { asciiLowerCase, type Token, tokenize } from '../tokens.js';
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
/** Hyphenated entries ("best-in-class"), by their first word: the tokeniser splits at hyphens. */
const hyphenated = new Map<string, Array<{ parts: string[]; cls: string }>>();
for (const [cls, words] of Object.entries(LEXICON)) {
	for (const word of words) {
		if (word.includes('-')) {
			const parts = word.split('-');
			(hyphenated.get(parts[0]!) ?? hyphenated.set(parts[0]!, []).get(parts[0]!)!).push({ parts, cls });
		} else (lexiconOf.get(word) ?? lexiconOf.set(word, []).get(word)!).push(cls);
	}
}

/** Brand names as the token sequences `sentenceFeatures` masks. */
export function brandSequences(brands: readonly string[]): string[][] {
	return brands
		.map((name) => tokenize(name.normalize('NFKC')).filter((t) => t.kind === 'word' || t.kind === 'num').map((t) => t.value))
		.filter((seq) => seq.length > 0)
		.sort((a, b) => b.length - a.length);
}

/** The sentences of a post, tokenised once, with the post's own names found. */
export interface PostTokens {
	tokens: ReadonlyArray<readonly Token[]>;
	/** Per sentence, 1 for each word written with a capital: only those can be names (a name is never written in lower case). */
	capitals: ReadonlyArray<Uint8Array>;
	names: Set<string>;
}

/**
 * A sentence as the model reads it. `tokens`, when given, are what tokenising `text` here would
 * give (positions into `source`, the text they were cut from): the sentence stage's own tokens,
 * handed over when `readsAsIs(text)` and `text` is their slice of `source`, runs of whitespace
 * perhaps collapsed (which cuts the same tokens).
 */
export interface ModelText {
	text: string;
	tokens?: readonly Token[];
	source?: string;
}

const URL_TEST = new RegExp(URL_PATTERN.source, 'i');
/** The model reads the text without masking a URL, an e-mail address or inline code in it first. */
export const readsAsIs = (text: string) => !text.includes('`') && !(mayHoldUrl(text) && URL_TEST.test(text));
/** Every match of URL_PATTERN holds "://", "www." (any case) or "@": most sentences are cleared without running it. */
const mayHoldUrl = (text: string) => text.includes('://') || text.includes('@') || WWW.test(text);
const WWW = /www\./i;

/**
 * Tokenises a post's sentences once and finds its own names: words written with a capital
 * inside sentences and never in lower case anywhere in the post. Title-case lines (headings)
 * are not evidence either way.
 */
export function tokenizePost(sentences: readonly (string | ModelText)[]): PostTokens {
	const capital = new Set<string>();
	const capitals: Uint8Array[] = [];
	const tokens = sentences.map((sentence) => {
		let text: string;
		let own: readonly Token[];
		if (typeof sentence !== 'string' && sentence.tokens && sentence.source !== undefined) {
			text = sentence.source;
			own = sentence.tokens;
		} else {
			const plain = typeof sentence === 'string' ? sentence : sentence.text;
			text = plain.replace(URL_PATTERN, ` ${URL_WORD} `).replace(CODE_PATTERN, ` ${CODE_WORD} `);
			own = tokenize(text, 0, text.length, asciiLowerCase(text));
		}
		// A word's capital is read once; a title-case line (more than half capitals) is no evidence.
		let words = 0;
		let capitalWords = 0;
		const capitalAt = new Uint8Array(own.length);
		capitals.push(capitalAt);
		for (let k = 0; k < own.length; k++) {
			const t = own[k]!;
			if (t.kind !== 'word') continue;
			words++;
			if (isCapital(text, t.start)) {
				capitalAt[k] = 1;
				capitalWords++;
			}
		}
		const titleCase = words > 2 && capitalWords / words > 0.5;
		let first = true;
		for (let k = 0; k < own.length; k++) {
			const t = own[k]!;
			if (t.kind !== 'word') continue;
			if (capitalAt[k] && !first && !titleCase && t.value !== 'i') capital.add(t.value);
			first = false;
		}
		return own;
	});
	// A word also written in lower case is no name. Few words are candidates: their first letters
	// spare looking up most lower-case words.
	let initials = 0;
	for (const word of capital) initials |= 1 << (word.charCodeAt(0) & 31);
	for (let s = 0; s < tokens.length && capital.size > 0; s++) {
		const own = tokens[s]!;
		const capitalAt = capitals[s]!;
		for (let k = 0; k < own.length; k++) {
			const t = own[k]!;
			if (t.kind === 'word' && capitalAt[k] === 0 && (initials & (1 << (t.value.charCodeAt(0) & 31))) !== 0) capital.delete(t.value);
		}
	}
	return { tokens, capitals, names: capital };
}

const isCapital = (text: string, at: number) => {
	const c = text.charCodeAt(at);
	return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(text.slice(at, at + 2));
};

/**
 * Masked tokens of a sentence: what the n-grams are made of. `capitals` (from tokenizePost)
 * spares looking up, as a name, a word written in lower case.
 */
export function maskedTokens(tokens: readonly Token[], context: FeatureContext, capitals?: Uint8Array): string[] {
	const out: string[] = [];
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i]!;
		const brand = token.kind === 'word' || token.kind === 'num' ? brandAt(tokens, i, context.brands) : 0;
		if (brand > 0) {
			out.push('<brand>');
			i += brand - 1;
			continue;
		}
		out.push(maskOne(token, context, capitals === undefined || capitals[i] === 1));
	}
	return out;
}

const CURRENCIES = new Set(['$', '€', '£', '¥']);
/** Symbols that are not words (the score counts words). */
const NOT_WORDS = ['!', '?', '%', '+', '#', '@', '&', '/', ':', '×'];

/** How the traversal treats a token: a symbol that is not a word, a lexicon word, the first word of hyphenated entries. */
export interface SpecialToken {
	notWord?: true;
	classes?: string[];
	compounds?: Array<{ parts: string[]; cls: string }>;
}

/** Tokens the traversal treats specially, by token (the scorer's fast path indexes them once). */
const specialTokens = new Map<string, SpecialToken>();
export const SPECIAL_TOKENS: ReadonlyMap<string, Readonly<SpecialToken>> = specialTokens;
const specialOf = (token: string) => specialTokens.get(token) ?? specialTokens.set(token, {}).get(token)!;
for (const token of NOT_WORDS) specialOf(token).notWord = true;
for (const [token, classes] of lexiconOf) specialOf(token).classes = classes;
for (const [token, compounds] of hyphenated) specialOf(token).compounds = compounds;

function maskOne(token: Token, context: FeatureContext, mayBeName: boolean): string {
	if (token.kind === 'num') return '<num>';
	if (token.kind === 'code') return '<code>';
	if (token.kind === 'sym') return CURRENCIES.has(token.value) ? '<cur>' : token.value;
	if (token.value === URL_WORD) return '<url>';
	if (token.value === CODE_WORD) return '<code>';
	if (mayBeName && context.names.has(token.value)) return '<name>';
	return token.value;
}

function brandAt(tokens: readonly Token[], i: number, brands: FeatureContext['brands']): number {
	const value = tokens[i]!.value;
	for (const seq of brands) {
		if (value !== seq[0] || i + seq.length > tokens.length) continue;
		let ok = true;
		for (let k = 1; k < seq.length && ok; k++) ok = tokens[i + k]!.value === seq[k];
		if (ok) return seq.length;
	}
	return 0;
}

/**
 * Everything the model reads of a sentence, as calls, by name: what training learns from. The
 * audit reads the same features by number (./feature-index.ts `readSentence`, in the same
 * order; tests/unit/scorer-fast-path.test.ts holds the two equal).
 */
export interface FeatureVisitor {
	word(token: string): void;
	bigram(previous: string, token: string): void;
	lexicon(cls: string): void;
	other(feature: string): void;
}

/**
 * A post's opening: the sentences that start within its first this many words (title and
 * description included) also count their n-grams and word classes as `L:` features. Where a
 * post says what it is about, announcement framing ("we're excited to announce", "join us")
 * says more about the post than the same words deep in a tutorial (leave-one-company-out:
 * +0.7 points of the score's mean ROC AUC and +1.1 of the logit's when it was added; 100
 * and 250 words measured 0.5 points lower than 150).
 */
export const LEAD_WORDS = 150;

/**
 * Visits a sentence's features: masked word 1–2-grams (with `^` and `$` at its ends), the
 * lexicon classes of its words, its shape (exclamation, question and where it stands:
 * `heading`) and the rules that fired in it (`rule:` used, `mention:` mentioned). A sentence
 * of the post's opening visits its n-grams and classes a second time with `lead`. Returns the
 * sentence's word count.
 */
export function visitSentence(tokens: readonly string[], signals: readonly Signal[], shapes: readonly string[], visit: FeatureVisitor, lead?: FeatureVisitor): number {
	const { words, exclamation } = visitWords(tokens, visit);
	if (lead) visitWords(tokens, lead);
	visitShapeAndRules(tokens, signals, shapes, exclamation, visit.other);
	return Math.max(words, 1);
}

/** The features after a sentence's words: its shape and the rules that fired, in this order. */
export function visitShapeAndRules(tokens: readonly string[], signals: readonly Signal[], shapes: readonly string[], exclamation: boolean, other: (feature: string) => void): void {
	if (exclamation) other('shape:exclamation');
	if (tokens.at(-1) === '?') other('shape:question');
	for (const shape of shapes) other(`shape:${shape}`);
	for (const signal of signals) {
		if (signal.suppressed) continue;
		other(signal.mention ? `mention:${signal.ruleId}` : `rule:${signal.ruleId}`);
	}
}

/** The n-grams and word classes of a sentence; its words (symbols are not words) and whether it exclaims. */
function visitWords(tokens: readonly string[], visit: FeatureVisitor): { words: number; exclamation: boolean } {
	let words = 0;
	let previous = '^';
	let exclamation = false;
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i]!;
		// One lookup tells whether the token is a symbol, a lexicon word or starts a hyphenated entry.
		const special = specialTokens.get(token);
		if (special?.notWord) {
			if (token === '!') exclamation = true;
		} else words++;
		visit.word(token);
		visit.bigram(previous, token);
		previous = token;
		if (special === undefined) continue;
		if (special.classes) for (const cls of special.classes) visit.lexicon(cls);
		if (special.compounds) for (const { parts, cls } of special.compounds) if (parts.every((part, k) => tokens[i + k] === part)) visit.lexicon(cls);
	}
	if (tokens.length > 0) visit.bigram(previous, '$');
	return { words, exclamation };
}

/** A sentence's features by name (training, and the cues of a pitch sentence); `lead`: it is in the post's opening. */
export function sentenceFeatures(tokens: readonly string[], signals: readonly Signal[], shapes: readonly string[] = [], lead = false): SentenceFeatures {
	const features: string[] = [];
	const words = visitSentence(
		tokens,
		signals,
		shapes,
		{
			word: (token) => features.push(`w:${token}`),
			bigram: (previous, token) => features.push(`b:${previous} ${token}`),
			lexicon: (cls) => features.push(`lex:${cls}`),
			other: (feature) => features.push(feature),
		},
		lead
			? {
					word: (token) => features.push(`L:w:${token}`),
					bigram: (previous, token) => features.push(`L:b:${previous} ${token}`),
					lexicon: (cls) => features.push(`L:lex:${cls}`),
					other: () => {},
				}
			: undefined,
	);
	return { features, words };
}
