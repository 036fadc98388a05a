/**
 * What a badge says, decided from the audit that gated the build (never from a claim in
 * frontmatter): a state, a short text for the image and a sentence for its alt text.
 */
import { sponsorshipsOf } from '../core/sponsorships.js';
import type { PostAuditSummary } from '../integration/summary.js';

export type BadgeState =
	| 'expertise-first'
	| 'within-policy'
	| 'above-policy'
	| 'policy-exception'
	| 'sponsored'
	| 'affiliate'
	| 'gifted'
	| 'partner'
	| 'employee';

export interface BadgeContent {
	state: BadgeState;
	/** The text of the badge's right half, e.g. "Expertise-first · 6% promotional". */
	text: string;
	/** The finding in words, for the image's alt text. */
	alt: string;
}

/** The meaning of each state, for the "How we audit" page. */
export const BADGE_STATES: ReadonlyArray<{ state: BadgeState; title: string; meaning: string }> = [
	{ state: 'expertise-first', title: 'Expertise-first', meaning: 'At most half of the policy threshold of the prose is promotional, and the post shows expertise (steps, code, explanations, evidence, sources or trade-offs): it teaches first.' },
	{ state: 'within-policy', title: 'Within policy', meaning: 'Within the policy threshold, but either more promotional than an expertise-first post or without any of the signs of expertise the audit looks for (steps, code, explanations, evidence, sources, trade-offs).' },
	{ state: 'policy-exception', title: 'Policy exception', meaning: 'The post was allowed a higher threshold, for a public reason shown on the post.' },
	{ state: 'sponsored', title: 'Sponsored', meaning: 'Someone paid for the post; the disclosure at its top says who.' },
	{ state: 'affiliate', title: 'Affiliate links', meaning: 'The post earns a commission on purchases through its links, as its disclosure says.' },
	{ state: 'gifted', title: 'Gifted', meaning: 'The product discussed was given to us for free, as the disclosure says.' },
	{ state: 'partner', title: 'Partner', meaning: 'The post was written with a business partner, as the disclosure says.' },
	{ state: 'employee', title: 'Employee', meaning: 'The author works for the company the post discusses, as the disclosure says.' },
	{ state: 'above-policy', title: 'Above policy', meaning: 'More promotional than the policy allows, or, when the badge says "Fails policy", within the threshold but failing another rule of the policy (such as an undisclosed affiliate link); only a site in warn mode publishes such a post.' },
];

const SPONSOR_WORDS: Record<string, string> = {
	sponsored: 'Sponsored by',
	affiliate: 'Affiliate links',
	gifted: 'Gifted by',
	partner: 'Partner:',
	employee: 'Author works for',
};

export function badgeContent(
	audit: Pick<PostAuditSummary, 'score' | 'threshold' | 'verdict' | 'exception' | 'sponsorship'> & Partial<Pick<PostAuditSummary, 'expertiseSentences' | 'sponsorships'>>,
): BadgeContent | undefined {
	if (audit.score === null || audit.verdict === 'error') return undefined;
	const share = formatShare(audit.score);
	const promotional = `${share} promotional`;
	const policy = `(policy threshold ${audit.threshold}%)`;
	if (audit.exception) {
		return {
			state: 'policy-exception',
			text: `Policy exception · ${promotional}`,
			alt: `Candor audit: ${share} of this post's prose is promotional, under a public policy exception ${policy}: ${audit.exception.reason}`,
		};
	}
	// The first declared sponsorship sets the state; the badge and its alt text name them all.
	const declared = (sponsorshipsOf(audit.sponsorships ?? audit.sponsorship) as Array<{ kind: string; sponsor: string }>).filter((s) => s.kind in SPONSOR_WORDS);
	if (declared.length > 0) {
		const short = declared.map((s, i) => (s.kind === 'affiliate' ? (i === 0 ? SPONSOR_WORDS.affiliate! : 'affiliate links') : `${SPONSOR_WORDS[s.kind]} ${shorten(s.sponsor, declared.length > 1 ? 18 : 28)}`));
		const words = declared.map((s) => (s.kind === 'affiliate' ? `contains affiliate links (${s.sponsor})` : `${SPONSOR_WORDS[s.kind]!.replace(/:$/, '').toLowerCase()} ${s.sponsor}`));
		return {
			state: declared[0]!.kind as BadgeState,
			text: `${short.join(' + ')} · ${promotional}`,
			alt: `Candor audit: ${words.join(' and ')}, disclosed at the top of the post; ${share} of its prose is promotional ${policy}.`,
		};
	}
	if (audit.verdict === 'fail' && audit.score <= audit.threshold) {
		// Failed for something other than its share (an undisclosed sponsorship, say): say that, not "above policy".
		return {
			state: 'above-policy',
			text: `Fails policy · ${promotional}`,
			alt: `Candor audit: fails the site's policy for a reason other than promotion, such as an undisclosed sponsorship or affiliate link; ${share} of its prose is promotional ${policy}.`,
		};
	}
	if (audit.verdict === 'fail') {
		return { state: 'above-policy', text: `Above policy · ${promotional}`, alt: `Candor audit: ${share} of this post's prose is promotional, above the policy threshold of ${audit.threshold}%.` };
	}
	// "Expertise-first" is a claim about the post: only where the audit found some expertise.
	if (audit.score <= audit.threshold / 2 && (audit.expertiseSentences ?? 0) > 0) {
		return { state: 'expertise-first', text: `Expertise-first · ${promotional}`, alt: `Candor audit: expertise-first, ${share} of this post's prose is promotional ${policy}.` };
	}
	return { state: 'within-policy', text: `Within policy · ${promotional}`, alt: `Candor audit: within policy, ${share} of this post's prose is promotional ${policy}.` };
}

/** Whole percents, but never "0%" for a post with some promotion in it. */
function formatShare(score: number): string {
	if (score > 0 && score < 1) return '<1%';
	return `${Math.round(score)}%`;
}

function shorten(text: string, max: number): string {
	return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
