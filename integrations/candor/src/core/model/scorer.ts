/**
 * The learned scorer: a linear model over which features a post uses, trained on whole posts
 * of real company blogs (`npm run train`) and split back onto sentences.
 *
 * The model reads a post as the set of features it uses (presence, not counts: leave-one-
 * company-out, presence beat per-word density by about 1.5 points of ROC AUC), so its logit is
 * bias + Σ weights of the features present: the post's lean plus the bias. Each feature's
 * weight is shared evenly by the sentences that use it, so the sentences' shares add up to
 * the post's lean exactly.
 *
 * A sentence's own lean is the sum of the weights of the features it uses: what its words
 * would add to a post without them. It is judged with its passage (its neighbours in the same
 * block, up to `passageWords`) and with the post around it: its pitch probability is
 * σ(temperature · (offset + the passage's own lean per 100 words + postWeight · the post's
 * logit)), the bias scaled down for posts under `biasWords` words. It is pitch when that
 * reaches `pitchProbability`, its own lean is above `minSentenceLean` and one of its own features weighs
 * at least `minCue` towards pitch (so a plain sentence is never counted for its neighbours,
 * and every finding names a cue that weighs). A pitch sentence adds
 * words / post words · (2 · probability − 1) to the score: a sure passage counts whole, one
 * the model can barely tell from plain prose counts next to nothing (counting it by its
 * probability made the score jump from 0 to half the sentence at the boundary, which tied
 * many posts at 0 and cost a point of held-out AUC). So the score is the promotional share of
 * the post's prose, 0–100, exactly the sum of its pitch sentences' contributions, every point
 * of it has a finding whose cues are the sentence's own words, and a paragraph repeated a
 * thousand times is judged as it is once.
 *
 * Mention is not use: a sentence whose pitch the rules found quoted, negated or discussed
 * adds nothing (its features are not counted, as in training), nor does a sentence the editor
 * suppressed.
 */
import type { Signal } from '../types.js';
import { type FeatureList, indexFeatures, listOf } from './feature-index.js';
import { brandSequences, type FeatureContext, LEAD_WORDS, maskedTokens, type ModelText, type SentenceFeatures, sentenceFeatures, tokenizePost } from './features.js';

export interface LinearModel {
	format: 'candor-presence-1';
	/** Post-level logit offset. */
	bias: number;
	/** Sharpness applied to a passage's lean before σ (chosen on held-out companies). */
	temperature: number;
	/** Added to a passage's lean: where a passage starts to count as pitch. */
	offset: number;
	/** How much the post's logit moves each of its passages. */
	postWeight: number;
	/** Posts shorter than this many words carry the bias into their passages in proportion to their length. */
	biasWords: number;
	/** Logit points a sentence's own words must add to the post's lean before it can count as pitch. */
	minSentenceLean: number;
	/** …and one of its own features must weigh at least this much towards pitch: a finding names a cue that weighs (absent in older models: 0). */
	minCue?: number;
	/** A passage counts as pitch from this probability up (absent in older models: PITCH_PROBABILITY). */
	pitchProbability?: number;
	/** A sentence is judged with its neighbours until the passage has this many words. */
	passageWords: number;
	/** A shorter passage is judged as if padded with plain words to this length: two words are little evidence. */
	minPassageWords: number;
	/** Feature name → logit weight of its presence (the shipped model holds a Map: building it is faster than an object). */
	weights: Readonly<Record<string, number>> | ReadonlyMap<string, number>;
	/** The weight a site's own rule (`customRules`) gets per unit of its `weight`: the prior rules were trained towards. */
	rulePrior: number;
	/** The same weights as lists, with their n-grams' words worked out (the shipped model: it loads faster so). */
	features?: FeatureList;
}

export interface ScorableSentence extends ModelText {
	signals: readonly Signal[];
	/** Where the sentence stands (today only `heading`). */
	shapes?: readonly string[];
}

export interface Cue {
	feature: string;
	/** The feature's weight: logit points its presence adds to a post. */
	weight: number;
}

