/**
 * The options of `candor()`: one strict zod schema whose defaults live in one typed object,
 * so a typo in an option is an error that names it.
 */
import { AstroError } from 'astro/errors';
import { z } from 'astro/zod';
import { DEFAULT_THRESHOLD } from './core/options.js';
import type { Family } from './core/types.js';
import { BADGE_THEME_DEFAULTS, type BadgeTheme, isSafeSelector } from './badge/badge-theme.js';
import { LANGUAGE_CODES, type LanguageCode } from './disclosure/templates.js';
import { SPONSORSHIP_KINDS, type SponsorshipKind } from './schema.js';
import { builtinRules, EXPERTISE_FAMILIES, PITCH_FAMILIES } from './core/rules/index.js';

export const CANDOR_DEFAULTS = {
	collections: ['blog'],
	include: [],
	exclude: [],
	threshold: DEFAULT_THRESHOLD,
	mode: 'error',
	failOnDrafts: false,
	maxDetailedPosts: 20,
	warnings: true,
	brand: [],
	ownedDomains: [],
	rules: {},
	customRules: [],
	reports: {},
	cache: true,
	disclosure: { form: 'long', lang: 'en', stylesheet: true },
	affiliatePrograms: [],
	badges: true,
	auditPage: '/how-we-audit/',
	socialCards: false,
	publishReport: false,
} satisfies CandorOptions;

const threshold = z.number().min(0).max(100);
/** A disclosure must name the sponsor, or it discloses nothing. */
const sponsorTemplate = z.string().refine((text) => text.includes('{sponsor}'), 'a disclosure template must contain `{sponsor}`');
const severity = z.enum(['error', 'warning', 'info']);
/** A CSS selector list of an ancestor of the badge (e.g. `html.dark, [data-theme="dark"]`), or `false`. */
const themeSelector = z.union([
	z.literal(false),
	z.string().refine(isSafeSelector, 'a CSS selector list such as `html.dark, [data-theme="dark"]` (no `{`, `}`, `<`, `;` or `@`), or `false`'),
]);
const family = z.enum([...PITCH_FAMILIES, ...EXPERTISE_FAMILIES] as [Family, ...Family[]]);

