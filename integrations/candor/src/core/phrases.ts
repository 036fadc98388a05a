/**
 * Phrase patterns: the small language rules are written in.
 *
 *   "start [a|your|the]? free trial"   words in order; [a|b] one of; ? optional
 *   "{num} % ![off|discount]"          {num} any number, {word} any word, {code} inline code,
 *                                      ![a|b] the next word must not be one of these
 *   "^ [run|open]"                     ^ only at the start of a sentence
 *
 * Patterns are expanded once into plain token sequences and indexed by their first token,
 * so matching a sentence is one pass over its tokens: linear in the text, whatever the
 * number of phrases.
 */
import { type Token, tokenize } from './tokens.js';

type Slot =
	| { kind: 'literal'; values: ReadonlySet<string> }
	| { kind: 'any'; tokenKind: 'num' | 'word' | 'code' }
	| { kind: 'not'; values: ReadonlySet<string> };

export interface CompiledPhrase {
	pattern: string;
	anchored: boolean;
	slots: Slot[];
}

export interface PhraseMatch {
	pattern: string;
	/** Token indexes, end exclusive. */
	from: number;
	to: number;
}

const WILDCARDS: Record<string, Slot> = {
	'{num}': { kind: 'any', tokenKind: 'num' },
	'{word}': { kind: 'any', tokenKind: 'word' },
	'{code}': { kind: 'any', tokenKind: 'code' },
};

export class PhraseIndex {
	private readonly byFirst = new Map<string, CompiledPhrase[]>();
	private readonly byWildcard = new Map<string, CompiledPhrase[]>();

	constructor(patterns: readonly string[]) {
		for (const pattern of patterns) {
			for (const phrase of compilePattern(pattern)) {
				const first = phrase.slots[0]!;
				if (first.kind === 'literal') {
					for (const value of first.values) push(this.byFirst, value, phrase);
				} else if (first.kind === 'any') {
					push(this.byWildcard, first.tokenKind, phrase);
				}
			}
		}
	}

	/** Every match in `tokens`, at most one per start position (the longest). */
	match(tokens: Token[]): PhraseMatch[] {
		const matches: PhraseMatch[] = [];
		for (let i = 0; i < tokens.length; i++) {
			const token = tokens[i]!;
			let best: PhraseMatch | undefined;
			for (const candidates of [this.byFirst.get(token.value), this.byWildcard.get(token.kind)]) {
				for (const phrase of candidates ?? []) {
					if (phrase.anchored && i !== 0) continue;
					const to = matchAt(phrase.slots, tokens, i);
					if (to > i && (!best || to > best.to)) best = { pattern: phrase.pattern, from: i, to };
				}
			}
			if (best) matches.push(best);
		}
		return matches;
	}
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

function matchAt(slots: Slot[], tokens: Token[], at: number): number {
	let i = at;
	for (const slot of slots) {
		const token = tokens[i];
		if (slot.kind === 'not') {
			if (token && slot.values.has(token.value)) return -1;
			continue;
		}
		if (!token) return -1;
		if (slot.kind === 'literal' ? !slot.values.has(token.value) : token.kind !== slot.tokenKind) return -1;
		i++;
	}
	return i;
}

/** Expands one pattern into its token sequences (every combination of alternatives and optional slots). */
export function compilePattern(pattern: string): CompiledPhrase[] {
	let anchored = false;
	let sequences: Slot[][] = [[]];
	for (const part of pattern.trim().split(/\s+(?![^[]*\])/)) {
		if (part === '^') {
			anchored = true;
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
		.map((slots) => ({ pattern, anchored, slots }));
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
