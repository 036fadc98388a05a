/**
 * auditPost: Markdown or MDX source in, an explainable audit out. Pure: no file system,
 * no network, no Astro. Same source and options give the same output, byte for byte.
 *
 * The audit is a row of stages in ./pipeline/, each a function with typed input and output:
 *
 *   parse       source → mdast (Sätteri); unreadable posts become an error audit
 *   prose       blocks, frontmatter, policy exception, suppressions
 *   sentences   split, tokenised, links and source range per sentence
 *   signals     phrase, link and sentence-shape matches of the rules
 *   scoping     mention is not use (negated, quoted, discussed, blockquote), suppressions
 *   scoring     the learned model: per-sentence pitch probability, label, the post's score
 *   findings    pitch findings, hidden text, disclosures, sorted
 *   post-audit  the PostAudit and its verdict
 *
 * The rules are compiled once per set of options (./pipeline/compiled-rules.ts).
 */
import type { AuditOptions } from './options.js';
import { compileRules } from './pipeline/compiled-rules.js';
import { errorAudit } from './pipeline/error-audit.js';
import { collectFindings } from './pipeline/findings.js';
import { parse, type SourceFormat } from './pipeline/parse.js';
import { assembleAudit } from './pipeline/post-audit.js';
import { readProse } from './pipeline/prose.js';
import { scopeMentions } from './pipeline/scoping.js';
import { type ModelInput, modelInput, scoreSentences } from './pipeline/scoring.js';
import { splitIntoSentences } from './pipeline/sentences.js';
import { matchRules } from './pipeline/signals.js';
import type { PostAudit, Rule } from './types.js';

export type { SourceFormat };

export interface Auditor {
	/** Audits one post; `threshold` overrides the options' threshold (e.g. per collection). */
	audit(source: string, format?: SourceFormat, threshold?: number): PostAudit;
	readonly rules: readonly Rule[];
	/** What the scorer reads of a post (its sentences' features and flags); `npm run train` learns from it. Undefined when the post cannot be read. */
	modelInput(source: string, format?: SourceFormat): ModelInput | undefined;
}

/** Audits one post. For many posts with the same options, reuse `createAuditor(options)`. */
export function auditPost(source: string, options: AuditOptions & { format?: SourceFormat } = {}): PostAudit {
	return createAuditor(options).audit(source, options.format);
}

/** Compiles the rules for a set of options once. */
export function createAuditor(options: AuditOptions = {}): Auditor {
	const rules = compileRules(options);

	/** Stages 1–5: what is in the text, before any judgement. */
	const read = (source: string, format: SourceFormat, threshold: number) => {
		const parsed = parse({ source, format });
		const { lines } = parsed;
		if ('failure' in parsed) return { failure: errorAudit(lines, threshold, parsed.failure) };
		const prose = readProse({ ...parsed, threshold, rules });
		if ('failure' in prose) return { failure: errorAudit(lines, threshold, prose.failure) };
		const { blocks, suppressions } = prose;
		const { sentences, sentencesOfBlock } = splitIntoSentences({ blocks, lines });
		const matched = matchRules({ sentences, rules });
		const scoped = scopeMentions({ blocks, matched, sentencesOfBlock, suppressions, lines });
		return { lines, prose, blocks, suppressions, scoped };
	};

	const audit = (source: string, format: SourceFormat = 'md', threshold = rules.defaultThreshold): PostAudit => {
		const text = read(source, format, threshold);
		if (text.failure) return text.failure;
		const { lines, prose, blocks, suppressions, scoped } = text;
		const scoring = scoreSentences({ sentences: scoped.sentences, rules, suppressions });
		const { findings, omitted } = collectFindings({
			blocks,
			sentences: scoped.sentences,
			scored: scoring.sentences,
			disclosureHits: scoped.disclosureHits,
			earlier: prose.findings,
			frontmatter: prose.frontmatter,
			rules,
			suppressions,
			lines,
		});
		return assembleAudit({ sentences: scoped.sentences, scoring, findings, omitted, threshold: prose.threshold, exception: prose.exception, frontmatter: prose.frontmatter });
	};

	const input = (source: string, format: SourceFormat = 'md'): ModelInput | undefined => {
		const text = read(source, format, rules.defaultThreshold);
		return text.failure ? undefined : modelInput(text.scoped.sentences, rules.scorer);
	};

	return { audit, rules: rules.rules, modelInput: input };
}