export const candorOptionsSchema = z
	.object({
		/** Content collections whose entries are audited; a name, or `{ name, threshold }`. */
		collections: z
			.array(z.union([z.string().min(1), z.object({ name: z.string().min(1), threshold: threshold.optional() }).strict()]))
			.default(CANDOR_DEFAULTS.collections),
		/** Folders or globs (relative to the project root) audited as well; a glob, or `{ pattern, threshold }`. */
		include: z
			.array(z.union([z.string().min(1), z.object({ pattern: z.string().min(1), threshold: threshold.optional() }).strict()]))
			.default(CANDOR_DEFAULTS.include),
		/** Globs of posts never audited (relative to the project root). */
		exclude: z.array(z.string().min(1)).default(CANDOR_DEFAULTS.exclude),
		/** Highest promotional share (0–100, percent of prose words) a post may have. */
		threshold: threshold.default(CANDOR_DEFAULTS.threshold),
		/** `error` fails the build on a policy breach; `warn` reports it and passes. */
		mode: z.enum(['error', 'warn']).default(CANDOR_DEFAULTS.mode),
		/** Drafts are audited and reported; with `true` a failing draft fails the build too. */
		failOnDrafts: z.boolean().default(CANDOR_DEFAULTS.failOnDrafts),
		// How many failing posts the build log shows in full; the rest get their verdict line.
		maxDetailedPosts: z.number().int().min(0).default(CANDOR_DEFAULTS.maxDetailedPosts),
		/** Print passing posts' warnings (calls to action, offers, urgency, undisclosed-looking links) as build warnings. */
		warnings: z.boolean().default(CANDOR_DEFAULTS.warnings),
		/** The company's own names (company, products): sentences about them count as self-focus. */
		brand: z.array(z.string().trim().min(1)).default(CANDOR_DEFAULTS.brand),
		/** Domains the site owns: links to their pricing, signup or demo pages are promotional. */
		ownedDomains: z.array(z.string().trim().min(1)).default(CANDOR_DEFAULTS.ownedDomains),
		/** Per rule id: `'off'`, a new weight, or `{ weight, severity }`. */
		rules: z
			.record(z.string(), z.union([z.literal('off'), z.number().min(0), z.object({ weight: z.number().min(0).optional(), severity: severity.optional() }).strict()]))
			.default(CANDOR_DEFAULTS.rules),
		/** The site's own phrase rules, as data. */
		customRules: z
			.array(
				z
					.object({
						id: z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'rule ids are kebab-case, e.g. `our-slogan`'),
						family,
						phrases: z.array(z.string().min(1)).min(1),
						description: z.string().optional(),
						weight: z.number().min(0).optional(),
						severity: severity.optional(),
						message: z.string().optional(),
						suggestion: z.string().optional(),
					})
					.strict(),
			)
			.default(CANDOR_DEFAULTS.customRules),
		/** Where to write machine-readable reports, relative to the project root. */
		reports: z
			.object({ json: z.string().min(1).optional(), sarif: z.string().min(1).optional(), html: z.string().min(1).optional() })
			.strict()
			.default(CANDOR_DEFAULTS.reports),
		/** Also publish the editor's report at /_candor/ in the built site (off: it is an editing tool). */
		publishReport: z.boolean().default(CANDOR_DEFAULTS.publishReport),
		/** Keep audits of unchanged posts between builds (in Astro's cache directory). */
		cache: z.boolean().default(CANDOR_DEFAULTS.cache),
		/** How sponsorship disclosures are worded and styled. */
		disclosure: z
			.object({
				form: z.enum(['long', 'short']).default('long'),
				lang: z.enum(LANGUAGE_CODES as [LanguageCode, ...LanguageCode[]]).default('en'),
				label: z.string().trim().min(1).optional(),
				templates: z
					.partialRecord(
						z.enum(SPONSORSHIP_KINDS),
						z.object({ long: sponsorTemplate.optional(), short: sponsorTemplate.optional() }).strict(),
					)
					.optional(),
				stylesheet: z.boolean().default(true),
			})
			.strict()
			.default(CANDOR_DEFAULTS.disclosure),
		/** Affiliate programs of the site's own, added to the built-in list. */
		affiliatePrograms: z
			.array(
				z
					.object({
						program: z.string().min(1),
						hosts: z.array(z.string().min(1)).min(1),
						path: z.string().refine(isRegExp, 'must be a valid regular expression').optional(),
						params: z.array(z.string().min(1)).optional(),
						example: z.url(),
						level: z.enum(['error', 'warning']).default('error'),
					})
					.strict(),
			)
			.default(CANDOR_DEFAULTS.affiliatePrograms),
		/**
		 * Render transparency badges (and public audit records) for every audited post; an object
		 * says how the site marks its dark and light themes (the badge follows them).
		 */
		badges: z
			.union([
				z.boolean(),
				z
					.object({
						darkSelector: themeSelector.default(BADGE_THEME_DEFAULTS.darkSelector),
						lightSelector: themeSelector.default(BADGE_THEME_DEFAULTS.lightSelector),
					})
					.strict(),
			])
			.default(CANDOR_DEFAULTS.badges),
		/** Route of the public "How we audit" page badges link to; `false` to leave it out. */
		auditPage: z
			.union([z.literal(false), z.string().regex(/^\/([\w-]+\/)*$/, 'a route such as `/how-we-audit/` (leading and trailing slash)')])
			.default(CANDOR_DEFAULTS.auditPage),
		/** The site's layout for the "How we audit" page (an .astro file from the project root); unset, Candor's own frame. */
		auditPageLayout: z.string().trim().min(1).optional(),
		/** 1200×630 Open Graph images with the title, author and badge of each post. */
		socialCards: z.union([z.boolean(), z.object({ siteName: z.string().min(1).optional() }).strict()]).default(CANDOR_DEFAULTS.socialCards),
	})
	.strict();

function isRegExp(source: string): boolean {
	try {
		new RegExp(source);
		return true;
	} catch {
		return false;
	}
}

