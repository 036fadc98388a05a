/**
 * Phrase patterns: the small language rules are written in.
 *
 *   "start [a|your|the]? free trial"   words in order; [a|b] one of; ? optional
 *   "{num} % ![off|discount]"          {num} any number, {word} any word, {code} inline code,
 *                                      ![a|b] the next word must not be one of these
 *   "^ [run|open]"                     ^ only at the start of a sentence
 *   "^ thanks {word} $"                $ only at its end (a "!" or "?" may follow)
 *
 * Patterns are expanded once into token sequences and stored in a trie, so matching a
 * sentence is one walk per token, as deep as the longest phrase: linear in the text,
 * whatever the number of phrases.
 */
import { type Token, tokenize } from './tokens.js';

type Slot =
	| { kind: 'literal'; values: ReadonlySet<string> }
	| { kind: 'any'; tokenKind: 'num' | 'word' | 'code' }
	| { kind: 'not'; values: ReadonlySet<string> };

export interface CompiledPhrase {
	pattern: string;
	anchored: boolean;
	/** `$`: the phrase must end the sentence (only `!` or `?` may follow). */
	atEnd: boolean;
	slots: Slot[];
}

export interface PhraseMatch {
	/** Every pattern that matches these tokens (several rules may share a phrase). */
	patterns: string[];
	/** Token indexes, end exclusive. */
	from: number;
	to: number;
}

const WILDCARDS: Record<string, Slot> = {
	'{num}': { kind: 'any', tokenKind: 'num' },
	'{word}': { kind: 'any', tokenKind: 'word' },
	'{code}': { kind: 'any', tokenKind: 'code' },
};

/** One shape for every node (a class with all its fields set): the walk reads them without polymorphic lookups. */
class TrieNode {
	literal: Map<string, TrieNode> | undefined = undefined;
	num: TrieNode | undefined = undefined;
	word: TrieNode | undefined = undefined;
	code: TrieNode | undefined = undefined;
	/** Phrases that end here, each with the words that must not come next. */
	ends: Array<{ pattern: string; notNext?: ReadonlySet<string>; atEnd?: boolean }> | undefined = undefined;
}

export class PhraseIndex {
	private readonly root = new TrieNode();
	private readonly anchoredRoot = new TrieNode();

	constructor(patterns: readonly string[]) {
		for (const pattern of patterns) {
			for (const phrase of compilePattern(pattern)) this.insert(phrase.anchored ? this.anchoredRoot : this.root, phrase);
		}
	}

	/** Every match in `tokens`, at most one per start position (the longest). */
	match(tokens: Token[]): PhraseMatch[] {
		const matches: PhraseMatch[] = [];
		const { root } = this;
		// Where the sentence's closing marks begin: a `$` phrase must end there (computed once).
		let tail = tokens.length;
		while (tail > 0 && (tokens[tail - 1]!.value === '!' || tokens[tail - 1]!.value === '?')) tail--;
		for (let i = 0; i < tokens.length; i++) {
			const token = tokens[i]!;
			// Most words start no phrase: look that up before walking.
			const literal = root.literal?.get(token.value);
			const wildcard = token.kind === 'num' ? root.num : token.kind === 'code' ? root.code : token.kind === 'word' ? root.word : undefined;
			let best: PhraseMatch | undefined;
			if (literal) best = walk(literal, tokens, i, i + 1, best, tail);
			if (wildcard) best = walk(wildcard, tokens, i, i + 1, best, tail);
			if (i === 0) best = walk(this.anchoredRoot, tokens, 0, 0, best, tail);
			if (best) matches.push(best);
		}
		return matches;
	}

	private insert(root: TrieNode, phrase: CompiledPhrase): void {
		const slots = phrase.slots;
		const last = slots.at(-1);
		const notNext = last?.kind === 'not' ? last.values : undefined;
		const body = notNext ? slots.slice(0, -1) : slots;
		if (body.some((slot) => slot.kind === 'not')) throw new Error(`Phrase pattern "${phrase.pattern}": a negated slot must come last.`);
		let nodes: TrieNode[] = [root];
		for (const slot of body) {
			const next: TrieNode[] = [];
			for (const node of nodes) {
				if (slot.kind === 'any') {
					next.push((node[slot.tokenKind] ??= new TrieNode()));
				} else if (slot.kind === 'literal') {
					node.literal ??= new Map();
					for (const value of slot.values) {
						let child = node.literal.get(value);
						if (!child) node.literal.set(value, (child = new TrieNode()));
						next.push(child);
					}
				}
			}
			nodes = next;
		}
		for (const node of nodes) (node.ends ??= []).push({ pattern: phrase.pattern, ...(notNext ? { notNext } : {}), ...(phrase.atEnd ? { atEnd: true } : {}) });
	}
}