export interface ScoredSentence {
	words: number;
	/** The sentence's own lean per 100 words: the weights of the features it uses (what its words would add to a post without them). */
	density: number;
	/** σ(temperature · (offset + passage's own lean per 100 words + postWeight · post logit)): how likely the passage is pitch, 0–1 (a pitch sentence counts 2 · probability − 1 of its words). */
	probability: number;
	/** The sentence counts as pitch: probability at least `pitchProbability` and its own words lean towards pitch (by more than `minSentenceLean`, with a cue of at least `minCue`). */
	pitch: boolean;
	/** Score points this sentence adds to the post, 0–100 in all (0 unless pitch): its share of the post's words · (2 · probability − 1). */
	contribution: number;
	/** The features that pushed the sentence towards pitch, strongest first (pitch sentences only). */
	cues: Cue[];
	/** The model's words the sentence uses, whichever way they weigh (pitch sentences only): what kind of pitch it is. */
	vocabulary: string[];
	/** The sentence's own words lean towards pitch, but the rules found it mentions pitch without using it. */
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

/** Where a passage counts as pitch for a model that does not say (`pitchProbability`); below it, it adds nothing to the score. */
export const PITCH_PROBABILITY = 0.5;

export type Scorer = ReturnType<typeof createScorer>;

/** A model's weights with some replaced (0 removes one): what a site's rule settings make of them. */
export function withOverrides(model: LinearModel, overrides: ReadonlyMap<string, number>): Map<string, number> {
	const weights = new Map(weightEntries(model));
	for (const [feature, weight] of overrides) {
		if (weight === 0) weights.delete(feature);
		else weights.set(feature, weight);
	}
	return weights;
}

/** A model's weights as entries, whichever form it holds them in. */
export function weightEntries(model: LinearModel): Array<[string, number]> {
	return model.weights instanceof Map ? [...model.weights] : Object.entries(model.weights);
}

/** One weight of a model, whichever form it holds them in. */
export function weightOf(model: LinearModel, feature: string): number | undefined {
	return model.weights instanceof Map ? model.weights.get(feature) : (model.weights as Readonly<Record<string, number>>)[feature];
}

/**
 * The weighted features a sentence uses, each once: `keys[k]` numbers a feature within its post
 * (0, 1, 2… in the order the post first uses them: counts and marks are then arrays, not Maps
 * or Sets), `weights[k]` is its model weight.
 */
interface UsedFeatures {
	keys: number[];
	weights: number[];
	words: number;
}

/** What a post's sentences use: each sentence's features, and how many distinct features the post uses. */
interface UsedByPost {
	sentences: UsedFeatures[];
	features: number;
}

export function createScorer(model: LinearModel, options: ScorerOptions = {}) {
	const brands = brandSequences(options.brand ?? []);
	// The model's weights with the site's rule settings applied, numbered for lookups without
	// building feature names (the audit's hot loop). A model that carries its feature list
	// (the shipped one) is numbered from it as it is when no setting changes a weight.
	const overrides = options.overrides ?? new Map<string, number>();
	const index = indexFeatures(overrides.size === 0 && model.features ? model.features : listOf(withOverrides(model, overrides)));
	// A post numbers its features 0, 1, 2… in first-use order: `numbered[i] === post` when
	// feature i has a number in this post, `numberOf[i]`.
	const numbered = new Int32Array(index.size).fill(-1);
	const numberOf = new Int32Array(index.size);
	let postMark = -1;

	/** Each sentence's masked tokens, with the post's own names masked. */
	const maskAll = (sentences: readonly ScorableSentence[]) => {
		const post = tokenizePost(sentences);
		const context: FeatureContext = { brands, names: post.names };
		return post.tokens.map((tokens, i) => maskedTokens(tokens, context, post.capitals[i]));
	};

	/** Features of every sentence of a post, by name (what training learns from). */
	const featuresOf = (sentences: readonly ScorableSentence[]): SentenceFeatures[] => {
		let before = 0;
		return maskAll(sentences).map((tokens, i) => {
			const features = sentenceFeatures(tokens, sentences[i]!.signals, sentences[i]!.shapes, before < LEAD_WORDS);
			before += features.words;
			return features;
		});
	};

	/**
	 * Reads a post's sentences once, for the audit: the weighted features each uses, found
	 * without building feature names. `score(flags)` then judges the passages; the stage calls
	 * it again, without reading the words again, when a suppression takes a sentence out.
	 * Equal to scoreFeatures(featuresOf(…)) (a test checks it).
	 */
	const read = (sentences: readonly ScorableSentence[]) => {
		if (++postMark === 2 ** 30) {
			numbered.fill(-1);
			postMark = 0;
		}
		const indexOfNumber: number[] = [];
		let before = 0;
		const perSentence = maskAll(sentences).map((tokens, i): UsedFeatures => {
			const { indexes, weights, words } = index.readSentence(tokens, sentences[i]!.signals, sentences[i]!.shapes ?? [], before < LEAD_WORDS);
			before += words;
			const keys = indexes;
			for (let k = 0; k < keys.length; k++) {
				const feature = keys[k]!;
				if (numbered[feature] !== postMark) {
					numbered[feature] = postMark;
					numberOf[feature] = indexOfNumber.length;
					indexOfNumber.push(feature);
				}
				keys[k] = numberOf[feature]!;
			}
			return { keys, weights, words };
		});
		const post: UsedByPost = { sentences: perSentence, features: indexOfNumber.length };
		const names = (i: number) => new Map(perSentence[i]!.keys.map((n) => [n, index.nameOf(indexOfNumber[n]!)]));
		return { score: (flags: readonly SentenceFlags[]): ScoredPost => scoreUsed(model, post, flags, names) };
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
	const numberOf = new Map<string, number>();
	const perSentence = features.map(({ features: names, words }): UsedFeatures => {
		const keys: number[] = [];
		const values: number[] = [];
		const seen = new Set<string>();
		for (const name of names) {
			const weight = weights.get(name);
			if (weight === undefined || weight === 0 || seen.has(name)) continue;
			seen.add(name);
			let n = numberOf.get(name);
			if (n === undefined) numberOf.set(name, (n = numberOf.size));
			keys.push(n);
			values.push(weight);
		}
		return { keys, weights: values, words };
	});
	const nameOf = [...numberOf.keys()];
	return scoreUsed(model, { sentences: perSentence, features: numberOf.size }, flags, (i) => new Map(perSentence[i]!.keys.map((n) => [n, nameOf[n]!])));
}

/**
 * Passages, probabilities and contributions from the features each sentence uses. `names(i)`
 * gives the names of sentence i's features by key (read only for pitch sentences' cues).
 */
function scoreUsed(
	model: LinearModel,
	post: UsedByPost,
	flags: readonly SentenceFlags[],
	names: (i: number) => ReadonlyMap<number, string>,
): ScoredPost {
	const perSentence = post.sentences;
	// How many counted sentences use each feature: its weight is split evenly over them.
	const counted = flags.map(({ mention, suppressed }) => !mention && !suppressed);
	const uses = new Int32Array(post.features);
	perSentence.forEach(({ keys }, i) => {
		if (counted[i]) for (const n of keys) uses[n]!++;
	});
	let total = 0;
	let lean = 0;
	// The post's lean is the sum of its sentences' shares (each feature's weight split over the
	// sentences using it). A sentence and its passage are judged by their own lean: the whole
	// weights of the features they use, what their words would add to a post without them (so a
	// paragraph repeated a thousand times is judged as it is judged once).
	// `whole` is the lean of a sentence's words whether or not they count (a mention's is
	// reported); `own` is what they count for.
	const whole: number[] = [];
	const own: number[] = [];
	// `strongest` is the weight of a counted sentence's strongest pitch cue.
	const strongest: number[] = [];
	perSentence.forEach(({ keys, weights, words }, i) => {
		total += words;
		let sum = 0;
		let share = 0;
		let max = 0;
		for (let k = 0; k < keys.length; k++) {
			const weight = weights[k]!;
			sum += weight;
			if (weight > max) max = weight;
			if (counted[i]) share += weight / uses[keys[k]!]!;
		}
		lean += share;
		whole.push(sum);
		own.push(counted[i] ? sum : 0);
		strongest.push(counted[i] ? max : 0);
	});
	const minCue = model.minCue ?? 0;
	const pitchProbability = model.pitchProbability ?? PITCH_PROBABILITY;
	// The post's own judgement is its logit: the bias is what a post without features looks like,
	// so the lean alone has no meaningful zero. A post shorter than `biasWords` carries the bias in
	// proportion to its words: a one-line note is little evidence of anything.
	const postTerm = model.offset + model.postWeight * (model.bias * Math.min(1, total / model.biasWords) + lean);
	// `passageMark[n]` is the last passage that counted feature n (passages are numbered by sentence).
	const passageMark = new Int32Array(post.features).fill(-1);
	let score = 0;
	const scored = perSentence.map(({ words, keys, weights }, i): ScoredSentence => {
		const { group } = flags[i]!;
		// The passage: the sentence and its neighbours in its block, both ways, until it has enough
		// words, read as a post of its own (each feature it uses counted once).
		let passageWords = words;
		let first = i;
		let last = i;
		const inGroup = (k: number) => k >= 0 && k < perSentence.length && flags[k]!.group === group;
		while (passageWords < model.passageWords && (inGroup(first - 1) || inGroup(last + 1))) {
			if (inGroup(first - 1)) passageWords += perSentence[--first]!.words;
			if (inGroup(last + 1) && passageWords < model.passageWords) passageWords += perSentence[++last]!.words;
		}
		const passageLean = first === last ? own[i]! : leanOf(perSentence, counted, first, last, passageMark, i);
		const probability = sigmoid(model.temperature * (postTerm + (100 * passageLean) / Math.max(passageWords, model.minPassageWords)));
		const pitch = probability >= pitchProbability && own[i]! > model.minSentenceLean && strongest[i]! >= minCue;
		const contribution = pitch && total > 0 ? (100 * words * (2 * probability - 1)) / total : 0;
		score += contribution;
		return {
			words,
			density: round((100 * own[i]!) / words, 4),
			probability: round(probability, 4),
			pitch,
			contribution,
			// Only a pitch sentence's cues are read (they explain its finding); the rest are not built.
			...(pitch ? explain(names(i), keys, weights) : { cues: [], vocabulary: [] }),
			mention: flags[i]!.mention && whole[i]! > 0,
		};
	});
	return { score: round(score, 1), logit: round(model.bias + lean, 4), words: total, sentences: scored };
}

/**
 * The weights of the features sentences first…last use, each feature once (uncounted sentences
 * add nothing). `mark` holds, per feature, the passage that last counted it; this is passage `passage`.
 */
function leanOf(perSentence: readonly UsedFeatures[], counted: readonly boolean[], first: number, last: number, mark: Int32Array, passage: number): number {
	let lean = 0;
	for (let k = first; k <= last; k++) {
		if (!counted[k]) continue;
		const { keys, weights } = perSentence[k]!;
		for (let j = 0; j < keys.length; j++) {
			const n = keys[j]!;
			if (mark[n] === passage) continue;
			mark[n] = passage;
			lean += weights[j]!;
		}
	}
	return lean;
}

/** A pitch sentence's five strongest pitch features, and the model's words it uses. */
function explain(names: ReadonlyMap<number, string>, keys: readonly number[], weights: readonly number[]): { cues: Cue[]; vocabulary: string[] } {
	const cues: Cue[] = [];
	const words: string[] = [];
	keys.forEach((key, k) => {
		const feature = names.get(key) ?? String(key);
		if (feature.startsWith('w:')) words.push(feature.slice(2));
		if (weights[k]! > 0) cues.push({ feature, weight: weights[k]! });
	});
	return { cues: cues.sort((a, b) => b.weight - a.weight || (a.feature < b.feature ? -1 : 1)).slice(0, 5), vocabulary: words };
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
		case 'L':
			return `${describeCue(rest)} in the opening`;
		default:
			return feature;
	}
}

export function round(value: number, digits: number): number {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}
