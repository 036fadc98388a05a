/**
 * Stage 6, scoring: the one place that turns signals into judgements. The learned scorer
 * (../model/scorer.ts) reads every sentence's words and rule signals and gives each a pitch
 * probability, judged with the passage around it; the post's score is the sum of the pitch
 * sentences' shares of its words, each weighted by 2 · probability − 1 (how sure the model is).
 *
 * Labels: a sentence is pitch when its probability reaches the model's `pitchProbability`, its
 * own words lean towards pitch and one of them weighs at least the model's cue floor
 * (`minCue`); expertise when its own words lean away from pitch, neutral otherwise. A pitch
 * sentence whose rules fired reports those rules (stage 7); the model adds a finding of its
 * own rule when its strongest cues are announcement framing or a customer-success narrative
 * (which no phrase rule names), or, when no rule fired, `promotional-language`, with the cues
 * in the message. Suppressing the model's finding takes the sentence out of the score.
 */
import { ruleOfSentence } from '../model/families.js';
import { readsAsIs, type SentenceFeatures } from '../model/features.js';
import { type Cue, describeCue, round, type ScorableSentence, type ScoredPost, type Scorer, type SentenceFlags } from '../model/scorer.js';
import { findSuppression, type Suppression } from '../suppressions.js';
import type { PostAudit, Rule, SentenceLabel, Signal } from '../types.js';
import type { CompiledRules } from './compiled-rules.js';
import type { ScopedSentence } from './scoping.js';
import type { Sentence } from './sentences.js';

export interface ScoringInput {
	sentences: readonly ScopedSentence[];
	rules: Pick<CompiledRules, 'byId' | 'scorer'>;
	suppressions: Suppression[];
}

/** A signal the scorer adds to a sentence (a pitch passage only the model saw), reported as a finding of `rule`. */
export interface ContextSignal {
	rule: Rule;
	signal: Signal;
	message: string;
	suppression: Suppression | undefined;
}

export interface ScoredSentence {
	label: SentenceLabel;
	/** 0–1: how sure the label is. */
	confidence: number;
	/** Score points the sentence adds to the post (two decimals). */
	contribution: number;
	/** The model's finding for a pitch sentence without a rule of its own. */
	context: ContextSignal[];
}

export interface ScoringOutput {
	/** One per input sentence, in the same order. */
	sentences: ScoredSentence[];
	words: PostAudit['words'];
	/** Promotional share of the post's prose, 0–100 (one decimal). */
	score: number;
}

/** What the model reads of a post: each sentence's features and mention/suppression flags. */
export interface ModelInput {
	features: SentenceFeatures[];
	flags: SentenceFlags[];
}

/**
 * The model's view of each sentence. Where it reads the sentence as the sentence stage cut it,
 * it takes that stage's tokens instead of tokenising again: when the shown text holds nothing
 * the model masks first (a URL, an address, inline code, whose backticks showCode puts back).
 * Without code, the shown text is the sentence's slice of the block with runs of whitespace
 * collapsed, which cuts the same tokens (whitespace only separates them).
 */
const scorable = (sentences: readonly ScopedSentence[]): ScorableSentence[] =>
	sentences.map(({ sentence, signals }) => {
		const source = sentence.block.text.text;
		return readsAsIs(sentence.shown)
			? { text: sentence.shown, signals, shapes: shapesOf(sentence), tokens: sentence.tokens, source }
			: { text: sentence.shown, signals, shapes: shapesOf(sentence), tokens: undefined, source: undefined };
	});

const flagsOf = (sentences: readonly ScopedSentence[]): SentenceFlags[] =>
	sentences.map(({ sentence, signals, mentioned }) => ({
		mention: mentioned,
		suppressed: signals.some((s) => s.suppressed && s.orientation === 'pitch'),
		group: sentence.blockIndex,
	}));

/** The model's input by feature name: what `npm run train` learns from (so training sees what auditing sees). */
export function modelInput(sentences: readonly ScopedSentence[], scorer: Scorer): ModelInput {
	return { features: scorer.featuresOf(scorable(sentences)), flags: flagsOf(sentences) };
}

const HEADING: readonly string[] = ['heading'];
const NO_SHAPE: readonly string[] = [];

/**
 * Where a sentence stands, as the model reads it: only headings (list, blockquote and link
 * positions were measured leave-one-company-out and added nothing).
 */
function shapesOf({ block }: Sentence): readonly string[] {
	return block.context.kind === 'heading' ? HEADING : NO_SHAPE;
}

export function scoreSentences({ sentences, rules, suppressions }: ScoringInput): ScoringOutput {
	const { scorer } = rules;
	const post = scorer.read(scorable(sentences));
	const flags = flagsOf(sentences);
	let scored = post.score(flags);

	// Pitch only the model saw is reported under a rule; suppressing it takes it out of the score.
	const context = new Map<number, ContextSignal>();
	const known = new Set(rules.byId.keys());
	let rescore = false;
	scored.sentences.forEach(({ pitch, cues: strongest, vocabulary }, i) => {
		const { pitchHits, sentence } = sentences[i]!;
		if (!pitch) return;
		// The rules that fired report themselves; the model adds what they cannot name.
		const family = ruleOfSentence(strongest, known, vocabulary);
		if (pitchHits.length > 0 && family === 'promotional-language') return;
		const rule = rules.byId.get(family);
		if (!rule) return;
		const suppression = findSuppression(suppressions, rule.id, sentence.range.line);
		const cues = cueText(strongest);
		context.set(i, {
			rule,
			signal: { ruleId: rule.id, orientation: 'pitch', text: cues || '(passage)', ...(suppression ? { suppressed: true } : {}) },
			// Without a cue floor (a model whose `minCue` is 0), a pitch sentence may have no cue of its own.
			message: cues ? `${rule.message} Weighed most: ${cues}.` : `${rule.message} Its own words are plain: the passage around it carries the pitch.`,
			suppression,
		});
		if (suppression) {
			flags[i] = { ...flags[i]!, suppressed: true };
			rescore = true;
		}
	});
	if (rescore) scored = post.score(flags);
	return tally(sentences, scored, context);
}

function tally(sentences: readonly ScopedSentence[], post: ScoredPost, context: Map<number, ContextSignal>): ScoringOutput {
	const words = { total: 0, pitch: 0, expertise: 0, neutral: 0 };
	const scored = post.sentences.map(({ pitch, probability, density, contribution }, i): ScoredSentence => {
		const label: SentenceLabel = pitch ? 'pitch' : density < 0 ? 'expertise' : 'neutral';
		const count = sentences[i]!.sentence.words;
		words.total += count;
		words[label] += count;
		const own = context.get(i);
		return { label, confidence: round(label === 'pitch' ? probability : 1 - probability, 3), contribution: round(contribution, 2), context: own ? [own] : [] };
	});
	return { sentences: scored, words, score: post.score };
}

/** The strongest cues as an editor reads them: “we're excited”, announcement words (each once: “x” and “^ x” read alike). */
function cueText(cues: readonly Cue[]): string {
	return [...new Set(cues.map((cue) => describeCue(cue.feature)))].slice(0, 3).join(', ');
}
