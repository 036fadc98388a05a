/**
 * `virtual:astro-candor/audits`: every audited post's summary, for layouts.
 *
 *   import { getAudit } from 'virtual:astro-candor/audits';
 *   const audit = getAudit(post); // by `entry.filePath`
 *
 * Built from the gate's results, which cover every post on every build (the content layer's
 * cache cannot hide a post from it), so a page never shows a stale or missing audit.
 *
 * `virtual:astro-candor/policy` holds the site's public policy alone (its threshold and the
 * "How we audit" page's URL), known before any audit: a page that shows only the policy (the
 * injected "How we audit" page) neither waits for the audit nor bundles every post's summary
 * (about 0.8 KB a post: 8 MB of JavaScript in the server bundle of a 10,000-post site).
 */
import type { ViteUserConfig } from 'astro';

type Plugin = Extract<NonNullable<ViteUserConfig['plugins']>[number], { name: string }>;
import { noteAsked } from './published-posts.js';
import type { PostAuditSummary } from './summary.js';

export const VIRTUAL_ID = 'virtual:astro-candor/audits';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
export const POLICY_ID = 'virtual:astro-candor/policy';
const RESOLVED_POLICY_ID = `\0${POLICY_ID}`;
/** The badge's theme stylesheet (see badge/badge-theme.ts), a real file so Vite bundles it like any CSS. */
export const BADGE_THEME_CSS_ID = 'virtual:astro-candor/badge-theme.css';

export interface PublicPolicy {
	threshold: number;
	/** URL of the "How we audit" page, or false when the site turned it off. */
	auditPage: string | false;
}

export function auditsVitePlugin(getSummaries: () => Promise<PostAuditSummary[]>, policy: PublicPolicy, badgeThemeFile: string): Plugin {
	return {
		name: 'astro-candor:audits',
		resolveId(id) {
			if (id === BADGE_THEME_CSS_ID) return badgeThemeFile;
			if (id === POLICY_ID) return RESOLVED_POLICY_ID;
			return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
		},
		async load(id) {
			if (id === RESOLVED_POLICY_ID) return `export const policy = ${JSON.stringify(policy)};`;
			if (id !== RESOLVED_ID) return undefined;
			const summaries = await getSummaries();
			const byPath = Object.fromEntries(summaries.map((s) => [s.path, s]));
			return [
				`export const audits = ${JSON.stringify(byPath)};`,
				`export const policy = ${JSON.stringify(policy)};`,
				`export function getAudit(entry) {`,
				`  const path = typeof entry === 'string' ? entry : entry && entry.filePath;`,
				`  const audit = path ? audits[String(path).replace(/\\\\/g, '/').replace(/^\\.\\//, '')] : undefined;`,
				`  if (audit) ${noteAsked('audit.path')}`,
				`  return audit;`,
				`}`,
			].join('\n');
		},
	};
}

/** The policy's type, as both modules declare it. */
const POLICY_TYPE = '{ threshold: number; auditPage: string | false }';

export const AUDITS_TYPES = `declare module '${VIRTUAL_ID}' {
	export type PostAuditSummary = import('astro-candor').PostAuditSummary;
	export const audits: Record<string, PostAuditSummary>;
	/** The site's public policy: its threshold and the URL of its "How we audit" page. */
	export const policy: ${POLICY_TYPE};
	/** The audit of a post, by its collection entry (\`entry.filePath\`) or its path from the project root. */
	export function getAudit(entry: { filePath?: string } | string): PostAuditSummary | undefined;
}
declare module '${POLICY_ID}' {
	/** The site's public policy: its threshold and the URL of its "How we audit" page. */
	export const policy: ${POLICY_TYPE};
}
`;
