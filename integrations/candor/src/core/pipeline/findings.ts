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

/** The post's findings, sorted by line, column and rule id. */
export type FindingsOutput = Finding[];

export function collectFindings(input: FindingsInput): FindingsOutput {
	const { blocks, sentences, scored, lines, suppressions, rules } = input;
	const findings: Finding[] = [...input.earlier];
	sentences.forEach(({ sentence, pitchHits }, i) => {
		for (const { match, suppression } of pitchHits) {
			if (scored[i]!.label !== 'pitch' && !suppression) continue;
			const range = lines.range(match.sourceStart, match.sourceEnd);
			findings.push(makeFinding(match.rule, range, excerpt(sentence.shown, match.start - sentence.start), suppression, { match: match.text.replace(/\s+/g, ' ').trim() }));
		}
	});
	sentences.forEach(({ sentence }, i) => {
		for (const { rule, suppression, message } of scored[i]!.context) findings.push(makeFinding(rule, sentence.range, excerpt(sentence.shown, 0), suppression, { message }));
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
				findings.push(makeFinding(hiddenRule, range, oneLine(text), findSuppression(suppressions, hiddenRule.id, range.line)));
			}
		}
	}
	findings.push(
		...checkDisclosures({
			blocks,
			hits: input.disclosureHits,
			sponsorship: input.frontmatter.sponsorship as { kind?: unknown } | undefined,
			rules: rules.byId,
			programs: rules.programs,
			lines,
			suppressions,
		}),
	);
	return findings.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}
