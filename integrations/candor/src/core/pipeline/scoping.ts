/**
 * Stage 5, mention scoping: mention is not use. Each match becomes a signal; a pitch phrase
 * that is negated, discussed as language, quoted to be criticised, or inside a blockquote
 * framed as an example is kept as a signal but does not count, and an inline suppression
 * keeps it from counting too. Disclosure phrases leave the sentence here, as disclosure hits.
 */
import type { DisclosureHit } from '../disclosure-check.js';
import { discussesLanguage, hasCriticalCue, insideAny, isNegated, quotedSpans, spanAround } from '../mentions.js';
import type { LineIndex } from '../positions.js';
import type { ProseBlock } from '../prose.js';
import { findSuppression, type Suppression } from '../suppressions.js';
import type { Token } from '../tokens.js';
import type { Signal } from '../types.js';
import type { Sentence } from './sentences.js';
import type { Match, MatchedSentence } from './signals.js';
import { excerpt } from './text.js';

export interface ScopingInput {
	blocks: ProseBlock[];
	matched: readonly MatchedSentence[];
	sentencesOfBlock: readonly Sentence[][];
	suppressions: Suppression[];
	lines: LineIndex;
}

/** A pitch phrase used, not mentioned: it becomes a finding when its sentence is pitch, or when suppressed. */
export interface PitchHit {
	match: Match;
	suppression: Suppression | undefined;
}

export interface ScopedSentence extends MatchedSentence {
	/** Every signal of the sentence, counted or not, in match order, then sentence shapes. */
	signals: Signal[];
	/** Per rule id: how many of its signals count towards the sentence's label. */
	counts: Map<string, number>;
	pitchHits: PitchHit[];
	/**
	 * The sentence talks about pitch rather than pitching: a pitch phrase in it is mentioned,
	 * not used, or it sits in a blockquote framed as an example. Its words cannot add pitch.
	 */
	mentioned: boolean;
}

export interface ScopingOutput {
	sentences: ScopedSentence[];
	/** Disclosure phrases of the whole post, in sentence order. */
	disclosureHits: DisclosureHit[];
}