/** Depth-first walk of the trie from token `i`; keeps the longest phrase that starts at `from`. */
function walk(node: TrieNode, tokens: Token[], from: number, i: number, best: PhraseMatch | undefined, tail: number): PhraseMatch | undefined {
	if (node.ends && i > from && (!best || i >= best.to)) {
		const next = tokens[i]?.value;
		const ends = node.ends.filter((e) => (!e.notNext || next === undefined || !e.notNext.has(next)) && (!e.atEnd || i >= tail));
		if (ends.length) {
			const patterns = ends.map((e) => e.pattern);
			best = best && best.to === i ? { ...best, patterns: [...best.patterns, ...patterns.filter((p) => !best!.patterns.includes(p))] } : { patterns, from, to: i };
		}
	}
	const token = tokens[i];
	if (!token) return best;
	const literal = node.literal?.get(token.value);
	if (literal) best = walk(literal, tokens, from, i + 1, best, tail);
	const wildcard = token.kind === 'num' ? node.num : token.kind === 'word' ? node.word : token.kind === 'code' ? node.code : undefined;
	if (wildcard) best = walk(wildcard, tokens, from, i + 1, best, tail);
	return best;
}

/** Expands one pattern into its token sequences (every combination of alternatives and optional slots). */
export function compilePattern(pattern: string): CompiledPhrase[] {
	let anchored = false;
	let atEnd = false;
	let sequences: Slot[][] = [[]];
	for (const part of pattern.trim().split(/\s+(?![^[]*\])/)) {
		if (part === '^') {
			anchored = true;
			continue;
		}
		if (part === '$') {
			atEnd = true;
			continue;
		}
		const optional = part.endsWith('?') && part.length > 1 && !part.endsWith('[?]');
		const body = optional ? part.slice(0, -1) : part;
		const choices = parseSlot(body, pattern);
		const extended = sequences.flatMap((sequence) => choices.map((choice) => [...sequence, ...choice]));
		sequences = optional ? [...sequences, ...extended] : extended;
	}
	return sequences
		.filter((slots) => slots.some((slot) => slot.kind !== 'not'))
		.map((slots) => ({ pattern, anchored, atEnd, slots }));
}

/**
 * One space-separated part of a pattern as its possible slot sequences. Single-word
 * alternatives share one slot; multi-word alternatives (`[sign up|register]`) expand.
 */
function parseSlot(body: string, pattern: string): Slot[][] {
	const wildcard = WILDCARDS[body];
	if (wildcard) return [[wildcard]];
	const negated = body.startsWith('!');
	const inner = negated ? body.slice(1) : body;
	const alternatives = inner.startsWith('[') && inner.endsWith(']') ? inner.slice(1, -1).split('|') : [inner];
	const single = new Set<string>();
	const multi: Slot[][] = [];
	for (const alternative of alternatives) {
		const parts = alternative.trim().split(/\s+/).flatMap((word) => (WILDCARDS[word] ? [WILDCARDS[word]] : tokenize(word).map((t) => literal(t.value))));
		if (parts.length === 0) throw new Error(`Phrase pattern "${pattern}": "${alternative}" has no word in it.`);
		if (parts.length === 1 && parts[0]!.kind === 'literal') for (const value of parts[0]!.values) single.add(value);
		else multi.push(parts);
	}
	if (negated) {
		if (multi.length) throw new Error(`Phrase pattern "${pattern}": a negated slot takes single words only.`);
		return [[{ kind: 'not', values: single }]];
	}
	return [...(single.size ? [[{ kind: 'literal', values: single } as Slot]] : []), ...multi];
}

const literal = (value: string): Slot => ({ kind: 'literal', values: new Set([value]) });
