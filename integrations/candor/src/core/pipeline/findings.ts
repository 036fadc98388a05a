/**
 * Stage 7, findings: what the editor reads. The pitch phrases of pitch sentences (and every
 * suppressed one, listed but not counted), the scorer's context signals, hidden prose, the
 * disclosure checks of the whole post, and the findings of the prose stage, sorted by
 * position. Reports only: no finding here changes a label or the score.
 */
import { checkDisclosures, type DisclosureHit } from '../disclosure-check.js';
import { makeFinding } from '../findings.js';
import type { LineIndex } from '../positions.js';
import type { ProseBlock } from '../prose.js';
import { findSuppression, type Suppression } from '../suppressions.js';
import type { Finding } from '../types.js';
import type { CompiledRules } from './compiled-rules.js';
import type { ScopedSentence } from './scoping.js';
import type { ScoredSentence } from './scoring.js';
import { excerpt, oneLine } from './text.js';

export interface FindingsInput {
	blocks: ProseBlock[];
	sentences: readonly ScopedSentence[];
	/** The scorer's verdict on each sentence, in the same order. */
	scored: readonly ScoredSentence[];
	disclosureHits: DisclosureHit[];
	/** Findings from before the sentences (invalid exception, invalid suppressions): they come first. */
	earlier: readonly Finding[];
	frontmatter: Record<string, unknown>;
	rules: Pick<CompiledRules, 'byId' | 'programs'>;
	suppressions: Suppression[];
	lines: LineIndex;
}

/**
 * Findings kept per rule and post. An editor reads the first few hundred of a rule, never a
 * million: a hostile 15 MB post once kept a million findings in 2.5 GB. The rest are counted.
 */
export const MAX_FINDINGS_PER_RULE = 200;

export interface FindingsOutput {
	/** The post's findings (at most MAX_FINDINGS_PER_RULE per rule), sorted by line, column and rule id. */
	findings: Finding[];
	/** Per rule id, how many more findings there were than were kept. */
	omitted: Record<string, number>;
}

export function collectFindings(input: FindingsInput): FindingsOutput {
	const { blocks, sentences, scored, lines, suppressions, rules } = input;
	const findings: Finding[] = [];
	const counts = new Map<string, number>();
	const omitted: Record<string, number> = {};
	/** Keeps the first findings of each rule; `make` builds one only when it is kept. */
	const add = (ruleId: string, make: () => Finding) => {
		const seen = counts.get(ruleId) ?? 0;
		counts.set(ruleId, seen + 1);
		if (seen < MAX_FINDINGS_PER_RULE) findings.push(make());
		else omitted[ruleId] = (omitted[ruleId] ?? 0) + 1;
	};
	for (const finding of input.earlier) add(finding.ruleId, () => finding);
	sentences.forEach(({ sentence, pitchHits }, i) => {
		for (const { match, suppression } of pitchHits) {
			if (scored[i]!.label !== 'pitch' && !suppression) continue;
			add(match.rule.id, () =>
				makeFinding(match.rule, lines.range(match.sourceStart, match.sourceEnd), excerpt(sentence.shown, match.start - sentence.start), suppression, { match: match.text.replace(/\s+/g, ' ').trim() }),
			);
		}
	});
	sentences.forEach(({ sentence }, i) => {
		for (const { rule, suppression, message } of scored[i]!.context) add(rule.id, () => makeFinding(rule, sentence.range, excerpt(sentence.shown, 0), suppression, { message }));
	});
	// Hidden prose is audited like any other, and flagged once per passage.
	const hiddenRule = rules.byId.get('hidden-text');
	if (hiddenRule) {
		for (const block of blocks) {
			const spans: Array<[number, number]> = block.context.hidden ? [[0, block.text.text.length]] : (block.hidden ?? []);
			for (let [from, to] of spans) {
				// The finding covers the hidden words, not the line breaks around them.
				const all = block.text.text;
				while (from < to && /\s/.test(all[from]!)) from++;
				while (to > from && /\s/.test(all[to - 1]!)) to--;
				const text = all.slice(from, to);
				if (!/[\p{L}\p{N}]/u.test(text)) continue;
				const range = lines.range(block.text.offsetAt(from), block.text.offsetAt(to - 1) + 1);
				add(hiddenRule.id, () => makeFinding(hiddenRule, range, oneLine(text), findSuppression(suppressions, hiddenRule.id, range.line)));
			}
		}
	}
	const disclosures = checkDisclosures({
		blocks,
		hits: input.disclosureHits,
		sponsorship: input.frontmatter.sponsorship,
		rules: rules.byId,
		programs: rules.programs,
		lines,
		suppressions,
	});
	for (const finding of disclosures) add(finding.ruleId, () => finding);
	findings.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
	return { findings, omitted };
}
