/**
 * Our own labelled evaluation set (tests/eval/posts): each post's frontmatter carries its
 * label (pitch | expertise) and its company's brand names and owned domains, as that site
 * would configure candor(). Read by `npm run eval` and by the unit tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const dir = new URL('./posts/', import.meta.url).pathname;

/** Every post, in file order: its file name, text, format and frontmatter. */
export function readEvalSet() {
	return readdirSync(dir)
		.filter((f) => /\.mdx?$/.test(f))
		.sort()
		.map((file) => {
			const source = readFileSync(join(dir, file), 'utf8');
			const meta = parse(/^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '') ?? {};
			return { file, source, format: file.endsWith('.mdx') ? 'mdx' : 'md', meta };
		});
}

/** The options a post's own site would give candor(). */
export const siteOptions = (meta) => ({ brand: meta.brand ?? [], ownedDomains: meta.ownedDomains ?? [] });
