/**
 * Stage 6, scoring: the one place that turns signals into judgements. Per sentence, a label
 * (pitch, expertise, neutral) and a confidence; per post, the word tallies and the score.
 * Everything before this stage says what is in the text, everything after reports it, so a
 * different scorer (a learned model) replaces this function and nothing else.
 *
 * Today's scorer: the rule weights of a sentence's counted signals, then the promotional
 * paragraph (a paragraph that pitches and teaches nothing lends its pitch to its neutral
 * sentences), then the share of words in pitch sentences, weighed by confidence.
 */
import { findSuppression, type Suppression } from '../suppressions.js';
import type { PostAudit, Rule, SentenceLabel, Signal } from '../types.js';
import type { ScopedSentence } from './scoping.js';
import type { Sentence } from './sentences.js';

export interface ScoringInput {
	/** Every sentence with its matches, signals and the counts of the signals that count. */
	sentences: readonly ScopedSentence[];
	/** The sentences of each block, for judgements of a paragraph as a whole. */
	sentencesOfBlock: readonly Sentence[][];
	rules: ReadonlyMap<string, Rule>;
	suppressions: Suppression[];
}

/** A signal the scorer adds to a sentence from its context, reported as a finding of `rule`. */
export interface ContextSignal {
	rule: Rule;
	signal: Signal;
	suppression: Suppression | undefined;
}

export interface ScoredSentence {
	label: SentenceLabel;
	/** 0–1: how sure the label is; the score weighs pitch words by it. */
	confidence: number;
	/** Signals from context (the promotional paragraph), after the sentence's own. */
	context: ContextSignal[];
}

export interface ScoringOutput {
	/** One per input sentence, in the same order. */
	sentences: ScoredSentence[];
	words: PostAudit['words'];
	/** Promotional share of the post's prose, 0–100 (one decimal). */
	score: number;
}

export function scoreSentences({ sentences, sentencesOfBlock, rules, suppressions }: ScoringInput): ScoringOutput {
	const scored = sentences.map(({ counts }) => ({ ...ruleWeightLabel(counts, rules), context: [] as ContextSignal[] }));

	// A paragraph judged as a whole: in a paragraph that pitches and teaches nothing, the
	// sentences without signals of their own carry the pitch too, at a fraction of its weight.
	const context = rules.get('promotional-paragraph');
	if (context) {
		for (const own of sentencesOfBlock) {
			if (own.length < 2) continue;
			const members = own.map((sentence) => scored[sentence.index]!);
			if (members.some((m) => m.label === 'expertise')) continue;
			const strongest = Math.max(...members.filter((m) => m.label === 'pitch').map((m) => m.confidence), 0);
			if (strongest === 0) continue;
			const confidence = round(context.weight * strongest, 3);
			own.forEach((sentence, i) => {
				const member = members[i]!;
				if (member.label !== 'neutral' || sentences[sentence.index]!.signals.some((signal) => signal.orientation === 'pitch' && !signal.mention)) return;
				const suppression = findSuppression(suppressions, context.id, sentence.range.line);
				member.context.push({ rule: context, signal: { ruleId: context.id, orientation: 'pitch', text: '(paragraph)', ...(suppression ? { suppressed: true } : {}) }, suppression });
				if (suppression) return;
				member.label = 'pitch';
				member.confidence = confidence;
			});
		}
	}

	const words = { total: 0, pitch: 0, expertise: 0, neutral: 0 };
	let weightedPitchWords = 0;
	scored.forEach((sentence, i) => {
		const count = sentences[i]!.sentence.words;
		words.total += count;
		words[sentence.label] += count;
		if (sentence.label === 'pitch') weightedPitchWords += count * sentence.confidence;
	});
	const score = words.total === 0 ? 0 : round((100 * weightedPitchWords) / words.total, 1);
	return { sentences: scored, words, score };
}

/** The sentence's label from the weights of the rules that count in it. */
function ruleWeightLabel(counts: ReadonlyMap<string, number>, rules: ReadonlyMap<string, Rule>): { label: SentenceLabel; confidence: number } {
	let pitch = 0;
	let expertise = 0;
	for (const [ruleId, count] of counts) {
		const rule = rules.get(ruleId)!;
		// Repeating a rule in one sentence adds a little, not a full weight again.
		const weight = rule.weight * (1 + 0.25 * Math.min(count - 1, 4));
		if (rule.orientation === 'pitch') pitch += weight;
		else expertise += weight;
	}
	if (pitch >= 1 && pitch > expertise) return { label: 'pitch', confidence: round(Math.min(1, (pitch - expertise) / 1.5), 3) };
	if (expertise >= 1 && expertise >= pitch) return { label: 'expertise', confidence: round(Math.min(1, (expertise - pitch) / 1.5), 3) };
	return { label: 'neutral', confidence: 0 };
}

function round(value: number, digits: number): number {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}
