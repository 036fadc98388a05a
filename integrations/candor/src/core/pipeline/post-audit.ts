/**
 * Stage 8, the PostAudit: the stages' results put together in the shape adapters read.
 * The verdict fails a post over its threshold, or with an unsuppressed error finding.
 */
import type { AuditedSentence, Finding, PostAudit } from '../types.js';
import { ENGINE_VERSION } from '../version.js';
import type { ScopedSentence } from './scoping.js';
import type { ScoringOutput } from './scoring.js';

export interface PostAuditInput {
	sentences: readonly ScopedSentence[];
	scoring: ScoringOutput;
	findings: Finding[];
	/** Per rule id, findings past the cap that were counted, not kept. */
	omitted?: Record<string, number>;
	threshold: number;
	exception: PostAudit['exception'];
	frontmatter: Record<string, unknown>;
}

export function assembleAudit({ sentences, scoring, findings, omitted = {}, threshold, exception, frontmatter }: PostAuditInput): PostAudit {
	const audited = sentences.map(({ sentence, signals }, i): AuditedSentence => {
		const { label, confidence, contribution, context } = scoring.sentences[i]!;
		return { text: sentence.shown, words: sentence.words, label, confidence, contribution, signals: [...signals, ...context.map((c) => c.signal)], ...sentence.range };
	});
	const blocking = findings.some((f) => f.severity === 'error' && !f.suppressed);
	return {
		engineVersion: ENGINE_VERSION,
		score: scoring.score,
		threshold,
		...(exception ? { exception } : {}),
		verdict: scoring.score > threshold || blocking ? 'fail' : 'pass',
		words: scoring.words,
		sentences: audited,
		findings,
		...(Object.keys(omitted).length > 0 ? { omittedFindings: omitted } : {}),
		frontmatter: publicFrontmatter(frontmatter),
	};
}

/** Where blog templates keep a post's publication date (Astro's blog starter, AstroPaper, Hugo-style, …), in order of preference. */
export const PUBLICATION_DATE_KEYS = ['pubDate', 'pubDatetime', 'publishDate', 'publishedAt', 'published', 'date'];

/** The frontmatter fields adapters show; the rest of a post's frontmatter stays out of reports. */
function publicFrontmatter(data: Record<string, unknown>): Record<string, unknown> {
	const keep: Record<string, unknown> = {};
	for (const key of ['title', 'description', 'author', 'draft', 'tags', 'sponsorship', 'candor', ...PUBLICATION_DATE_KEYS]) if (data[key] !== undefined) keep[key] = data[key];
	return keep;
}
