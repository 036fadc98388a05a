/**
 * The model's weights numbered for the audit's hot loop. Every weighted feature has one dense
 * number, its index: a word is its token's id (the opening's copy `words` later), a bigram its
 * slot in one pair table (plain and opening weights side by side), any other feature (word
 * class, shape, rule) a number from a small table of names. Reading a sentence is then one
 * Map lookup per token and integer work after it; a feature's name is built from its index
 * only when a pitch sentence's cues are shown.
 *
 * `readSentence` must find exactly what `visitSentence` (./features.ts) visits, in the same
 * order, with the weights `scoreFeatures` looks up by name: training reads names, the audit
 * reads indexes (tests/unit/scorer-fast-path.test.ts checks the two agree on random posts,
 * tests/unit/judgement.test.ts on the whole evaluation set).
 */
import type { Signal } from '../types.js';
import { SPECIAL_TOKENS, visitShapeAndRules } from './features.js';

/** What one sentence uses: each feature's index and weight, each index once, in first-use order. */
export interface IndexedSentence {
	indexes: number[];
	weights: number[];
	words: number;
}

export type FeatureIndex = ReturnType<typeof indexFeatures>;

/**
 * A model's features as parallel lists. `vocabulary`, when given, is what reading the names
 * would find, worked out when the model was written (the shipped model carries it, so loading
 * does not cut 19,000 names into words): `tokens` are the n-grams' words, `grams[2i]` and
 * `grams[2i + 1]` the ids in `tokens` of feature i's first and second word (−1: none).
 */
export interface FeatureList {
	names: readonly string[];
	values: ArrayLike<number>;
	vocabulary?: { tokens: readonly string[]; grams: ArrayLike<number> };
}

/** A model's weights (feature name → weight) as a feature list. */
export const listOf = (weights: ReadonlyMap<string, number>): FeatureList => ({ names: [...weights.keys()], values: [...weights.values()] });

/**
 * The words of an n-gram feature (`w:x`, `b:x y`, `L:w:x`, `L:b:x y`): [first, second], or
 * undefined for any other feature. The one place feature names are cut into words.
 */
export function gramOf(feature: string): [string, string | undefined] | undefined {
	const at = feature.charCodeAt(0) === 76 /* L */ && feature.charCodeAt(1) === 58 /* : */ ? 2 : 0;
	if (feature.charCodeAt(at + 1) !== 58) return undefined;
	const kind = feature.charCodeAt(at);
	if (kind === 119 /* w */) return [feature.slice(at + 2), undefined];
	if (kind !== 98 /* b */) return undefined;
	const space = feature.indexOf(' ', at + 3);
	return [feature.slice(at + 2, space), feature.slice(space + 1)];
}

