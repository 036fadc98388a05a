import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { badgeContent, BADGE_STATES } from '../../integrations/candor/src/badge/badge-content.ts';
import { renderBadge } from '../../integrations/candor/src/badge/render-badge.ts';
import { createAuditor } from '../../integrations/candor/src/core/index.ts';
import { storedAudit } from '../../integrations/candor/src/pool/audit-pool.ts';

const base = { threshold: 10, verdict: 'pass' as const, expertiseSentences: 4 };
const cases = {
	'expertise-first': { ...base, score: 3.4 },
	'within-policy': { ...base, score: 8.2 },
	'above-policy': { ...base, score: 42, verdict: 'fail' as const },
	'policy-exception': { ...base, score: 30, threshold: 45, exception: { threshold: 45, reason: 'Release notes of our own product.' } },
	sponsored: { ...base, score: 0, sponsorship: { kind: 'sponsored', sponsor: 'Lumen Trace' } },
	affiliate: { ...base, score: 0.4, sponsorship: { kind: 'affiliate', sponsor: 'Amazon Associates' } },
	gifted: { ...base, score: 2, sponsorship: { kind: 'gifted', sponsor: 'Acme' } },
	partner: { ...base, score: 2, sponsorship: { kind: 'partner', sponsor: 'Acme' } },
	employee: { ...base, score: 2, sponsorship: { kind: 'employee', sponsor: 'Acme' } },
};

describe('badge content', () => {
	it('states the finding plainly, in the badge and in words', () => {
		expect(badgeContent(cases['expertise-first'])).toEqual({
			state: 'expertise-first',
			text: 'Expertise-first · 3% promotional',
			alt: "Candor audit: expertise-first, 3% of this post's prose is promotional (policy threshold 10%).",
		});
		expect(badgeContent(cases['within-policy'])?.text).toBe('Within policy · 8% promotional');
		expect(badgeContent(cases.affiliate)).toMatchObject({ text: 'Affiliate links · <1% promotional' });
		expect(badgeContent(cases['policy-exception'])?.alt).toBe(
			"Candor audit: 30% of this post's prose is promotional, under a public policy exception (policy threshold 45%): Release notes of our own product.",
		);
		expect(badgeContent(cases.sponsored)?.alt).toBe('Candor audit: sponsored by Lumen Trace, disclosed at the top of the post; 0% of its prose is promotional (policy threshold 10%).');
	});

	it('says a post failed the policy, not that it is above it, when its share is within the threshold', () => {
		const content = badgeContent({ ...base, score: 0, verdict: 'fail' as const });
		expect(content).toMatchObject({ state: 'above-policy', text: 'Fails policy · 0% promotional' });
		expect(content!.alt).toMatch(/^Candor audit: fails the site's policy for a reason other than promotion/);
		expect(badgeContent(cases['above-policy'])?.text).toBe('Above policy · 42% promotional');
	});

	it('claims expertise only where the audit found some: filler text with no pitch is "Within policy"', () => {
		const auditor = createAuditor({ threshold: 10 });
		const badgeOf = (text: string) => badgeContent(storedAudit(auditor.audit(`---\ntitle: Post\n---\n\n${text}\n`, 'md')));
		const lorem =
			'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. ' +
			'Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.\n\n' +
			'Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur.';
		expect(badgeOf(lorem)).toMatchObject({ state: 'within-policy', text: 'Within policy · 0% promotional' });
		const howTo =
			'Run `df -h` on the host before you deploy, because a full disk makes the deploy fail halfway through. ' +
			'If the root volume is above 90%, delete old releases first: `ls -dt releases/* | tail -n +4 | xargs rm -rf` keeps the three newest.';
		expect(badgeOf(howTo)).toMatchObject({ state: 'expertise-first', text: 'Expertise-first · 0% promotional' });
		expect(badgeContent({ ...base, score: 0, expertiseSentences: 0 })?.state).toBe('within-policy');
	});

	it('has a documented meaning for every state it can produce', () => {
		for (const [state, audit] of Object.entries(cases)) {
			expect(badgeContent(audit)?.state).toBe(state);
			expect(BADGE_STATES.map((s) => s.state)).toContain(state);
		}
	});

	it('gives no badge to a post that could not be audited', () => {
		expect(badgeContent({ ...base, score: null, verdict: 'error' })).toBeUndefined();
	});
});

describe('badge images', () => {
	it.each(Object.keys(cases))('renders the %s state in both variants as valid SVG', async (state) => {
		for (const variant of ['light', 'dark'] as const) {
			const svg = await renderBadge(badgeContent(cases[state as keyof typeof cases])!, variant);
			expect(XMLValidator.validate(svg)).toBe(true);
			expect(svg).toMatch(/^<svg width="\d+" height="20" /);
			expect(svg).toContain('<path');
		}
	});

	it('is byte-identical across renders', async () => {
		const content = badgeContent(cases.sponsored)!;
		const first = await renderBadge(content, 'light');
		const again = await renderBadge(content, 'light');
		expect(again).toBe(first);
		expect(await renderBadge(content, 'dark')).not.toBe(first);
	});

	it('renders markup in a sponsor name as text', async () => {
		const content = badgeContent({ ...base, score: 0, sponsorship: { kind: 'sponsored', sponsor: '<script>alert("x")</script> & Co' } })!;
		const svg = await renderBadge(content, 'light');
		expect(XMLValidator.validate(svg)).toBe(true);
		expect(svg).not.toContain('<script');
		const parsed = new XMLParser({ ignoreAttributes: false }).parse(svg);
		expect(parsed.svg.title).toBe('Candor audit: sponsored by <script>alert("x")</script> & Co, disclosed at the top of the post; 0% of its prose is promotional (policy threshold 10%).');
		expect(parsed.svg['@_aria-label']).toBe(parsed.svg.title);
	});
});
