/**
 * What pages get of an audit: the public facts a badge or a disclosure shows. Nothing here
 * that is not already public on the post.
 */
import type { Family } from '../core/index.js';
import type { StoredAudit } from './audit-store.js';

export interface PostAuditSummary {
	/** Posix path from the project root, as `entry.filePath`. */
	path: string;
	score: number | null;
	threshold: number;
	verdict: 'pass' | 'fail' | 'error';
	words: { total: number; pitch: number; expertise: number; neutral: number };
	/** Unsuppressed findings per rule family. */
	families: Partial<Record<Family, number>>;
	findings: number;
	suppressed: number;
	exception?: { threshold: number; reason: string };
	sponsorship?: { kind: string; sponsor: string; url?: string; note?: string };
	draft: boolean;
	engineVersion: string;
	optionsHash: string;
}

export function summarize(path: string, audit: StoredAudit, optionsHash: string): PostAuditSummary {
	const families: PostAuditSummary['families'] = {};
	for (const finding of audit.findings) if (!finding.suppressed) families[finding.family] = (families[finding.family] ?? 0) + 1;
	const sponsorship = audit.frontmatter.sponsorship as PostAuditSummary['sponsorship'] | undefined;
	return {
		path,
		score: audit.verdict === 'error' ? null : audit.score,
		threshold: audit.threshold,
		verdict: audit.verdict,
		words: audit.words,
		families,
		findings: audit.findings.filter((f) => !f.suppressed).length,
		suppressed: audit.findings.filter((f) => f.suppressed).length,
		...(audit.exception ? { exception: audit.exception } : {}),
		...(sponsorship && typeof sponsorship === 'object' ? { sponsorship } : {}),
		draft: audit.frontmatter.draft === true,
		engineVersion: audit.engineVersion,
		optionsHash,
	};
}