/** Numbers the features of a model for the audit's lookups. */
export function indexFeatures({ names: featureNames, values, vocabulary }: FeatureList) {
	// Token ids: the model's n-gram words, `^` and `$`, and every token the traversal treats specially.
	const ids = new Map<string, number>();
	const tokenOf: string[] = [];
	const idOf = (token: string) => {
		let id = ids.get(token);
		if (id === undefined) {
			ids.set(token, (id = tokenOf.length));
			tokenOf.push(token);
		}
		return id;
	};
	for (const token of vocabulary?.tokens ?? []) idOf(token);
	const START = idOf('^');
	const END = idOf('$');

	// Each feature's kind and token ids; a feature that is no n-gram keeps its name.
	const count = featureNames.length;
	const kindOf = new Uint8Array(count); // 0 named, 1 word, 2 bigram; +4 the opening's
	const leftOf = new Int32Array(count);
	const rightOf = new Int32Array(count);
	const names: string[] = [];
	for (let f = 0; f < count; f++) {
		const feature = featureNames[f]!;
		let left: number;
		let right: number;
		if (vocabulary) {
			left = vocabulary.grams[2 * f]!;
			right = vocabulary.grams[2 * f + 1]!;
		} else {
			const gram = gramOf(feature);
			left = gram ? idOf(gram[0]) : -1;
			right = gram?.[1] !== undefined ? idOf(gram[1]) : -1;
		}
		if (left < 0) {
			names.push(feature);
			continue;
		}
		const lead = feature.charCodeAt(0) === 76 ? 4 : 0;
		kindOf[f] = (right < 0 ? 1 : 2) + lead;
		leftOf[f] = left;
		rightOf[f] = right;
	}
	for (const token of SPECIAL_TOKENS.keys()) idOf(token);
	const words = tokenOf.length;

	// A bigram's key is its two ids in one integer (exact while ids stay under 2^26).
	const PAIR = words < 2 ** 15 ? 2 ** 15 : 2 ** 26;
	const pairKeys: number[] = [];
	const slotOfPair = new Map<number, number>();
	const slotOf = new Int32Array(count);
	for (let k = 0; k < count; k++) {
		if ((kindOf[k]! & 3) !== 2) continue;
		const key = leftOf[k]! * PAIR + rightOf[k]!;
		let slot = slotOfPair.get(key);
		if (slot === undefined) {
			slotOfPair.set(key, (slot = pairKeys.length));
			pairKeys.push(key);
		}
		slotOf[k] = slot;
	}
	const pairs = pairKeys.length;

	// Index layout: words, the opening's words, bigrams, the opening's bigrams, then named features.
	const BIGRAM = 2 * words;
	const NAMED = BIGRAM + 2 * pairs;
	const namedIndex = new Map<string, number>();
	const weight = new Float64Array(NAMED + names.length);
	for (let k = 0, named = 0; k < count; k++) {
		const kind = kindOf[k]!;
		if (kind === 0) {
			namedIndex.set(names[named]!, NAMED + named);
			weight[NAMED + named++] = values[k]!;
		} else if ((kind & 3) === 1) weight[leftOf[k]! + (kind & 4 ? words : 0)] = values[k]!;
		else weight[BIGRAM + slotOf[k]! + (kind & 4 ? pairs : 0)] = values[k]!;
	}
	const pairSlot = PAIR === 2 ** 15 ? integerTable(pairKeys) : (key: number) => slotOfPair.get(key) ?? -1;

	// Per token id: not a word; its word classes' indexes (plain, opening), its hyphenated entries.
	const notWord = new Uint8Array(words);
	const classes: Array<readonly number[] | undefined> = new Array(words);
	const leadClasses: Array<readonly number[] | undefined> = new Array(words);
	const compounds: Array<ReadonlyArray<{ parts: readonly string[]; index: number; lead: number }> | undefined> = new Array(words);
	const named = (name: string) => namedIndex.get(name) ?? -1;
	for (const [token, special] of SPECIAL_TOKENS) {
		const id = ids.get(token)!;
		if (special.notWord) notWord[id] = 1;
		if (special.classes) {
			classes[id] = special.classes.map((cls) => named(`lex:${cls}`)).filter((index) => index >= 0);
			leadClasses[id] = special.classes.map((cls) => named(`L:lex:${cls}`)).filter((index) => index >= 0);
		}
		if (special.compounds) compounds[id] = special.compounds.map(({ parts, cls }) => ({ parts, index: named(`lex:${cls}`), lead: named(`L:lex:${cls}`) }));
	}

	/** A feature's name, from its index (a pitch sentence's cues). */
	const nameOf = (index: number): string => {
		if (index < BIGRAM) return index < words ? `w:${tokenOf[index]}` : `L:w:${tokenOf[index - words]}`;
		if (index < NAMED) {
			const lead = index >= BIGRAM + pairs;
			const key = pairKeys[index - BIGRAM - (lead ? pairs : 0)]!;
			const left = Math.floor(key / PAIR);
			return `${lead ? 'L:' : ''}b:${tokenOf[left]} ${tokenOf[key - left * PAIR]}`;
		}
		return names[index - NAMED]!;
	};

	// Each feature once per sentence: `seen[index]` is the last sentence that used it.
	const seen = new Int32Array(weight.length).fill(-1);
	let mark = -1;
	let indexes: number[] = [];
	let used: number[] = [];
	const record = (index: number) => {
		if (index < 0 || seen[index] === mark) return;
		seen[index] = mark;
		indexes.push(index);
		used.push(weight[index]!);
	};
	const tokenIds: number[] = [];

	/**
	 * One pass over a sentence's tokens (`opening`: the opening's copy of its features): each
	 * token's word, its bigram with the previous token, its word classes and hyphenated entries,
	 * then the closing bigram. The first pass looks the tokens up, the second reuses their ids.
	 */
	const readWords = (tokens: readonly string[], opening: boolean) => {
		const wordBase = opening ? words : 0;
		const pairBase = BIGRAM + (opening ? pairs : 0);
		const classesOf = opening ? leadClasses : classes;
		let previous = START;
		for (let i = 0; i < tokens.length; i++) {
			const id = opening ? tokenIds[i]! : (tokenIds[i] = ids.get(tokens[i]!) ?? -1);
			if (id < 0) {
				previous = -1;
				continue;
			}
			if (weight[wordBase + id] !== 0) record(wordBase + id);
			if (previous >= 0) {
				const slot = pairSlot(previous * PAIR + id);
				if (slot >= 0 && weight[pairBase + slot] !== 0) record(pairBase + slot);
			}
			previous = id;
			const own = classesOf[id];
			if (own !== undefined) for (let k = 0; k < own.length; k++) record(own[k]!);
			const entries = compounds[id];
			if (entries !== undefined) for (const entry of entries) if (startsWith(tokens, i, entry.parts)) record(opening ? entry.lead : entry.index);
		}
		if (tokens.length > 0 && previous >= 0) {
			const slot = pairSlot(previous * PAIR + END);
			if (slot >= 0 && weight[pairBase + slot] !== 0) record(pairBase + slot);
		}
	};

	/**
	 * The weighted features of one masked sentence, as visitSentence visits them: its words'
	 * features, with `lead` the opening's copy of them, then its shape and rules.
	 */
	const readSentence = (tokens: readonly string[], signals: readonly Signal[], shapes: readonly string[], lead: boolean): IndexedSentence => {
		if (++mark === 2 ** 30) {
			seen.fill(-1);
			mark = 0;
		}
		indexes = [];
		used = [];
		tokenIds.length = tokens.length;
		readWords(tokens, false);
		if (lead) readWords(tokens, true);
		let count = 0;
		let exclamation = false;
		for (let i = 0; i < tokens.length; i++) {
			const id = tokenIds[i]!;
			if (id < 0 || notWord[id] === 0) count++;
			else if (tokens[i] === '!') exclamation = true;
		}
		visitShapeAndRules(tokens, signals, shapes, exclamation, (name) => record(named(name)));
		return { indexes, weights: used, words: Math.max(count, 1) };
	};

	return { readSentence, nameOf, size: weight.length };
}

const startsWith = (tokens: readonly string[], at: number, parts: readonly string[]) => {
	for (let k = 0; k < parts.length; k++) if (tokens[at + k] !== parts[k]) return false;
	return true;
};

/**
 * Slots by integer key (under 2^30) in an open-addressing table: the audit looks up every
 * bigram of every sentence, and typed arrays answer several times faster than a Map. −1 when absent.
 */
function integerTable(keys: readonly number[]): (key: number) => number {
	let bits = 1;
	while (1 << bits < keys.length * 2) bits++;
	const mask = (1 << bits) - 1;
	const slots = new Int32Array(mask + 1).fill(-1);
	const values = new Int32Array(mask + 1).fill(-1);
	const slotOf = (key: number) => {
		let slot = Math.imul(key, 0x9e3779b1) >>> (32 - bits);
		while (slots[slot] !== -1 && slots[slot] !== key) slot = (slot + 1) & mask;
		return slot;
	};
	keys.forEach((key, i) => {
		const slot = slotOf(key);
		slots[slot] = key;
		values[slot] = i;
	});
	return (key) => {
		const slot = slotOf(key);
		return slots[slot] === key ? values[slot]! : -1;
	};
}