export interface CandorOptions {
	collections?: Array<string | { name: string; threshold?: number }>;
	include?: Array<string | { pattern: string; threshold?: number }>;
	exclude?: string[];
	threshold?: number;
	mode?: 'error' | 'warn';
	failOnDrafts?: boolean;
	maxDetailedPosts?: number;
	warnings?: boolean;
	brand?: string[];
	ownedDomains?: string[];
	rules?: Record<string, 'off' | number | { weight?: number; severity?: 'error' | 'warning' | 'info' }>;
	customRules?: Array<{
		id: string;
		family: (typeof PITCH_FAMILIES)[number] | (typeof EXPERTISE_FAMILIES)[number];
		phrases: string[];
		description?: string;
		weight?: number;
		severity?: 'error' | 'warning' | 'info';
		message?: string;
		suggestion?: string;
	}>;
	reports?: { json?: string; sarif?: string; html?: string };
	publishReport?: boolean;
	cache?: boolean;
	disclosure?: {
		form?: 'long' | 'short';
		lang?: LanguageCode;
		label?: string;
		templates?: Partial<Record<SponsorshipKind, { long?: string; short?: string }>>;
		stylesheet?: boolean;
	};
	affiliatePrograms?: Array<{ program: string; hosts: string[]; path?: string; params?: string[]; example: string; level?: 'error' | 'warning' }>;
	badges?: boolean | { darkSelector?: string | false; lightSelector?: string | false };
	auditPage?: string | false;
	auditPageLayout?: string;
	socialCards?: boolean | { siteName?: string };
}
export type ResolvedCandorOptions = z.output<typeof candorOptionsSchema>;

/** How badges follow the site's theme: the defaults, or the site's own selectors. */
export function badgeTheme(options: Pick<ResolvedCandorOptions, 'badges'>): BadgeTheme {
	return typeof options.badges === 'object' ? options.badges : BADGE_THEME_DEFAULTS;
}

/** Validates user options; throws an `AstroError` (Astro's user-error class) naming each bad option and its fix. */
export function validateOptions(input: unknown): ResolvedCandorOptions {
	const result = candorOptionsSchema.safeParse(input ?? {});
	const known = Object.keys(candorOptionsSchema.shape);
	if (result.success) {
		const unknownRules = Object.keys(result.data.rules).filter((id) => !knownRuleIds(result.data).has(id));
		if (unknownRules.length === 0) return result.data;
		throw new AstroError(
			`Invalid \`candor()\` options:\n${unknownRules.map((id) => `  - \`rules.${id}\`: no rule has this id`).join('\n')}`,
			'Use a rule id from the rule reference in the README, or one of your `customRules`.',
		);
	}
	const problems = result.error.issues.map((issue) => describeIssue(issue, known));
	throw new AstroError(
		`Invalid \`candor()\` options:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
		`Fix the options passed to \`candor()\` in your Astro config. Known options: ${known.map((k) => `\`${k}\``).join(', ')}.`,
	);
}

function knownRuleIds(options: ResolvedCandorOptions): Set<string> {
	return new Set([...builtinRules.map((rule) => rule.id), ...options.customRules.map((rule) => rule.id)]);
}

function describeIssue(issue: z.core.$ZodIssue, known: string[]): string {
	const path = issue.path.map(String).join('.');
	if (issue.code === 'unrecognized_keys') {
		return issue.keys
			.map((key) => {
				const near = issue.path.length === 0 ? closest(key, known) : undefined;
				const where = issue.path.length ? `${path}.${key}` : key;
				return `unknown option \`${where}\`${near ? `: did you mean \`${near}\`?` : ''}`;
			})
			.join('\n  - ');
	}
	return `\`${path || '(options)'}\`: ${issue.message}`;
}

/** The known option nearest to a typo (edit distance ≤ 2), to suggest a fix. */
function closest(word: string, candidates: string[]): string | undefined {
	let best: string | undefined;
	let bestDistance = 3;
	for (const candidate of candidates) {
		const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
		if (d < bestDistance) [best, bestDistance] = [candidate, d];
	}
	return best;
}

function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
		}
		previous = current;
	}
	return previous[b.length]!;
}
