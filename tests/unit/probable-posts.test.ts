/**
 * The files a build starts auditing before the content sync has named its posts: Markdown of
 * the project, not of its dependencies, output, caches, public files or hidden folders.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { probablePosts } from '../../integrations/candor/dist/integration/posts.js';
import { validateOptions } from '../../integrations/candor/dist/options.js';

const root = mkdtempSync(join(tmpdir(), 'candor-probable-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const files = [
	'content/blog/first.md',
	'content/blog/second.mdx',
	'src/content/notes/third.markdown',
	'src/pages/about.astro',
	'node_modules/some-package/README.md',
	'dist/blog/first/index.md',
	'public/legal.md',
	'.github/PULL_REQUEST_TEMPLATE.md',
	'.cache/astro-candor/old.md',
	'drafts/later.md',
];
for (const file of files) {
	mkdirSync(dirname(join(root, file)), { recursive: true });
	writeFileSync(join(root, file), '# A post\n');
}

describe('probable posts', () => {
	it('are the Markdown files outside dependencies, output, public files and hidden folders, minus `exclude`', async () => {
		const options = validateOptions({ exclude: ['drafts/**'] });
		const found = await probablePosts(options, { root, ignore: ['dist', 'public'] });
		expect(found.map((p) => p.path)).toEqual(['content/blog/first.md', 'content/blog/second.mdx', 'src/content/notes/third.markdown']);
		expect(found.every((p) => p.threshold === options.threshold)).toBe(true);
	});

	it('carry the collections\' own threshold when they share one, and only `include` when no collection is audited', async () => {
		const shared = await probablePosts(validateOptions({ collections: [{ name: 'blog', threshold: 30 }] }), { root, ignore: ['dist', 'public'] });
		expect(new Set(shared.map((p) => p.threshold))).toEqual(new Set([30]));
		const included = await probablePosts(validateOptions({ collections: [], include: [{ pattern: 'drafts', threshold: 5 }] }), { root, ignore: [] });
		expect(included.map((p) => [p.path, p.threshold])).toEqual([['drafts/later.md', 5]]);
	});
});
