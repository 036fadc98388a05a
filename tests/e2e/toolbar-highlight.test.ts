/**
 * The dev-toolbar app's highlight as an editor meets it, in real Chromium against `astro
 * dev`: a finding whose passage has an apostrophe (the page shows a curly one) is found, and
 * the highlighted passage ends up in the viewport, clear of the app window — on a long post
 * (by scrolling) and on a short one whose passage sits where the window opens.
 */
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, repoRoot, startServer } from '../helpers/astro.ts';
import { hasBrowser, launchBrowser } from '../helpers/browser.ts';
import { gateSite } from '../helpers/site.ts';

const shots = join(repoRoot, 'test-results', 'screenshots');
const VIEWPORT = { width: 1280, height: 900 };

const paragraph = (n: number) =>
	`Step ${n}: check the queue's dead-letter table before you retry, because a retry of a poisoned job fails the same way and pushes healthy jobs back. Count the rows per error class and fix the largest class first.`;
/** A long technical post with one pitch in the middle, its apostrophes straight in the source. */
const LONG_POST = `---
title: Retrying jobs without making things worse
---

${Array.from({ length: 14 }, (_, i) => paragraph(i + 1)).join('\n\n')}

Don't wait until your queue melts down: sign up today and you'll get 30% off our hosted queue, but only until Friday!

${Array.from({ length: 14 }, (_, i) => paragraph(i + 15)).join('\n\n')}
`;

interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}
const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inViewport = (a: Box) => a.x >= 0 && a.y >= 0 && a.x + a.width <= VIEWPORT.width && a.y + a.height <= VIEWPORT.height;

describe.skipIf(!hasBrowser)('the dev-toolbar highlight', () => {
	let root: string;
	let server: Awaited<ReturnType<typeof startServer>>;
	let browser: Browser;

	beforeAll(async () => {
		root = await gateSite({ posts: ['pitch-launch.md'], candor: "{ brand: ['Nimbly'], mode: 'warn' }" });
		await writeFile(join(root, 'content/blog/retrying-jobs.md'), LONG_POST);
		server = await startServer(root, 'dev', 4413);
		browser = await launchBrowser();
		mkdirSync(shots, { recursive: true });
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		if (root) await removeDir(root);
	});

	/**
	 * Opens a post, opens the Candor app and hovers a finding, chosen from the post's findings
	 * as the API gives them (matched words as in the source). Returns those words.
	 */
	async function hoverFinding(path: string, file: string, choose: (findings: Array<{ match?: string }>) => number): Promise<{ page: Page; match: string }> {
		// Right after start the dev server may still be loading its content: ask until the post is there.
		type Api = { findings: Array<{ match?: string; suppressed?: unknown }> } | null;
		const read = async (): Promise<Api> => (await fetch(`${server.url}/_candor/api/post.json?path=${encodeURIComponent(file)}`)).json();
		await expect.poll(read, { timeout: 30_000, interval: 500 }).not.toBeNull();
		const api = (await read())!;
		const live = api.findings.filter((f) => !f.suppressed);
		const index = choose(live);
		expect(live[index]?.match, 'the chosen finding has matched words').toBeTruthy();
		const page = await browser.newPage({ viewport: VIEWPORT });
		await expect.poll(async () => (await page.goto(server.url + path))?.status(), { timeout: 30_000, interval: 500 }).toBe(200);
		const app = page.locator('astro-dev-toolbar button[data-app-id="astro-candor"]');
		await app.waitFor({ state: 'attached', timeout: 20_000 });
		await app.click({ force: true });
		const finding = page.locator(`astro-dev-toolbar-app-canvas[data-app-id="astro-candor"] [data-candor-findings] li button[data-index="${index}"]`);
		await finding.waitFor({ timeout: 20_000 });
		await finding.hover();
		return { page, match: live[index]!.match! };
	}

	/** The highlighted range, as the page draws it: its text and box. */
	const highlighted = (page: Page) =>
		page.evaluate(() => {
			const highlight = CSS.highlights.get('candor-finding');
			const range = highlight && ([...highlight][0] as Range | undefined);
			if (!range) return undefined;
			const { x, y, width, height } = range.getBoundingClientRect();
			return { text: range.toString(), box: { x, y, width, height } };
		});
	const appWindow = (page: Page) => page.locator('astro-dev-toolbar-app-canvas[data-app-id="astro-candor"] astro-dev-toolbar-window').boundingBox();

	/** Waits until the highlight is in the viewport, clear of the app window, and has stopped moving. */
	async function settledClearOfWindow(page: Page) {
		let last = '';
		await expect
			.poll(
				async () => {
					const now = await highlighted(page);
					const window = await appWindow(page);
					const state = JSON.stringify(now?.box);
					const settled = state === last;
					last = state;
					return Boolean(now && window && settled && inViewport(now.box) && !intersects(now.box, window));
				},
				{ timeout: 20_000, interval: 250 },
			)
			.toBe(true);
		return (await highlighted(page))!;
	}

	it('finds a passage with an apostrophe on the page’s curly-quoted text and scrolls it above the window', async () => {
		const { page, match } = await hoverFinding('/blog/retrying-jobs/', 'content/blog/retrying-jobs.md', (findings) => findings.findIndex((f) => f.match?.includes("'")));
		// The page shows typographic quotes; the finding holds the source's straight one.
		expect(match).toContain("'");
		expect(await page.locator('.post-body').textContent()).toContain('Don’t wait until your queue melts down');
		const shown = await settledClearOfWindow(page);
		expect(shown.text).toBe(match.replaceAll("'", '’'));
		expect(shown.box.height).toBeGreaterThan(10);
		expect(await page.evaluate(() => scrollY)).toBeGreaterThan(300);
		// Above the window, not merely beside it: the rest of the sentence is not under the window either.
		expect(shown.box.y + shown.box.height).toBeLessThan((await appWindow(page))!.y);
		await page.screenshot({ path: join(shots, 'toolbar-highlight-long-post.png') });
		await page.close();
	});

	it('lifts the last passage of a post shorter than the viewport above the window', async () => {
		const page = await browser.newPage({ viewport: VIEWPORT });
		await page.goto(server.url + '/blog/pitch-launch/');
		// Without the app the page does not scroll at all: its last paragraph is where the window opens.
		expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(VIEWPORT.height);
		const last = (await page.locator('.post-body p').last().boundingBox())!;
		expect(last.y).toBeGreaterThan(348);
		await page.close();

		const { page: withApp, match } = await hoverFinding('/blog/pitch-launch/', 'content/blog/pitch-launch.md', (findings) => findings.length - 1);
		const shown = await settledClearOfWindow(withApp);
		expect(shown.text.replace(/\s+/g, ' ')).toBe(match);
		expect(await withApp.evaluate(() => scrollY)).toBeGreaterThan(0);
		await withApp.screenshot({ path: join(shots, 'toolbar-highlight-short-post.png') });
		await withApp.close();
	});
});