export function scopeMentions({ blocks, matched, sentencesOfBlock, suppressions, lines }: ScopingInput): ScopingOutput {
	const quotes = blocks.map((block) => quotedSpans(block.text.text));
	const blockquoteCue = groupCues(blocks, sentencesOfBlock, (block) => block.context.blockquote);
	const listCue = groupCues(blocks, sentencesOfBlock, (block) => block.context.list);
	const disclosureHits: DisclosureHit[] = [];

	const sentences = matched.map(({ sentence, matches, shapes }, sentenceIndex): ScopedSentence => {
		const { block, tokens } = sentence;
		const text = block.text.text;
		const signals: Signal[] = [];
		const counts = new Map<string, number>();
		const count = (ruleId: string) => counts.set(ruleId, (counts.get(ruleId) ?? 0) + 1);
		const pitchHits: PitchHit[] = [];
		let languageTalk: boolean | undefined;
		let previousCue: boolean | undefined;
		const criticisedQuotes = new Map<number, boolean>();
		const previous = sentenceIndex > 0 ? matched[sentenceIndex - 1]!.sentence : undefined;
		for (const match of matches) {
			const { rule } = match;
			if (rule.family === 'disclosure') {
				disclosureHits.push({
					rule, sourceStart: match.sourceStart, sourceEnd: match.sourceEnd, blockIndex: sentence.blockIndex,
					excerpt: excerpt(sentence.shown, match.start - sentence.start),
					negated: match.token < tokens.length && isNegated(tokens, match.token, text),
				});
				continue;
			}
			if (rule.orientation === 'expertise') {
				signals.push({ ruleId: rule.id, orientation: 'expertise', text: match.text });
				count(rule.id);
				continue;
			}
			let mention: Signal['mention'];
			if (match.token < tokens.length && isNegated(tokens, match.token, text)) mention = 'negated';
			else if ((languageTalk ??= discussesLanguage(tokens))) mention = 'discussed';
			else if (
				insideAny(quotes[sentence.blockIndex]!, match.start, match.end) &&
				(quoteIsCriticised(tokens, match, quotes[sentence.blockIndex]!, criticisedQuotes) ||
					(previousCue ??= previous !== undefined && hasCriticalCue(previous.tokens)) ||
					(block.context.list !== undefined && listCue.get(block.context.list)))
			)
				mention = 'quoted';
			else if (block.context.blockquote !== undefined && blockquoteCue.get(block.context.blockquote)) mention = 'blockquote';
			if (mention) {
				signals.push({ ruleId: rule.id, orientation: 'pitch', text: match.text, mention });
				continue;
			}
			const line = lines.position(match.sourceStart).line;
			const suppression = findSuppression(suppressions, rule.id, line);
			signals.push({ ruleId: rule.id, orientation: 'pitch', text: match.text, ...(suppression ? { suppressed: true } : {}) });
			pitchHits.push({ match, suppression });
			if (!suppression) count(rule.id);
		}
		for (const rule of shapes) {
			counts.set(rule.id, 1);
			signals.push({ ruleId: rule.id, orientation: rule.orientation, text: '(sentence shape)' });
		}
		// Mention is not use for the model too: a sentence that talks about wording, or opens by
		// telling the reader not to do something ("Don't blast offers at people"), cannot add
		// pitch unless a rule found pitch it uses.
		const mentioned =
			signals.some((signal) => signal.mention !== undefined) ||
			(block.context.blockquote !== undefined && blockquoteCue.get(block.context.blockquote) === true) ||
			(pitchHits.length === 0 && ((languageTalk ??= discussesLanguage(tokens)) || opensNegated(tokens)));
		return { sentence, matches, shapes, signals, counts, pitchHits, mentioned };
	});
	return { sentences, disclosureHits };
}

/** "Don't …", "Do not …", "Never …", "Avoid …", "Stop …" at the start of a sentence. */
function opensNegated(tokens: readonly Token[]): boolean {
	const first = tokens[0]?.value;
	return first === "don't" || first === 'never' || first === 'avoid' || first === 'stop' || (first === 'do' && tokens[1]?.value === 'not');
}

/** A quotation counts as criticised when the words outside it, in its sentence, say so (once per quotation). */
function quoteIsCriticised(tokens: Token[], match: Match, spans: Array<[number, number]>, known: Map<number, boolean>): boolean {
	const span = spanAround(spans, match.start, match.end)!;
	let criticised = known.get(span[0]);
	if (criticised === undefined) {
		criticised = hasCriticalCue(tokens.filter((token) => token.end <= span[0] || token.start >= span[1]));
		known.set(span[0], criticised);
	}
	return criticised;
}

/**
 * For each blockquote (or list): do the sentences just before or just after it criticise or
 * study what it contains? ("Here is the spam email we got:" before a blockquote.)
 */
function groupCues(blocks: ProseBlock[], sentencesOfBlock: readonly Sentence[][], groupOf: (block: ProseBlock) => number | undefined): Map<number, boolean> {
	const cues = new Map<number, boolean>();
	blocks.forEach((block, i) => {
		const group = groupOf(block);
		if (group === undefined || cues.get(group)) return;
		let cue = false;
		const before = blocks[i - 1];
		if (before && groupOf(before) !== group) cue ||= hasCriticalCue(sentencesOfBlock[i - 1]!.at(-1)?.tokens ?? []);
		let after = i + 1;
		while (after < blocks.length && groupOf(blocks[after]!) === group) after++;
		if (after < blocks.length) cue ||= hasCriticalCue(sentencesOfBlock[after]![0]?.tokens ?? []);
		cues.set(group, cue);
	});
	return cues;
}
