/**
 * The pictures of the `/_candor/` report in real Chromium against `astro dev`: a fixture
 * site with dated, tagged and authored posts (and two posts with none of that) shows the
 * promotional share by month, the scores against the threshold and the share by tag and
 * by author, each with its text alternative.
 */
import { mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLD } from '../../integrations/candor/src/core/index.ts';
import { removeDir, repoRoot, startServer } from '../helpers/astro.ts';
import { hasBrowser, launchBrowser } from '../helpers/browser.ts';
import { gateSite } from '../helpers/site.ts';

const shots = join(repoRoot, 'test-results', 'screenshots');

const TECHNICAL = `Run \`df -h\` on the host before you deploy, because a full disk makes the deploy fail halfway
through and leaves two releases half-installed. If the disk is above 90% full, remove old release
folders first. Keep the last three releases, so that a rollback still has somewhere to go.`;

describe.skipIf(!hasBrowser)('the charts of the editor report', () => {
	let root: string;
	let server: Awaited<ReturnType<typeof startServer>>;
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		root = await gateSite({ candor: "{ brand: ['Nimbly'], mode: 'warn' }" });
		const pitch = (await readFile(join(repoRoot, 'tests/fixtures/gate-posts/pitch-launch.md'), 'utf8')).replace(/^---[\s\S]*?---\n/, '');
		const post = (name: string, date: string, author: string, tags: string[], body: string) =>
			writeFile(join(root, 'content/blog', `${name}.md`), `---\ntitle: ${name}\npubDate: ${date}\nauthor: ${author}\ntags: ${JSON.stringify(tags)}\n---\n\n${body}\n`);
		await post('disk-checks', '2025-01-10', 'Ana Ruiz', ['ops'], TECHNICAL);
		await post('launch', '2025-01-20', 'Ben Ode', ['ops', 'launch'], pitch);
		await post('more-disk-checks', '2025-03-05', 'Ana Ruiz', ['ops'], TECHNICAL);
		server = await startServer(root, 'dev', 4414);
		browser = await launchBrowser();
		mkdirSync(shots, { recursive: true });
		page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
		// The dev server audits on the first request; it answers once the content is loaded.
		for (let tries = 0; (await page.goto(`${server.url}/_candor/`))?.status() !== 200; tries++) {
			if (tries > 60) throw new Error(`/_candor/ did not answer:\n${server.output()}`);
			await new Promise((r) => setTimeout(r, 500));
		}
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		if (root) await removeDir(root);
	});

	const chart = (name: string) => page.locator(`svg[data-chart="${name}"]`);
	const drawnBars = (name: string) =>
		chart(name)
			.locator('rect.bar')
			.evaluateAll((rects) => rects.filter((r) => r.getBoundingClientRect().width > 0 && r.getBoundingClientRect().height > 0).length);

	it('shows a bar for each month with posts, the empty month between without one', async () => {
		expect(await page.locator('#posts tbody tr').count()).toBe(5);
		expect(await drawnBars('monthly')).toBe(2);
		expect(await chart('monthly').locator('text.label').allTextContents()).toEqual(['Jan 2025', 'Feb 2025', 'Mar 2025']);
		// January holds the launch post: above the threshold, drawn in the failing colour.
		const colours = await chart('monthly').locator('rect.bar').evaluateAll((rects) => rects.map((r) => getComputedStyle(r).fill));
		expect(colours[0]).not.toBe(colours[1]);
		expect(await chart('monthly').locator('desc').textContent()).toBe(
			'2 months with posts, from 2025-01 to 2025-03; the highest share is ' +
				(await page.locator('#chart-monthly details tbody tr').first().locator('td').last().textContent()) +
				` in 2025-01; 1 month is above the ${DEFAULT_THRESHOLD}% threshold. 2 posts have no date and are not shown.`,
		);
	});

	it('shows every post’s score in its band, against the threshold', async () => {
		const scores = (await page.locator('#posts tbody tr td:nth-child(2)').allTextContents()).map((text) => parseFloat(text));
		const bands = new Set(scores.map((score) => Math.min(Math.floor(score / 5), 19)));
		expect(await drawnBars('scores')).toBe(bands.size);
		expect(await chart('scores').locator('.threshold-label').textContent()).toBe(`threshold ${DEFAULT_THRESHOLD}%`);
		const counts = await page.locator('#chart-scores details tbody td').allTextContents();
		expect(counts.reduce((n, c) => n + Number(c), 0)).toBe(5);
	});

	it('shows the share by tag and by author, and says it in words', async () => {
		expect(await drawnBars('tag')).toBe(2);
		expect(await chart('tag').locator('text.label').allTextContents()).toEqual(['launch', 'ops']);
		expect(await drawnBars('author')).toBe(2);
		expect(await chart('author').locator('text.label').allTextContents()).toEqual(['Ben Ode', 'Ana Ruiz']);
		// The picture's text alternative: the role, title and description a screen reader gets.
		const names = await page.locator('.charts svg[role="img"]').evaluateAll((svgs) =>
			svgs.map((svg) => (svg.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent).join(' | ')),
		);
		expect(names).toHaveLength(4);
		// `ops` holds the launch post too, so both tags are above the threshold.
		expect(names[2]).toMatch(new RegExp(String.raw`^Promotional share by tag \| 2 tags; the highest share is [\d.]+% \(launch\); 2 above the ${DEFAULT_THRESHOLD}% threshold\.$`));
		await page.locator('#chart-author details summary').click();
		expect(await page.locator('#chart-author details tbody th').allTextContents()).toEqual(['Ben Ode', 'Ana Ruiz']);
		await page.locator('#charts-heading').scrollIntoViewIfNeeded();
		await page.locator('section[aria-labelledby="charts-heading"]').screenshot({ path: join(shots, 'report-charts.png') });
	});

	it('draws in the report’s dark colours on a dark OS', async () => {
		const dark = await browser.newPage({ colorScheme: 'dark', viewport: { width: 1280, height: 1000 } });
		await dark.goto(`${server.url}/_candor/`);
		const text = await dark.locator('svg[data-chart="monthly"] text.label').first().evaluate((t) => getComputedStyle(t).fill);
		expect(text).toBe('rgb(230, 237, 243)');
		await dark.locator('section[aria-labelledby="charts-heading"]').screenshot({ path: join(shots, 'report-charts-dark.png') });
		await dark.close();
	});
});
