/**
 * The badge follows the site's own dark-mode toggle (a class or data attribute on `<html>`),
 * and the reader's colour scheme when the site sets none: in real Chromium, on a built site
 * (default selectors) and in `astro dev` (a site's own selectors).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, repoRoot, runAstro, startServer } from '../helpers/astro.ts';
import { hasBrowser, launchBrowser } from '../helpers/browser.ts';
import { gateSite } from '../helpers/site.ts';

const shots = join(repoRoot, 'test-results', 'screenshots');
const POST = '/blog/checking-disk-space/';

interface Shown {
	/** Images of the badge that take up space on the page. */
	visible: Array<{ variant: string; src: string; alt: string; width: number; height: number }>;
	/** Brightness (0–255) of the label's background (left edge, mid-height) in the displayed image, as drawn: dark in the light variant, light in the dark one. */
	labelBrightness: number;
}

/** Sets the site's theme marker on `<html>` (or clears it) and reads which badge image is displayed. */
async function badgeWith(page: Page, marker: { class?: string; attribute?: [string, string] }): Promise<Shown> {
	return page.evaluate(async ({ className, attribute }) => {
		const html = document.documentElement;
		html.className = className ?? '';
		for (const name of html.getAttributeNames()) if (name.startsWith('data-')) html.removeAttribute(name);
		if (attribute) html.setAttribute(attribute[0], attribute[1]);
		const images = [...document.querySelectorAll<HTMLImageElement>('.candor-badge img')];
		await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
		const visible = images
			.filter((img) => getComputedStyle(img).display !== 'none' && img.getBoundingClientRect().width > 0)
			.map((img) => {
				const box = img.getBoundingClientRect();
				return { variant: img.className, src: img.currentSrc, alt: img.alt, width: box.width, height: box.height };
			});
		const shown = images.find((img) => img.currentSrc === visible[0]?.src)!;
		const canvas = document.createElement('canvas');
		canvas.width = shown.naturalWidth;
		canvas.height = shown.naturalHeight;
		const context = canvas.getContext('2d')!;
		context.drawImage(shown, 0, 0);
		const [r, g, b] = context.getImageData(3, Math.floor(shown.naturalHeight / 2), 1, 1).data;
		return { visible, labelBrightness: Math.round((r! + g! + b!) / 3) };
	}, { className: marker.class, attribute: marker.attribute });
}

function expectVariant(shown: Shown, variant: 'light' | 'dark', what: string) {
	expect(shown.visible.length, what).toBe(1);
	expect(shown.visible[0]!.variant, what).toBe(`candor-badge-${variant}`);
	expect(shown.visible[0]!.height, what).toBe(20);
	expect(shown.visible[0]!.alt, what).toMatch(/^Candor audit: /);
	if (variant === 'light') expect(shown.labelBrightness, what).toBeLessThan(60);
	else expect(shown.labelBrightness, what).toBeGreaterThan(200);
}

describe.skipIf(!hasBrowser)('the badge and the site’s dark-mode toggle', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
		mkdirSync(shots, { recursive: true });
	});
	afterAll(async () => {
		await browser?.close();
	});

	describe('a built site with the default selectors', () => {
		let root: string;
		let server: Awaited<ReturnType<typeof startServer>>;
		beforeAll(async () => {
			root = await gateSite();
			const build = await runAstro(root, ['build']);
			if (build.code !== 0) throw new Error(build.output);
			server = await startServer(root, 'preview', 4411);
		});
		afterAll(async () => {
			await server?.stop();
			if (root) await removeDir(root);
		});

		it('renders both variants with the same alt text, the dark one hidden without CSS', async () => {
			const html = await (await fetch(server.url + POST)).text();
			const images = [...html.matchAll(/<img [^>]*class="candor-badge-(light|dark)"[^>]*>/g)].map((m) => m[0]);
			expect(images).toHaveLength(2);
			const alt = (tag: string) => /alt="([^"]+)"/.exec(tag)?.[1];
			expect(alt(images[0]!)).toMatch(/^Candor audit: /);
			expect(alt(images[1]!)).toBe(alt(images[0]!));
			expect(images[0]).not.toContain(' hidden');
			expect(images[1]).toMatch(/ hidden(>|\s|\/)/);
		});

		it('on a light OS: light unless the site is toggled dark by a class or a data attribute', async () => {
			const page = await browser.newPage({ colorScheme: 'light', viewport: { width: 900, height: 400 } });
			await page.goto(server.url + POST);
			expectVariant(await badgeWith(page, {}), 'light', 'nothing set');
			for (const marker of [{ class: 'dark' }, { attribute: ['data-theme', 'dark'] as [string, string] }, { attribute: ['data-mode', 'dark'] as [string, string] }, { attribute: ['data-bs-theme', 'dark'] as [string, string] }]) {
				expectVariant(await badgeWith(page, marker), 'dark', JSON.stringify(marker));
			}
			await page.evaluate(() => (document.body.style.cssText = 'background:#0d1117;color:#e6edf3'));
			await badgeWith(page, { attribute: ['data-theme', 'dark'] });
			await page.screenshot({ path: join(shots, 'badge-site-dark-os-light.png') });
			expectVariant(await badgeWith(page, { class: 'light' }), 'light', 'html.light');
			await page.close();
		});

		it('on a dark OS: dark unless the site is explicitly light', async () => {
			const page = await browser.newPage({ colorScheme: 'dark', viewport: { width: 900, height: 400 } });
			await page.goto(server.url + POST);
			expectVariant(await badgeWith(page, {}), 'dark', 'nothing set');
			expectVariant(await badgeWith(page, { class: 'dark' }), 'dark', 'html.dark');
			expectVariant(await badgeWith(page, { class: 'light' }), 'light', 'html.light');
			expectVariant(await badgeWith(page, { attribute: ['data-theme', 'light'] }), 'light', '[data-theme=light]');
			await page.screenshot({ path: join(shots, 'badge-site-light-os-dark.png') });
			await page.close();
		});
	});

	describe('astro dev, with the site’s own selectors', () => {
		let root: string;
		let server: Awaited<ReturnType<typeof startServer>>;
		beforeAll(async () => {
			root = await gateSite({ candor: "{ badges: { darkSelector: 'body.night', lightSelector: false } }" });
			server = await startServer(root, 'dev', 4412);
		});
		afterAll(async () => {
			await server?.stop();
			if (root) await removeDir(root);
		});

		it('follows `badges.darkSelector` and no longer the default conventions', async () => {
			const page = await browser.newPage({ colorScheme: 'light', viewport: { width: 900, height: 400 } });
			await expect.poll(async () => (await page.goto(server.url + POST))?.status(), { timeout: 30_000, interval: 500 }).toBe(200);
			await page.locator('.candor-badge img').first().waitFor();
			expectVariant(await badgeWith(page, { class: 'dark' }), 'light', 'html.dark is not this site’s marker');
			await page.evaluate(() => document.body.classList.add('night'));
			expectVariant(await badgeWith(page, {}), 'dark', 'body.night');
			await page.evaluate(() => document.body.classList.remove('night'));
			await page.emulateMedia({ colorScheme: 'dark' });
			// `lightSelector: false`: a light marker no longer overrides the OS.
			expectVariant(await badgeWith(page, { attribute: ['data-theme', 'light'] }), 'dark', 'dark OS, lightSelector off');
			await page.close();
		});
	});
});
