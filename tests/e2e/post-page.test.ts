import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runAstro, startServer } from '../helpers/astro.ts';
import { hasBrowser, launchBrowser } from '../helpers/browser.ts';

const shots = join(repoRoot, 'test-results', 'screenshots');

describe.skipIf(!hasBrowser)('a built post page in Chromium', () => {
	const outDir = join(repoRoot, 'tests', '.tmp', 'e2e-dist');
	let server: Awaited<ReturnType<typeof startServer>>;
	let browser: Browser;

	beforeAll(async () => {
		const build = await runAstro(repoRoot, ['build', '--outDir', outDir]);
		if (build.code !== 0) throw new Error(build.output);
		server = await startServer(repoRoot, 'preview', 4391, ['--outDir', outDir]);
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		await rm(outDir, { recursive: true, force: true });
	});

	it('opens a post from the home page and shows its title, byline and body', async () => {
		const page = await browser.newPage();
		await page.goto(server.url + '/');
		const first = page.locator('.post-card h2 a').first();
		const title = (await first.textContent())?.trim();
		await first.click();
		await page.waitForURL(/\/blog\/[^/]+\/$/);
		const heading = page.getByRole('heading', { level: 1 });
		await expect.poll(() => heading.textContent()).toBe(title);
		expect(await heading.isVisible()).toBe(true);
		expect(await page.locator('.byline .reading-time').textContent()).toMatch(/^\d+ min read$/);
		expect(await page.locator('.post-body p').count()).toBeGreaterThan(2);
		await page.close();
	});

	it('shows the transparency badge near the title, linked to the "How we audit" page', async () => {
		const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		await page.goto(server.url + '/blog/idempotent-job-handlers/');
		// Of the light and the dark variant, the one displayed (the page is light).
		const badge = page.locator('a.candor-badge img:visible');
		await badge.waitFor();
		await expect.poll(() => badge.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
		const box = (await badge.boundingBox())!;
		const title = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
		expect(box.width).toBeGreaterThan(100);
		expect(box.height).toBe(20);
		expect(box.y + box.height).toBeLessThanOrEqual(800);
		expect(box.y - (title.y + title.height)).toBeLessThan(120);
		expect(await badge.getAttribute('alt')).toMatch(/^Candor audit: expertise-first, \d+% of this post's prose is promotional/);
		mkdirSync(shots, { recursive: true });
		await page.screenshot({ path: join(shots, 'post-page-badge.png') });

		await page.locator('a.candor-badge').click();
		await page.waitForURL(/\/how-we-audit\/$/);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('How we audit our posts');
		expect(await page.getByText('Expertise-first', { exact: true }).count()).toBe(1);
		await page.close();
	});
});
