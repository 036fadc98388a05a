/**
 * The options of `candor()`: one strict zod schema whose defaults live in one typed object,
 * so a typo in an option is an error that names it.
 */
import { AstroError } from 'astro/errors';
import { z } from 'astro/zod';
import { DEFAULT_THRESHOLD } from './core/options.js';

export const CANDOR_DEFAULTS = {
	collections: ['blog'],
	threshold: DEFAULT_THRESHOLD,
	mode: 'error',
	brand: [],
	ownedDomains: [],
} satisfies CandorOptions;

export const candorOptionsSchema = z
	.object({
		/** Content collections whose entries are audited. */
		collections: z.array(z.string().min(1)).min(1).default(CANDOR_DEFAULTS.collections),
		/** Highest promotional share (0–100, percent of prose words) a post may have. */
		threshold: z.number().min(0).max(100).default(CANDOR_DEFAULTS.threshold),
		/** `error` fails the build on a policy breach; `warn` reports it and passes. */
		mode: z.enum(['error', 'warn']).default(CANDOR_DEFAULTS.mode),
		/** The company's own names (company, products): sentences about them count as self-focus. */
		brand: z.array(z.string().trim().min(1)).default(CANDOR_DEFAULTS.brand),
		/** Domains the site owns: links to their pricing, signup or demo pages are promotional. */
		ownedDomains: z.array(z.string().trim().min(1)).default(CANDOR_DEFAULTS.ownedDomains),
	})
	.strict();

export interface CandorOptions {
	collections?: string[];
	threshold?: number;
	mode?: 'error' | 'warn';
	brand?: string[];
	ownedDomains?: string[];
}
export type ResolvedCandorOptions = z.output<typeof candorOptionsSchema>;

/** Validates user options; throws an `AstroError` (Astro's user-error class) naming each bad option and its fix. */
export function validateOptions(input: unknown): ResolvedCandorOptions {
	const result = candorOptionsSchema.safeParse(input ?? {});
	if (result.success) return result.data;
	const known = Object.keys(candorOptionsSchema.shape);
	const problems = result.error.issues.map((issue) => describeIssue(issue, known));
	throw new AstroError(
		`Invalid \`candor()\` options:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
		`Fix the options passed to \`candor()\` in your Astro config. Known options: ${known
			.map((k) => `\`${k}\``)
			.join(', ')}.`,
	);
}

function describeIssue(issue: z.core.$ZodIssue, known: string[]): string {
	const path = issue.path.map(String).join('.');
	if (issue.code === 'unrecognized_keys') {
		return issue.keys
			.map((key) => {
				const near = closest(key, known);
				return `unknown option \`${key}\`${near ? `: did you mean \`${near}\`?` : ''}`;
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
