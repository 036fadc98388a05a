/**
 * What each entry point loads, read from real runs: a fresh process imports an entry (or runs
 * the CLI, or `astro build`) with tests/helpers/record-imports.mjs preloaded, which lists every
 * module it resolved. satori and resvg are loaded only when an image must be drawn.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { removeDir, repoRoot, runAstro } from '../helpers/astro.ts';
import { gateSite } from '../helpers/site.ts';

const HOOK = pathToFileURL(join(repoRoot, 'tests/helpers/record-imports.mjs')).href;
const made: string[] = [];
afterAll(async () => Promise.all(made.map(removeDir)));

async function logFile(): Promise<string> {
	const dir = await mkdtemp(join(tmpdir(), 'candor-imports-'));
	made.push(dir);
	return join(dir, 'imports.log');
}

/** The packages (by name) among the resolved module URLs, and the modules of astro-candor's dist. */
function loaded(urls: string[]) {
	const packages = new Set(urls.flatMap((u) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1] ?? []));
	const candor = urls.filter((u) => u.includes('/integrations/candor/dist/')).map((u) => u.slice(u.indexOf('/dist/') + 6));
	return { packages, candor };
}

/** Runs `node <args>` in the repository with the import recorder preloaded; the URLs it resolved. */
function nodeImports(args: string[]): Promise<{ code: number; output: string; urls: string[] }> {
	return logFile().then(
		(log) =>
			new Promise((done) => {
				execFile(process.execPath, ['--import', HOOK, ...args], { cwd: repoRoot, env: { ...process.env, CANDOR_IMPORT_LOG: log } }, async (error, stdout, stderr) => {
					const urls = (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean);
					done({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr, urls });
				});
			}),
	);
}

const importEntry = (specifier: string) => nodeImports(['--input-type=module', '-e', `await import(${JSON.stringify(specifier)});`]);

describe('what each entry point loads', () => {
	it('`astro-candor` loads neither the engine, satori, resvg nor the unified Markdown pipeline', async () => {
		const { code, output, urls } = await importEntry('astro-candor');
		expect(code, output).toBe(0);
		const { packages, candor } = loaded(urls);
		// The recorder saw the integration and its rules load, so an empty list cannot pass.
		expect(candor).toContain('index.js');
		expect(candor).toContain('core/rules/index.js');
		// The engine (parser stage, model, YAML reader) loads on a post's first audit, not with the config.
		for (const module of ['core/audit.js', 'core/model/scorer.js', 'core/pipeline/prose.js']) expect(candor, module).not.toContain(module);
		for (const name of ['satori', '@resvg/resvg-js', '@astrojs/markdown-remark', 'shiki', 'yaml']) expect(packages, name).not.toContain(name);
		expect(candor).not.toContain('report/preview-html.js');
	});

	it('`astro-candor/schema` loads only Astro\'s zod', async () => {
		const { code, output, urls } = await importEntry('astro-candor/schema');
		expect(code, output).toBe(0);
		const { packages, candor } = loaded(urls);
		expect(candor).toEqual(['schema.js']);
		expect([...packages].sort()).toEqual(['astro', 'zod']);
	});

	it('the `candor` CLI audits a file without loading Astro, satori or resvg', async () => {
		const { code, output, urls } = await nodeImports([join(repoRoot, 'integrations/candor/bin/candor.js'), 'audit', 'tests/fixtures/cli/product-how-to.md', '--no-config']);
		expect(code, output).toBe(0);
		expect(output).toContain('1 file audited: 1 passed');
		const { packages, candor } = loaded(urls);
		expect(candor).toContain('cli/audit-command.js');
		expect(candor).toContain('core/index.js');
		for (const name of ['astro', 'satori', '@resvg/resvg-js', 'devalue']) expect(packages, name).not.toContain(name);
	});

	it('a build draws its badges with satori once; a rebuild with every post and badge cached draws none and imports neither satori nor the engine', async () => {
		const root = await gateSite({ posts: ['kind-sponsored.md'] });
		made.push(root);
		const build = async () => {
			const log = await logFile();
			const run = await runAstro(root, ['build'], { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${HOOK}`.trim(), CANDOR_IMPORT_LOG: log });
			expect(run.code, run.output).toBe(0);
			return { output: run.output, ...loaded((await readFile(log, 'utf8')).split('\n').filter(Boolean)) };
		};
		const first = await build();
		expect(first.output).toMatch(/badges: 4 distinct images \(light and dark\) for 3 posts; 4 rendered with satori, 0 from cache/);
		expect(first.candor).toContain('badge/renderers.js');
		expect(first.packages).toContain('satori');
		expect(first.candor).toContain('core/audit.js');

		const again = await build();
		expect(again.output).toContain('badges: 4 distinct images (light and dark) for 3 posts; 0 rendered with satori, 4 from cache');
		expect(again.output).toMatch(/3 posts audited \(3 from cache\)/);
		expect(again.candor).toContain('index.js');
		expect(again.candor).not.toContain('core/audit.js');
		expect(again.packages).not.toContain('satori');
		expect(again.packages).not.toContain('@resvg/resvg-js');
	});
});
