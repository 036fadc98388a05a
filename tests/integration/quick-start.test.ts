/**
 * The README's quick start, followed as a newcomer would on a site shaped like Astro's blog
 * starter (a TypeScript config importing a local module without extension, a layout that only
 * receives `post.data`), with the packed tarball installed as the site's `astro-candor`.
 *
 * The steps are read from the README itself: if its quick start stops working, this fails.
 * Only the package comes from the tarball; its dependencies (astro, satori, …) resolve from
 * the repository's node_modules above the site, as they would from the site's own.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture, removeDir, repoRoot, runAstro } from '../helpers/astro.ts';

const made: string[] = [];
afterAll(async () => Promise.all(made.map(removeDir)));

const run = (command: string, args: string[], cwd: string) =>
	new Promise<{ code: number; stdout: string; stderr: string }>((done) =>
		execFile(command, args, { cwd, maxBuffer: 64 << 20 }, (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })),
	);

/** The code blocks of the README's "Add Candor to another Astro site" section, in order. */
async function quickStartBlocks(): Promise<string[]> {
	const readme = await readFile(join(repoRoot, 'README.md'), 'utf8');
	const section = readme.slice(readme.indexOf('## Add Candor to another Astro site'), readme.indexOf('### Options'));
	return [...section.matchAll(/```\w*\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

/** The one line of `block` that matches `pattern` (the step's instruction), or a failed test. */
function lineOf(block: string | undefined, pattern: RegExp): string {
	const line = block?.split('\n').find((l) => pattern.test(l.trim()));
	expect(line, `the quick start's block should contain ${pattern}`).toBeDefined();
	return line!.trim();
}

/** `npm pack` of the package, unpacked as the site's node_modules/astro-candor, bin linked. */
async function installTarball(site: string) {
	const packDir = await mkdtemp(join(tmpdir(), 'candor-pack-'));
	made.push(packDir);
	const packed = await run('npm', ['pack', '--json', '--pack-destination', packDir], join(repoRoot, 'integrations/candor'));
	expect(packed.code, packed.stderr).toBe(0);
	const tarball = join(packDir, (JSON.parse(packed.stdout) as Array<{ filename: string }>)[0]!.filename);
	const modules = join(site, 'node_modules');
	await mkdir(join(modules, '.bin'), { recursive: true });
	expect((await run('tar', ['-xzf', tarball, '-C', modules], site)).code).toBe(0);
	await rename(join(modules, 'package'), join(modules, 'astro-candor'));
	await symlink('../astro-candor/bin/candor.js', join(modules, '.bin/candor'));
}

describe('the quick start, on a starter-like site with the packed tarball', () => {
	it('ends in a badge on every post page, and the CLI agrees with the build', async () => {
		const site = await copyFixture('starter-site');
		made.push(site);
		await installTarball(site);
		const [install, config, schema, badge] = await quickStartBlocks();
		expect(install).toContain('npm install astro-candor');

		// Step 2: the import and the candor() call, added next to the site's own integrations.
		const configFile = join(site, 'astro.config.ts');
		const candorImport = lineOf(config, /^import candor from 'astro-candor';$/);
		const call = /candor\(\{[^)]*\}\)/.exec(config!)?.[0];
		expect(call).toBeDefined();
		let source = await readFile(configFile, 'utf8');
		source = source.replace("import { SITE_URL } from './src/consts';", `import { SITE_URL } from './src/consts';\n${candorImport}`);
		source = source.replace('integrations: [mdx()]', `integrations: [mdx(), ${call}]`);
		await writeFile(configFile, source);

		// Step 3: the schema's fields.
		const schemaFile = join(site, 'src/content.config.ts');
		const schemaImport = lineOf(schema, /^import \{ candorFrontmatter \} from 'astro-candor';$/);
		expect(schema).toContain('z.object({ ...candorFrontmatter, ');
		source = await readFile(schemaFile, 'utf8');
		source = `${schemaImport}\n${source}`.replace('schema: z.object({', 'schema: z.object({ ...candorFrontmatter,');
		await writeFile(schemaFile, source);

		// Step 4: the badge in the post route, inside the layout's slot.
		const routeFile = join(site, 'src/pages/blog/[...slug].astro');
		const badgeImport = lineOf(badge, /^import CandorBadge from 'astro-candor\/components\/CandorBadge\.astro';$/);
		const badgeTag = lineOf(badge, /^<CandorBadge post=\{post\} \/>$/);
		source = await readFile(routeFile, 'utf8');
		source = source.replace("import BlogPost from '../../layouts/BlogPost.astro';", `import BlogPost from '../../layouts/BlogPost.astro';\n${badgeImport}`);
		source = source.replace('\t<Content />', `\t${badgeTag}\n\t<Content />`);
		await writeFile(routeFile, source);

		const build = await runAstro(site, ['build']);
		expect(build.code, build.output).toBe(0);
		expect(build.output).toMatch(/\[astro-candor\] 3 posts audited \(0 from cache\) in [\d.]+ s: 3 passed, 0 failed/);

		const ids = (await readdir(join(site, 'src/content/blog'))).map((f) => f.replace(/\.mdx?$/, '')).sort();
		expect(ids).toHaveLength(3);
		for (const id of ids) {
			const page = await readFile(join(site, 'dist/blog', id, 'index.html'), 'utf8');
			const image = /<img [^>]*src="\/_candor\/badges\/([0-9a-f]+\.svg)"[^>]*alt="Candor audit: ([^"]+)"/.exec(page);
			expect(image, `${id}: a badge image`).not.toBeNull();
			const svg = await readFile(join(site, 'dist/_candor/badges', image![1]!), 'utf8');
			expect(svg.startsWith('<svg ')).toBe(true);
			expect(page).toMatch(/<a href="\/how-we-audit\/"[^>]*class="candor-badge/);
		}
		expect(existsSync(join(site, 'dist/how-we-audit/index.html'))).toBe(true);

		// The CLI in that site loads its TypeScript config and gives the build's verdicts.
		const cli = await run(process.execPath, [join(site, 'node_modules/.bin/candor'), 'audit', 'src/content/blog', '--format', 'json'], site);
		expect(cli.stderr).toContain('candor: using the candor() options of astro.config.ts');
		expect(cli.code, cli.stderr).toBe(0);
		const verdicts = (JSON.parse(cli.stdout) as Array<{ file: string; score: number; verdict: string }>).map((r) => ({
			id: r.file.replace(/^src\/content\/blog\/|\.mdx?$/g, ''),
			score: r.score,
			verdict: r.verdict,
		}));
		const records = await Promise.all(
			ids.map(async (id) => JSON.parse(await readFile(join(site, 'dist/_candor/audits/blog', `${id}.json`), 'utf8')) as { score: number; verdict: string }),
		);
		expect(verdicts.sort((a, b) => a.id.localeCompare(b.id))).toEqual(ids.map((id, i) => ({ id, score: records[i]!.score, verdict: records[i]!.verdict })));
		await rm(join(site, 'node_modules'), { recursive: true });
	});
});
