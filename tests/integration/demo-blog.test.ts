import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runAstro } from '../helpers/astro.ts';

const outDir = join(repoRoot, 'tests', '.tmp', 'demo-dist');
afterAll(() => rm(outDir, { recursive: true, force: true }));

describe('the demo blog', () => {
	it('builds through the gate with a page for every post', async () => {
		const result = await runAstro(repoRoot, ['build', '--outDir', outDir]);
		expect(result.code, result.output).toBe(0);
		// Vite has nothing to say about Candor's modules: the pages Candor injects import its data,
		// not its engine, so the server build does not bundle the engine and its model.
		expect(result.output.split('\n').filter((line) => /\[vite\]/.test(line) && /candor/i.test(line))).toEqual([]);

		const posts = (await readdir(join(repoRoot, 'content/blog'))).filter((f) => /\.mdx?$/.test(f));
		expect(posts.length).toBeGreaterThanOrEqual(12);
		expect(posts.filter((f) => f.endsWith('.mdx')).length).toBeGreaterThanOrEqual(3);
		for (const file of posts) {
			const slug = file.replace(/\.mdx?$/, '');
			const page = join(outDir, 'blog', slug, 'index.html');
			expect(existsSync(page), `missing page for ${file}`).toBe(true);
		}

		// Every post shows its badge, an image that exists, with the finding in words, linked to the audit page.
		for (const file of posts) {
			const html = await readFile(join(outDir, 'blog', file.replace(/\.mdx?$/, ''), 'index.html'), 'utf8');
			const link = /<a href="\/how-we-audit\/"[^>]*class="candor-badge"[^>]*>([\s\S]*?)<\/a>/.exec(html);
			expect(link, `badge on ${file}`).not.toBeNull();
			// Light and dark variants, each an image that exists, both with the finding in words.
			const images = [...link![1]!.matchAll(/<img [^>]*>/g)].map(([tag]) => ({ src: /src="([^"]+)"/.exec(tag)?.[1], alt: /alt="([^"]+)"/.exec(tag)?.[1] }));
			expect(images, `badge images on ${file}`).toHaveLength(2);
			for (const image of images) {
				expect(existsSync(join(outDir, image.src!))).toBe(true);
				expect(image.alt).toMatch(/^Candor audit: .*\d+% of (this post's|its) prose is promotional/);
			}
		}
		// The "How we audit" page renders inside the blog's own layout (auditPageLayout), with its header.
		const howWeAudit = await readFile(join(outDir, 'how-we-audit/index.html'), 'utf8');
		expect(howWeAudit).toContain('<title>How we audit our posts · Kestrel Engineering</title>');
		expect(howWeAudit).toMatch(/<header class="site-header"[\s\S]*<h1[^>]*>How we audit our posts<\/h1>/);
		expect(howWeAudit).toMatch(/paid links are marked <code[^>]*>rel="sponsored"<\/code>/);

		const home = await readFile(join(outDir, 'index.html'), 'utf8');
		for (const file of posts) expect(home).toContain(`/blog/${file.replace(/\.mdx?$/, '')}/`);
		expect(existsSync(join(outDir, 'rss.xml'))).toBe(true);

		// The sponsored and the affiliate post carry their disclosures, before the body's first link.
		for (const [slug, words] of [
			['tracing-background-jobs-with-opentelemetry', 'Sponsored by Lumen Trace. Lumen Trace paid us to publish this post.'],
			['books-that-shaped-our-sre-team', 'This post contains affiliate links (Amazon Associates): if you buy through them, we earn a commission, at no cost to you.'],
		]) {
			const html = await readFile(join(outDir, 'blog', slug!, 'index.html'), 'utf8');
			const body = html.slice(html.indexOf('class="post-body"'));
			expect(body).toContain(words);
			expect(body.indexOf('candor-disclosure')).toBeLessThan(body.indexOf('<a '));
		}
		const books = await readFile(join(outDir, 'blog/books-that-shaped-our-sre-team/index.html'), 'utf8');
		for (const link of books.match(/<a href="https:\/\/www\.amazon\.com[^>]*>/g) ?? ['(none)']) expect(link).toContain('rel="sponsored"');
		expect(existsSync(join(outDir, 'tags/index.html'))).toBe(true);
	});
});
