/**
 * The learned scorer: a linear model over sentence features, trained on whole posts of real
 * company blogs (`npm run train`) and split back onto sentences.
 *
 * The model sees a post as its features' counts per word, so its logit is the word-weighted
 * mean of its sentences' densities: z = bias + Σ (words_s / words) · density_s. A sentence is
 * judged with its passage (its neighbours in the same paragraph, up to `passageWords`): its
 * pitch probability is σ(temperature · (bias + offset + the passage's density)). A sentence
 * at or above one half is pitch and adds words_s / words · probability to the score; the rest
 * add nothing. So the score is the promotional share of the post's prose, 0–100, exactly the
 * sum of its pitch sentences' contributions, and every point of it has a finding.
 *
 * Mention is not use: a sentence whose pitch the rules found quoted, negated or discussed
 * cannot add pitch (its density is capped at 0); a sentence the editor suppressed adds none.
 */
import type { Signal } from '../types.js';
import {
	brandSequences,
	type FeatureContext,
	type FeatureVisitor,
	maskedTokens,
	type ModelText,
	type SentenceFeatures,
	sentenceFeatures,
	tokenizePost,
	visitSentence,
} from './features.js';

export interface LinearModel {
	format: 'candor-linear-1';
	/** Post-level logit offset. */
	bias: number;
	/** Sharpness applied to a passage's logit before σ (chosen on held-out companies). */
	temperature: number;
	/** Added to the bias for sentence probabilities: where a passage starts to count as pitch. */
	offset: number;
	/** A sentence is judged with its neighbours until the passage has this many words. */
	passageWords: number;
	/** A shorter passage is judged as if padded with plain words to this length: two words are little evidence. */
	minPassageWords: number;
	/** Feature name → weight per word (the shipped model holds a Map: building it is faster than an object). */
	weights: Readonly<Record<string, number>> | ReadonlyMap<string, number>;
	/** The weight a site's own rule (`customRules`) gets per unit of its `weight`: the prior rules were trained towards. */
	rulePrior: number;
}

export interface ScorableSentence extends ModelText {
	signals: readonly Signal[];
	/** Where the sentence stands (today only `heading`). */
	shapes?: readonly string[];
}

export interface Cue {
	feature: string;
	/** Logit points this feature adds to the sentence's density. */
	weight: number;
}

export interface ScoredSentence {
	words: number;
	/** The sentence's per-word logit contribution (before the bias). */
	density: number;
	/** σ(temperature · (bias + offset + the passage's density)): how much of the sentence is pitch, 0–1. */
	probability: number;
	/** Score points this sentence adds to the post, 0–100 in all (0 below PITCH_PROBABILITY). */
	contribution: number;
	/** The features that pushed the sentence towards pitch, strongest first (pitch sentences only). */
	cues: Cue[];
	/** The density was capped at 0: the sentence mentions pitch without using it. */
	mention: boolean;
}

export interface ScoredPost {
	/** Σ contributions, 0–100. */
	score: number;
	/** The post's logit (what the model was trained to predict). */
	logit: number;
	words: number;
	sentences: ScoredSentence[];
}

