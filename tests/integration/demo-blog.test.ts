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

		const posts = (await readdir(join(repoRoot, 'content/blog'))).filter((f) => /\.mdx?$/.test(f));
		expect(posts.length).toBeGreaterThanOrEqual(12);
		expect(posts.filter((f) => f.endsWith('.mdx')).length).toBeGreaterThanOrEqual(3);
		for (const file of posts) {
			const slug = file.replace(/\.mdx?$/, '');
			const page = join(outDir, 'blog', slug, 'index.html');
			expect(existsSync(page), `missing page for ${file}`).toBe(true);
		}

		const home = await readFile(join(outDir, 'index.html'), 'utf8');
		for (const file of posts) expect(home).toContain(`/blog/${file.replace(/\.mdx?$/, '')}/`);
		expect(existsSync(join(outDir, 'rss.xml'))).toBe(true);
		expect(existsSync(join(outDir, 'tags/index.html'))).toBe(true);
	});
});
