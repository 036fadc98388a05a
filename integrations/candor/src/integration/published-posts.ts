/**
 * Which audited posts the built site actually publishes. Records, badges and cards are
 * written only for those: a draft, or a post the site filters out of its routes, leaves no
 * trace in the output (its slug, title and word count are unpublished work).
 *
 * A post is published when a page asked for its audit while rendering (`getAudit` or
 * `<CandorBadge>`, counted by the virtual module in this process), or when a built page's
 * path ends with its entry id (a site that shows no badge still publishes its records).
 */
import type { PostAuditSummary } from './summary.js';

/** The global registry key the virtual module notes asked-for posts under (one process: Astro's). */
const ASKED_KEY = 'astro-candor.asked';
const ASKED = Symbol.for(ASKED_KEY);
type Tracked = typeof globalThis & { [ASKED]?: Set<string> };

/** Starts counting which posts pages ask for (call before the pages are rendered). */
export function startCountingAskedPosts(): Set<string> {
	const asked = new Set<string>();
	(globalThis as Tracked)[ASKED] = asked;
	return asked;
}

/** Source for the virtual module: notes a post's path when a page asks for its audit. */
export const noteAsked = (pathExpression: string) => `globalThis[Symbol.for(${JSON.stringify(ASKED_KEY)})]?.add(${pathExpression});`;

/** A post's entry id, the end of its page's URL in most sites (`blog/launch` → `launch`). */
export const entryIdOf = (summary: Pick<PostAuditSummary, 'slug'>) => summary.slug.slice(summary.slug.indexOf('/') + 1);

export function publishedPosts(summaries: PostAuditSummary[], asked: ReadonlySet<string>, pagePaths: string[]): PostAuditSummary[] {
	// Every tail of every page's path: `blog/2026/launch` gives `launch`, `2026/launch` and itself.
	const suffixes = new Set<string>();
	for (const page of pagePaths) {
		const parts = page.split('/').filter(Boolean);
		for (let i = 0; i < parts.length; i++) suffixes.add(parts.slice(i).join('/'));
	}
	return summaries.filter((s) => asked.has(s.path) || suffixes.has(entryIdOf(s)));
}