export interface ScorerOptions {
	brand?: readonly string[];
	/** Feature weights the site's rule settings replace (`rule:<id>` → weight; 0 removes it). */
	overrides?: ReadonlyMap<string, number>;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export interface SentenceFlags {
	/** The rules found the sentence's pitch quoted, negated or discussed. */
	mention: boolean;
	/** The editor suppressed a pitch finding of the sentence. */
	suppressed: boolean;
	/** The sentence's block (paragraph, list item, heading): a passage never crosses blocks. */
	group: number;
}

/** A passage counts as pitch from this probability up; below it, it adds nothing to the score. */
export const PITCH_PROBABILITY = 0.5;

export type Scorer = ReturnType<typeof createScorer>;

/** A model's weights as entries, whichever form it holds them in. */
export function weightEntries(model: LinearModel): Array<[string, number]> {
	return model.weights instanceof Map ? [...model.weights] : Object.entries(model.weights);
}

/** One weight of a model, whichever form it holds them in. */
export function weightOf(model: LinearModel, feature: string): number | undefined {
	return model.weights instanceof Map ? model.weights.get(feature) : (model.weights as Readonly<Record<string, number>>)[feature];
}

export function createScorer(model: LinearModel, options: ScorerOptions = {}) {
	const brands = brandSequences(options.brand ?? []);
	const weights = new Map(weightEntries(model));
	for (const [feature, weight] of options.overrides ?? []) {
		if (weight === 0) weights.delete(feature);
		else weights.set(feature, weight);
	}
	// The same weights keyed for lookups without building feature names (the audit's hot loop):
	// each token is looked up once, as an id; a bigram is a number made of its two ids.
	const ids = new Map<string, number>();
	const idOf = (token: string) => ids.get(token) ?? (ids.set(token, ids.size), ids.size - 1);
	const START = idOf('^');
	const END = idOf('$');
	for (const feature of weights.keys()) {
		if (feature.startsWith('w:')) idOf(feature.slice(2));
		else if (feature.startsWith('b:')) {
			const space = feature.indexOf(' ', 3);
			idOf(feature.slice(2, space));
			idOf(feature.slice(space + 1));
		}
	}
	// A bigram's key is its two ids in one integer: under 2^30 while the vocabulary has under
	// 2^15 words (then looked up in a typed table), a larger exact number past that (a Map).
	const PAIR = ids.size < 2 ** 15 ? 2 ** 15 : 2 ** 26;
	const unigramById: number[] = [];
	const bigramKeys: number[] = [];
	const bigramWeights: number[] = [];
	for (const [feature, weight] of weights) {
		if (feature.startsWith('w:')) unigramById[idOf(feature.slice(2))] = weight;
		else if (feature.startsWith('b:')) {
			const space = feature.indexOf(' ', 3);
			bigramKeys.push(idOf(feature.slice(2, space)) * PAIR + idOf(feature.slice(space + 1)));
			bigramWeights.push(weight);
		}
	}
	const bigramWeight = PAIR === 2 ** 15 ? integerTable(bigramKeys, bigramWeights) : mapTable(bigramKeys, bigramWeights);
	// 0 for a token that only appears in bigrams.
	for (let id = 0; id < ids.size; id++) unigramById[id] ??= 0;
	let sum = 0;
	let previousId = START;
	let currentId = -1;
	const summing: FeatureVisitor = {
		word: (token) => {
			currentId = ids.get(token) ?? -1;
			if (currentId >= 0) sum += unigramById[currentId]!;
		},
		// visitSentence calls word(token) and then bigram(previous, token) for each token, and
		// bigram(last, '$') at the end: the ids are the ones word() just looked up.
		bigram: (_previous, token) => {
			const right = token === '$' ? END : currentId;
			if (previousId >= 0 && right >= 0) sum += bigramWeight(previousId * PAIR + right);
			previousId = currentId;
		},
		lexicon: (cls) => void (sum += weights.get(`lex:${cls}`) ?? 0),
		other: (feature) => void (sum += weights.get(feature) ?? 0),
	};

	// A pitch sentence's cues: the same traversal, keeping each feature that weighs towards pitch
	// (by name, summed per name in the order met, as cuesOf does from the names).
	let pushing = new Map<string, number>();
	const push = (name: string, weight: number) => void pushing.set(name, (pushing.get(name) ?? 0) + weight);
	const collecting: FeatureVisitor = {
		word: (token) => {
			currentId = ids.get(token) ?? -1;
			if (currentId >= 0 && unigramById[currentId]! > 0) push(`w:${token}`, unigramById[currentId]!);
		},
		bigram: (previous, token) => {
			const right = token === '$' ? END : currentId;
			if (previousId >= 0 && right >= 0) {
				const weight = bigramWeight(previousId * PAIR + right);
				if (weight > 0) push(`b:${previous} ${token}`, weight);
			}
			previousId = currentId;
		},
		lexicon: (cls) => {
			const weight = weights.get(`lex:${cls}`);
			if (weight !== undefined && weight > 0) push(`lex:${cls}`, weight);
		},
		other: (feature) => {
			const weight = weights.get(feature);
			if (weight !== undefined && weight > 0) push(feature, weight);
		},
	};

	/** Each sentence's masked tokens, with the post's own names masked. */
	const maskAll = (sentences: readonly ScorableSentence[]) => {
		const post = tokenizePost(sentences);
		const context: FeatureContext = { brands, names: post.names };
		return post.tokens.map((tokens) => maskedTokens(tokens, context));
	};

	/** Features of every sentence of a post, by name (what training learns from). */
	const featuresOf = (sentences: readonly ScorableSentence[]): SentenceFeatures[] =>
		maskAll(sentences).map((tokens, i) => sentenceFeatures(tokens, sentences[i]!.signals, sentences[i]!.shapes));

	/**
	 * Reads a post's sentences once, for the audit: their weights summed without building
	 * feature names. `score(flags)` then judges the passages; the stage calls it again, without
	 * reading the words again, when a suppression takes a sentence out. Equal to
	 * scoreFeatures(featuresOf(…)) (a test checks it).
	 */
	const read = (sentences: readonly ScorableSentence[]) => {
		const masked = maskAll(sentences);
		const sums = masked.map((tokens, i) => {
			sum = 0;
			previousId = START;
			const words = visitSentence(tokens, sentences[i]!.signals, sentences[i]!.shapes ?? [], summing);
			return { sum, words };
		});
		const cues = (i: number) => {
			pushing = new Map();
			previousId = START;
			const words = visitSentence(masked[i]!, sentences[i]!.signals, sentences[i]!.shapes ?? [], collecting);
			return strongestCues(pushing, words);
		};
		return { score: (flags: readonly SentenceFlags[]): ScoredPost => scoreSums(model, sums, flags, cues) };
	};

	return { featuresOf, read };
}

/** Scores sentences whose features are known by name (training and evaluation). */
export function scoreFeatures(
	model: LinearModel,
	features: readonly SentenceFeatures[],
	flags: readonly SentenceFlags[],
	weights: ReadonlyMap<string, number> = new Map(weightEntries(model)),
): ScoredPost {
	const sums = features.map(({ features: names, words }) => {
		let sum = 0;
		for (const name of names) sum += weights.get(name) ?? 0;
		return { sum, words };
	});
	return scoreSums(model, sums, flags, (i) => cuesOf(features[i]!.features, features[i]!.words, weights));
}

/** The features that pushed a sentence towards pitch, strongest first. */
function cuesOf(names: readonly string[], words: number, weights: ReadonlyMap<string, number>): Cue[] {
	const byFeature = new Map<string, number>();
	for (const name of names) {
		const w = weights.get(name);
		if (w !== undefined) byFeature.set(name, (byFeature.get(name) ?? 0) + w);
	}
	return strongestCues(byFeature, words);
}

/** The five features with the largest positive summed weight, per word of the sentence. */
function strongestCues(byFeature: ReadonlyMap<string, number>, words: number): Cue[] {
	return [...byFeature]
		.filter(([, w]) => w > 0)
		.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
		.slice(0, 5)
		.map(([feature, w]) => ({ feature, weight: round(w / words, 4) }));
}

/** Passages, probabilities and contributions from each sentence's summed weights. */
function scoreSums(model: LinearModel, sums: ReadonlyArray<{ sum: number; words: number }>, flags: readonly SentenceFlags[], cues: (i: number) => Cue[]): ScoredPost {
	let total = 0;
	for (const s of sums) total += s.words;
	const sentences = sums.map(({ sum, words }, i) => {
		const { mention, suppressed, group } = flags[i]!;
		const capped = (mention || suppressed) && sum > 0;
		return { words, sum: capped ? 0 : sum, capped, mention, group };
	});
	let logitSum = 0;
	let share = 0;
	const scored = sentences.map(({ words, sum, capped, mention, group }, i): ScoredSentence => {
		// The passage: the sentence and its neighbours in its block, both ways, until it has enough words.
		let passageWords = words;
		let passageSum = sum;
		const inGroup = (k: number) => k >= 0 && k < sentences.length && sentences[k]!.group === group;
		for (let lo = i, hi = i; passageWords < model.passageWords && (inGroup(lo - 1) || inGroup(hi + 1)); ) {
			if (inGroup(lo - 1)) {
				lo--;
				passageWords += sentences[lo]!.words;
				passageSum += sentences[lo]!.sum;
			}
			if (inGroup(hi + 1) && passageWords < model.passageWords) {
				hi++;
				passageWords += sentences[hi]!.words;
				passageSum += sentences[hi]!.sum;
			}
		}
		const probability = sigmoid(model.temperature * (model.bias + model.offset + passageSum / Math.max(passageWords, model.minPassageWords)));
		const weight = total === 0 ? 0 : words / total;
		const counted = probability >= PITCH_PROBABILITY ? probability : 0;
		logitSum += (weight * sum) / words;
		share += weight * counted;
		return {
			words,
			density: round(sum / words, 4),
			probability: round(probability, 4),
			contribution: 100 * weight * counted,
			// Only a pitch sentence's cues are read (they explain its finding); the rest are not built.
			cues: counted > 0 ? cues(i) : [],
			mention: capped && mention,
		};
	});
	return { score: round(100 * share, 1), logit: round(model.bias + logitSum, 4), words: total, sentences: scored };
}

/** A cue as an editor reads it: the words, a word class or a rule. */
export function describeCue(feature: string): string {
	const [kind, rest] = [feature.slice(0, feature.indexOf(':')), feature.slice(feature.indexOf(':') + 1)];
	switch (kind) {
		case 'w':
		case 'b':
			return `“${rest.replace(/^\^ /, '').replace(/ \$$/, '')}”`;
		case 'lex':
			return `${rest} words`;
		case 'rule':
			return `rule ${rest}`;
		case 'shape':
			return rest;
		default:
			return feature;
	}
}

/**
 * Weights by integer key (under 2^30) in an open-addressing table: the audit looks up every
 * bigram of every sentence, and typed arrays answer several times faster than a Map. 0 when absent.
 */
function integerTable(keys: readonly number[], values: readonly number[]): (key: number) => number {
	let bits = 1;
	while (1 << bits < keys.length * 2) bits++;
	const mask = (1 << bits) - 1;
	const slots = new Int32Array(mask + 1).fill(-1);
	const weights = new Float64Array(mask + 1);
	const slotOf = (key: number) => {
		let slot = Math.imul(key, 0x9e3779b1) >>> (32 - bits);
		while (slots[slot] !== -1 && slots[slot] !== key) slot = (slot + 1) & mask;
		return slot;
	};
	keys.forEach((key, i) => {
		const slot = slotOf(key);
		slots[slot] = key;
		weights[slot] = values[i]!;
	});
	return (key) => {
		const slot = slotOf(key);
		return slots[slot] === key ? weights[slot]! : 0;
	};
}

function mapTable(keys: readonly number[], values: readonly number[]): (key: number) => number {
	const map = new Map(keys.map((key, i) => [key, values[i]!]));
	return (key) => map.get(key) ?? 0;
}

export function round(value: number, digits: number): number {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}
