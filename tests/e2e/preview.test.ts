/**
 * The editor preview in a real `astro dev` on a copy of the gate fixture: the report, the
 * detail view, live updates on save, the dev-toolbar app, and escaping of hostile titles.
 */
import { mkdirSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, repoRoot, startServer } from '../helpers/astro.ts';
import { hasBrowser, launchBrowser } from '../helpers/browser.ts';
import { gateSite } from '../helpers/site.ts';

const shots = join(repoRoot, 'test-results', 'screenshots');

describe.skipIf(!hasBrowser)('the editor preview in astro dev', () => {
	let root: string;
	let server: Awaited<ReturnType<typeof startServer>>;
	let browser: Browser;
	const dialogs: string[] = [];

	beforeAll(async () => {
		root = await gateSite({ posts: ['pitch-launch.md', 'hostile-title.md', 'suppressed-quote.md'], candor: "{ brand: ['Nimbly'], mode: 'warn' }" });
		server = await startServer(root, 'dev', 4397);
		browser = await launchBrowser();
		mkdirSync(shots, { recursive: true });
	});
	afterAll(async () => {
		if (process.env.CANDOR_DEBUG_DEV) console.log(server?.output());
		await browser?.close();
		await server?.stop();
		if (root) await removeDir(root);
	});

	async function open(path: string): Promise<Page> {
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		page.on('dialog', async (dialog) => {
			dialogs.push(dialog.message());
			await dialog.dismiss();
		});
		// Right after a post is saved, the dev server may answer 404 while it reloads its content.
		await expect.poll(async () => (await page.goto(server.url + path))?.status(), { timeout: 15_000, interval: 500 }).toBe(200);
		return page;
	}

	it('lists every post with its promotional share and shows the failing one failing', async () => {
		const page = await open('/_candor/');
		const rows = page.locator('#posts tbody tr');
		await expect.poll(() => rows.count()).toBe(5);
		const pitch = rows.filter({ hasText: 'content/blog/pitch-launch.md' });
		expect(await pitch.locator('td').nth(1).textContent()).toMatch(/^\d+(\.\d)?%$/);
		expect(await pitch.locator('td').nth(3).textContent()).toBe('Fails');
		const clean = rows.filter({ hasText: 'content/blog/checking-disk-space.md' });
		expect(await clean.locator('td').nth(1).textContent()).toBe('0%');
		expect(await clean.locator('td').nth(3).textContent()).toBe('Passes');
		// Sorting and filtering work from the keyboard.
		await page.getByRole('button', { name: 'Promotional' }).press('Enter');
		await page.getByRole('button', { name: 'Promotional' }).press('Enter');
		expect(await rows.first().textContent()).toContain('pitch-launch.md');
		await page.getByLabel('Verdict').selectOption('fail');
		expect(await page.locator('#posts tbody tr:not([hidden])').count()).toBe(1);
		await page.screenshot({ path: join(shots, 'report.png'), fullPage: true });
		await page.close();
	});

	it('opens a post with its flagged passages highlighted and explained', async () => {
		const page = await open('/_candor/');
		await page.getByRole('link', { name: 'Introducing Nimbly Pro' }).click();
		await page.waitForURL(/\/_candor\/blog\/pitch-launch\/$/);
		const mark = page.locator('.prose mark[data-rule="call-to-action"]').first();
		expect(await mark.isVisible()).toBe(true);
		expect(await page.locator('.findings').first().textContent()).toContain('How to fix:');
		const source = page.locator('.findings a').first();
		expect(await source.getAttribute('href')).toMatch(/^\/__open-in-editor\?file=.*pitch-launch\.md%3A\d+%3A\d+$/);
		await page.screenshot({ path: join(shots, 'report-detail.png'), fullPage: true });
		await page.close();
	});

	it('shows a new finding within seconds after the post is saved, without a restart', async () => {
		const page = await open('/_candor/blog/checking-disk-space/');
		expect(await page.locator('#post-findings').textContent()).toBe('Findings (0)');
		await appendFile(join(root, 'content/blog/checking-disk-space.md'), '\nSign up today and get 50% off with code DISK50. This offer ends Friday!\n');
		await expect
			.poll(
				async () => {
					await page.reload();
					return page.locator('#post-findings').textContent();
				},
				{ timeout: 15_000, interval: 500 },
			)
			.not.toBe('Findings (0)');
		expect(await page.locator('.findings').first().textContent()).toContain('call-to-action');
		await page.close();
	});

	it('lists the findings of a post in the dev-toolbar app and highlights a passage', async () => {
		const page = await open('/blog/pitch-launch/');
		const app = page.locator('astro-dev-toolbar button[data-app-id="astro-candor"]');
		await app.waitFor({ state: 'attached', timeout: 20_000 });
		// The toolbar slides in on hover; the button is there before it is visible.
		await app.click({ force: true });
		const findings = page.locator('astro-dev-toolbar-app-canvas[data-app-id="astro-candor"] [data-candor-findings] li button');
		await expect.poll(() => findings.count(), { timeout: 10_000 }).toBeGreaterThan(5);
		expect(await page.locator('astro-dev-toolbar-app-canvas[data-app-id="astro-candor"] [data-candor-verdict]').textContent()).toBe('Fails');
		await findings.filter({ hasText: 'call-to-action' }).first().hover();
		await expect.poll(() => page.evaluate(() => document.documentElement.dataset.candorHighlight ?? '')).not.toBe('');
		await page.screenshot({ path: join(shots, 'toolbar-app.png') });
		await page.close();
	});

	it('renders a hostile title as text everywhere, and no script runs', async () => {
		for (const path of ['/_candor/', '/_candor/blog/hostile-title/', '/blog/hostile-title/']) {
			const page = await open(path);
			expect(await page.locator('img[src="x"]').count(), path).toBe(0);
			const content = await page.content();
			expect(content, path).toContain('&lt;img src=x onerror=alert(1)&gt;');
			await page.close();
		}
		expect(dialogs).toEqual([]);
	});
});
