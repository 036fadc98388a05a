/** Builds throwaway copies of the gate fixture site with chosen posts and config. */
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { copyFixture, repoRoot } from './astro.ts';

export interface SiteSpec {
	/** Files from tests/fixtures/gate-posts/ to add to the blog collection. */
	posts?: string[];
	/** The source of the `candor({...})` call's argument. */
	candor?: string;
	/** Extra config keys, as source (e.g. `markdown: { processor: unified() },`). */
	config?: string;
	imports?: string;
}

export async function gateSite(spec: SiteSpec = {}): Promise<string> {
	const root = await copyFixture('gate-site');
	for (const post of spec.posts ?? []) {
		await copyFile(join(repoRoot, 'tests/fixtures/gate-posts', post), join(root, 'content/blog', post));
	}
	await writeFile(
		join(root, 'astro.config.mjs'),
		`import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import candor from 'astro-candor';
${spec.imports ?? ''}
export default defineConfig({
	${spec.config ?? ''}
	integrations: [mdx(), candor(${spec.candor ?? "{ brand: ['Fixture Co'], ownedDomains: ['fixture.example'] }"})],
});
`,
	);
	return root;
}
