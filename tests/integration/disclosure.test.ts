/** Sponsorship disclosures and paid links, through real `astro build` runs. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeDir, runAstro } from '../helpers/astro.ts';
import { gateSite, type SiteSpec } from '../helpers/site.ts';

const made: string[] = [];
afterAll(async () => Promise.all(made.map(removeDir)));

async function build(spec: SiteSpec) {
	const root = await gateSite(spec);
	made.push(root);
	const result = await runAstro(root, ['build']);
	const page = (slug: string) => readFile(join(root, 'dist/blog', slug, 'index.html'), 'utf8');
	return { ...result, page };
}

const KINDS = ['kind-sponsored.md', 'kind-gifted.md', 'kind-partner.md', 'kind-employee.md', 'kind-sponsored-mdx.mdx', 'affiliate-disclosed.md', 'kind-gifted-and-affiliate.md'];

describe('sponsorship disclosures', () => {
	it('fails a post with undisclosed affiliate links, naming each link', async () => {
		const { code, output } = await build({ posts: ['affiliate-undisclosed.md'] });
		expect(code).not.toBe(0);
		expect(output).toContain('content/blog/affiliate-undisclosed.md:7:5  undisclosed-affiliate  Affiliate link without a disclosure: readers must be told you earn a commission before they click. Program: Amazon Associates. (error)');
		expect(output).toContain('content/blog/affiliate-undisclosed.md:8:51  undisclosed-affiliate');
	});

	describe.each([
		['Astro 7’s default processor (Sätteri)', {}],
		['the unified() processor', { imports: "import { unified } from '@astrojs/markdown-remark';", config: 'markdown: { processor: unified() },' }],
	])('under %s', (_, processor) => {
		let built: Awaited<ReturnType<typeof build>>;
		it('builds every kind of sponsored post', async () => {
			built = await build({ ...processor, posts: KINDS });
			expect(built.code, built.output).toBe(0);
		});

		it('puts the disclosure first, before any link, and marks paid links rel="sponsored"', async () => {
			const html = await built.page('affiliate-disclosed');
			const body = html.slice(html.indexOf('<div class="post-body">'));
			const aside = body.indexOf('<aside role="note" class="candor-disclosure candor-disclosure--affiliate"');
			expect(aside).toBeGreaterThan(-1);
			expect(aside).toBeLessThan(body.indexOf('<p>We tested'));
			expect(aside).toBeLessThan(body.indexOf('<a '));
			expect(body).toContain('This post contains affiliate links (Amazon Associates): if you buy through them, we earn a commission, at no cost to you.');
			const links = body.match(/<a [^>]*>/g) ?? [];
			expect(links).toHaveLength(2);
			for (const link of links) expect(link).toMatch(/rel="sponsored"/);
		});

		it.each([
			['kind-sponsored', 'Sponsored by Lumen Trace. Lumen Trace paid us to publish this post.'],
			['kind-gifted', 'Lumen Trace gave us the product discussed in this post for free. They did not pay for the post.'],
			['kind-partner', 'Written in partnership with Lumen Trace: we have a business relationship with them.'],
			['kind-employee', 'The author works for Lumen Trace, which this post discusses.'],
		])('words the %s disclosure plainly, with the note', async (slug, words) => {
			const html = await built.page(slug);
			expect(html).toContain(words);
			expect(html).toContain('<p class="candor-disclosure__note">Lumen Trace checked the code samples.</p>');
			// Links to the sponsor are paid links; links elsewhere are not.
			expect(html).toMatch(/<a href="https:\/\/lumentrace\.example\/docs\/spans" rel="sponsored">/);
			expect(html).toMatch(/<a href="https:\/\/opentelemetry\.io\/docs\/specs\/otel\/">/);
		});

		it('discloses two sponsorships of one post (a gifted product reviewed with affiliate links), both before the first link', async () => {
			const html = await built.page('kind-gifted-and-affiliate');
			const body = html.slice(html.indexOf('<div class="post-body">'));
			expect(body).toMatch(/<aside role="note" class="candor-disclosure candor-disclosure--gifted candor-disclosure--affiliate"[^>]*data-candor-disclosure="gifted affiliate"/);
			const gifted = body.indexOf('Lumen Trace gave us the product discussed in this post for free.');
			const affiliate = body.indexOf('This post contains affiliate links (Amazon Associates)');
			expect(gifted).toBeGreaterThan(-1);
			expect(affiliate).toBeGreaterThan(gifted);
			expect(affiliate).toBeLessThan(body.indexOf('<a '));
			// The sponsor's link and the affiliate link are both paid links.
			for (const link of body.match(/<a [^>]*>/g) ?? []) expect(link).toMatch(/rel="sponsored"/);
			// The badge names both, and the build did not call the affiliate link undisclosed.
			expect(html).toMatch(/alt="Candor audit: gifted by Lumen Trace and contains affiliate links \(Amazon Associates\), disclosed at the top of the post;/);
			expect(built.output).not.toContain('kind-gifted-and-affiliate.md:');
		});

		it('keeps the MDX components of a sponsored post working', async () => {
			const html = await built.page('kind-sponsored-mdx');
			expect(html).toContain('Sponsored by Lumen Trace.');
			expect(html).toContain('<aside class="note-component">Sampling hides rare slow jobs');
			expect(html.indexOf('candor-disclosure')).toBeLessThan(html.indexOf('note-component'));
		});
	});

	it('uses the site’s language, form and wording', async () => {
		const { code, page } = await build({
			posts: ['kind-sponsored.md', 'kind-gifted.md'],
			candor: "{ disclosure: { lang: 'de', form: 'short', templates: { gifted: { short: '{sponsor} schenkte uns das Gerät.' } } } }",
		});
		expect(code).toBe(0);
		expect(await page('kind-sponsored')).toContain('<strong>Transparenzhinweis</strong></p><p class="candor-disclosure__text">Gesponsert von Lumen Trace.</p>');
		expect(await page('kind-gifted')).toContain('Lumen Trace schenkte uns das Gerät.');
	});

	it('refuses a template that does not name the sponsor', async () => {
		const { code, output } = await build({ candor: "{ disclosure: { templates: { sponsored: { long: 'Paid post.' } } } }" });
		expect(code).not.toBe(0);
		expect(output).toContain('`disclosure.templates.sponsored.long`: a disclosure template must contain `{sponsor}`');
	});
});
