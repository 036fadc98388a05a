/**
 * Frontmatter pieces that any Astro site adds to its own collection schema.
 *
 * Built with `astro/zod` (Astro's own zod instance) so the objects compose with the
 * site's `defineCollection({ schema })` without a second copy of zod.
 */
import { z } from 'astro/zod';

export const SPONSORSHIP_KINDS = ['sponsored', 'affiliate', 'gifted', 'partner', 'employee'] as const;
export type SponsorshipKind = (typeof SPONSORSHIP_KINDS)[number];

/** Money, a gift, a job or a commission behind a post: drives the disclosure. */
export const sponsorshipSchema = z
	.object({
		kind: z.enum(SPONSORSHIP_KINDS),
		sponsor: z.string().trim().min(1, 'name who is behind the post, e.g. `sponsor: "Acme"`'),
		url: z.url().optional(),
		note: z.string().trim().min(1).optional(),
	})
	.strict();

const REASON_REQUIRED = 'a policy exception needs a public `reason` that readers will see';

/**
 * A per-post policy exception. The reason is public: readers see it next to the badge,
 * so an empty reason is rejected here rather than published.
 */
export const candorExceptionSchema = z
	.object({
		threshold: z.number().min(0).max(100),
		reason: z
			.string({ error: REASON_REQUIRED })
			.trim()
			.min(1, REASON_REQUIRED),
	})
	.strict();

/** Spread into a collection schema: `z.object({ title: z.string(), ...candorFrontmatter })`. */
export const candorFrontmatter = {
	/** One sponsorship, or a list when several apply (a gifted product reviewed with affiliate links). */
	sponsorship: z.union([sponsorshipSchema, z.array(sponsorshipSchema).min(1).max(5)]).optional(),
	candor: candorExceptionSchema.optional(),
};

export type Sponsorship = z.infer<typeof sponsorshipSchema>;
export type CandorException = z.infer<typeof candorExceptionSchema>;
