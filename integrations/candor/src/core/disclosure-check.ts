/**
 * The disclosure rules applied to a whole post: affiliate links without an affiliate block,
 * sponsorship statements without a block, unclear wording, and hand-written disclosures
 * that come too late. Pure: sentences, links and frontmatter in, findings out.
 */
import { sponsorshipsOf } from './sponsorships.js';
import { type AffiliateProgram, matchAffiliate } from './affiliates.js';
import type { LineIndex } from './positions.js';
import type { ProseBlock } from './prose.js';
import { makeFinding } from './findings.js';
import { findSuppression, type Suppression } from './suppressions.js';
import type { Finding, Rule } from './types.js';

export interface DisclosureHit {
	rule: Rule;
	/** Source span of the phrase. */
	sourceStart: number;
	sourceEnd: number;
	blockIndex: number;
	excerpt: string;
	negated: boolean;
}

export interface DisclosureInput {
	blocks: ProseBlock[];
	hits: DisclosureHit[];
	/** The frontmatter's `sponsorship`: one declaration or a list. */
	sponsorship: unknown;
	rules: Map<string, Rule>;
	programs: readonly AffiliateProgram[];
	lines: LineIndex;
	suppressions: Suppression[];
}

export function checkDisclosures(input: DisclosureInput): Finding[] {
	const { blocks, hits, sponsorship, rules, programs, lines, suppressions } = input;
	const findings: Finding[] = [];
	const kinds = new Set(sponsorshipsOf(sponsorship).map((s) => String(s.kind ?? '')));
	const declared = kinds.size > 0;
	const report = (rule: Rule, start: number, end: number, excerpt: string, severity = rule.severity, message = rule.message) => {
		const range = lines.range(start, end);
		findings.push(makeFinding(rule, range, excerpt, findSuppression(suppressions, rule.id, range.line), { severity, message }));
	};

	// Affiliate links, in source order.
	const paidLinks: Array<{ start: number; end: number; program: string; level: 'error' | 'warning'; text: string }> = [];
	for (const block of blocks) {
		for (const link of block.links) {
			const match = matchAffiliate(link.url, programs);
			if (match) paidLinks.push({ start: link.sourceStart, end: link.sourceEnd, ...match, text: block.text.text.slice(link.start, link.end).trim() || link.url });
		}
	}
	paidLinks.sort((a, b) => a.start - b.start);

	const undisclosedAffiliate = rules.get('undisclosed-affiliate');
	if (undisclosedAffiliate && !kinds.has('affiliate')) {
		for (const link of paidLinks) {
			const message =
				link.level === 'error'
					? `${undisclosedAffiliate.message} Program: ${link.program}.`
					: `Possible referral link (a \`ref\`/\`aff\` parameter): if you earn from it, declare an affiliate sponsorship.`;
			report(undisclosedAffiliate, link.start, link.end, link.text, link.level === 'error' ? undisclosedAffiliate.severity : 'warning', message);
		}
	}

	const used = hits.filter((hit) => !hit.negated);
	const undisclosedSponsorship = rules.get('undisclosed-sponsorship');
	if (undisclosedSponsorship && !declared) {
		for (const hit of used.filter((h) => h.rule.id === 'undisclosed-sponsorship')) report(undisclosedSponsorship, hit.sourceStart, hit.sourceEnd, hit.excerpt);
	}

	const ambiguous = rules.get('ambiguous-disclosure');
	if (ambiguous) for (const hit of used.filter((h) => h.rule.id === 'ambiguous-disclosure')) report(ambiguous, hit.sourceStart, hit.sourceEnd, hit.excerpt);

	// A hand-written disclosure matters only when the post declares none: Candor's own is placed first.
	const late = rules.get('late-disclosure');
	if (late && !declared) {
		const statements = used.filter((h) => h.rule.id === 'late-disclosure' || h.rule.id === 'undisclosed-sponsorship').sort((a, b) => a.sourceStart - b.sourceStart);
		const first = statements[0];
		const firstPaid = paidLinks.find((link) => link.level === 'error');
		const atTheEnd = first && blocks.length > 1 && first.blockIndex === blocks.length - 1;
		if (first && ((firstPaid && first.sourceStart > firstPaid.start) || atTheEnd)) report(late, first.sourceStart, first.sourceEnd, first.excerpt);
	}
	return findings;
}
