/**
 * What pages get of an audit: the public facts a badge or a disclosure shows. Nothing here
 * that is not already public on the post.
 */
import type { Family } from '../core/index.js';
import { PUBLICATION_DATE_KEYS } from '../core/pipeline/post-audit.js';
import { sponsorshipsOf } from '../core/sponsorships.js';
import type { StoredAudit } from './audit-store.js';

interface Sponsorship {
	kind: string;
	sponsor: string;
	url?: string;
	note?: string;
}

export interface PostAuditSummary {
	/** Posix path from the project root, as `entry.filePath`. */
	path: string;
	/** `<collection>/<entry id>`: the name of the post's public files. */
	slug: string;
	title?: string;
	author?: string;
	/** The publication date from the frontmatter (`pubDate`, `pubDatetime`, `date`…), as `YYYY-MM-DD`, when it has one. */
	date?: string;
	tags: string[];
	/** Rule ids with their unsuppressed finding counts, most frequent first. */
	topRules: Array<{ ruleId: string; count: number }>;
	score: number | null;
	threshold: number;
	verdict: 'pass' | 'fail' | 'error';
	words: { total: number; pitch: number; expertise: number; neutral: number };
	/** Sentences with an expertise signal (steps, code, an explanation, evidence…): an expertise-first badge needs one. */
	expertiseSentences: number;
	/** Unsuppressed findings per rule family. */
	families: Partial<Record<Family, number>>;
	findings: number;
	suppressed: number;
	exception?: { threshold: number; reason: string };
	/** The first declared sponsorship (the badge's state). */
	sponsorship?: Sponsorship;
	/** Every declared sponsorship, in frontmatter order (a post can declare several). */
	sponsorships?: Sponsorship[];
	draft: boolean;
	engineVersion: string;
	optionsHash: string;
	/** The transparency badge, once rendered. */
	badge?: { light: string; dark: string; width: number; height: number; alt: string; state: string; text: string };
	/** URL of the public audit record (JSON). */
	record?: string;
	/** URL of the Open Graph image, when social cards are on. */
	socialCard?: string;
}

export function summarize(path: string, slug: string, audit: StoredAudit, optionsHash: string): PostAuditSummary {
	const families: PostAuditSummary['families'] = {};
	for (const finding of audit.findings) if (!finding.suppressed) families[finding.family] = (families[finding.family] ?? 0) + 1;
	const sponsorships = sponsorshipsOf(audit.frontmatter.sponsorship) as Sponsorship[];
	const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
	const title = text(audit.frontmatter.title);
	const tags = Array.isArray(audit.frontmatter.tags) ? audit.frontmatter.tags.filter((t): t is string => typeof t === 'string') : [];
	const ruleCounts = new Map<string, number>();
	for (const finding of audit.findings) if (!finding.suppressed) ruleCounts.set(finding.ruleId, (ruleCounts.get(finding.ruleId) ?? 0) + 1);
	const topRules = [...ruleCounts].map(([ruleId, count]) => ({ ruleId, count })).sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId));
	const author = text(audit.frontmatter.author);
	const date = publicationDate(audit.frontmatter);
	return {
		path,
		slug,
		...(title ? { title } : {}),
		...(author ? { author } : {}),
		...(date ? { date } : {}),
		tags,
		topRules,
		score: audit.verdict === 'error' ? null : audit.score,
		threshold: audit.threshold,
		expertiseSentences: audit.expertiseSentences,
		verdict: audit.verdict,
		words: audit.words,
		families,
		findings: audit.findings.filter((f) => !f.suppressed).length,
		suppressed: audit.findings.filter((f) => f.suppressed).length,
		...(audit.exception ? { exception: audit.exception } : {}),
		...(sponsorships.length > 0 ? { sponsorship: sponsorships[0]!, sponsorships } : {}),
		draft: audit.frontmatter.draft === true,
		engineVersion: audit.engineVersion,
		optionsHash,
	};
}

/** The first publication date the frontmatter has, as `YYYY-MM-DD` (a YAML date, a string Date understands, or a Date once cached as JSON). */
export function publicationDate(frontmatter: Record<string, unknown>): string | undefined {
	for (const key of PUBLICATION_DATE_KEYS) {
		const value = frontmatter[key];
		if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value.trim())) return value.trim().slice(0, 10);
		const date = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : undefined;
		if (date && !Number.isNaN(date.getTime())) return date.toISOString().slice(0, 10);
	}
	return undefined;
}

/** The public audit record of a post: nothing that is not already public on the post. */
export function auditRecord(summary: PostAuditSummary) {
	return {
		post: summary.slug,
		score: summary.score,
		threshold: summary.threshold,
		verdict: summary.verdict,
		promotionalWords: summary.words.pitch,
		words: summary.words.total,
		findingsByFamily: summary.families,
		sponsorship: summary.sponsorship ? { kind: summary.sponsorship.kind, sponsor: summary.sponsorship.sponsor } : null,
		...(summary.sponsorships && summary.sponsorships.length > 1 ? { sponsorships: summary.sponsorships.map((s) => ({ kind: s.kind, sponsor: s.sponsor })) } : {}),
		exception: summary.exception ?? null,
		badge: summary.badge ? { state: summary.badge.state, text: summary.badge.text } : null,
		engineVersion: summary.engineVersion,
		optionsHash: summary.optionsHash,
	};
}
