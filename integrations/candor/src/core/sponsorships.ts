/**
 * A post's declared sponsorships. Frontmatter `sponsorship` is one declaration or a list of
 * them (a gifted product reviewed with affiliate links is two): every reader of it goes
 * through `sponsorshipsOf`, so one and many behave the same.
 */
export interface SponsorshipLike {
	kind?: unknown;
	sponsor?: unknown;
	url?: unknown;
	note?: unknown;
}

/** The declarations in `value` (the frontmatter's `sponsorship`), in the order written. */
export function sponsorshipsOf(value: unknown): SponsorshipLike[] {
	const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
	return list.filter((item): item is SponsorshipLike => typeof item === 'object' && item !== null);
}
