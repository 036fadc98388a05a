/** The real `candor` binary on real files: exit codes, formats, and no writes. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { afterAll } from 'vitest';
import { removeDir, repoRoot, runAstro } from '../helpers/astro.ts';
import { gateSite } from '../helpers/site.ts';

const made: string[] = [];
afterAll(async () => Promise.all(made.map(removeDir)));

const bin = join(repoRoot, 'integrations/candor/dist/cli/bin.js');
const posts = 'tests/fixtures/posts';

function candor(args: string[], cwd = repoRoot): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((done) => {
		execFile(process.execPath, [bin, ...args], { cwd }, (error, stdout, stderr) =>
			done({ code: error ? Number(error.code) : 0, stdout, stderr }),
		);
	});
}

describe('the candor command after npm ci', () => {
	// npm links a workspace's bins before `prepare` builds dist/, so the bin is a file of its own
	// (bin/candor.js). Without it, `npx candor` on a fresh clone asked the registry for an
	// unrelated package. CI runs this right after `npm ci` on a clean clone.
	it('is linked in node_modules/.bin, and npx runs this package without the registry', async () => {
		const result = await new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
			execFile('npx', ['--no-install', 'candor', '--help'], { cwd: repoRoot }, (error, stdout, stderr) =>
				done({ code: error ? Number(error.code) : 0, stdout, stderr }),
			);
		});
		expect(result.code, result.stderr).toBe(0);
		expect(result.stdout).toContain('Usage: candor audit <files or folders...>');
	});
});

describe('the command line itself', () => {
	it('prints its version', async () => {
		const result = await candor(['--version']);
		const { version } = JSON.parse(readFileSync(join(repoRoot, 'integrations/candor/package.json'), 'utf8')) as { version: string };
		expect(result.code, result.stderr).toBe(0);
		expect(result.stdout).toMatch(new RegExp(`^astro-candor ${version.replaceAll('.', '\\.')} \\(audit engine \\d+\\.\\d+\\.\\d+\\)\n$`));
	});

	it('stops quietly when the reader closes the pipe (candor audit … | head)', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'candor-epipe-'));
		made.push(dir);
		const errors = join(dir, 'stderr.txt');
		// About 400 KB of JSON: far more than a pipe holds, so the writes after `head` exits fail.
		const command = `"${process.execPath}" "${bin}" audit tests/eval/posts tests/fixtures/posts --no-config --format json 2>"${errors}" | head -c 1 >/dev/null`;
		await new Promise<void>((done) => execFile('sh', ['-c', command], { cwd: repoRoot }, () => done()));
		expect(readFileSync(errors, 'utf8')).toBe('');
	});
});

describe('candor audit', () => {
	it('exits 0 when every file passes', async () => {
		const result = await candor(['audit', `${posts}/product-how-to.md`, `${posts}/hype-critique-essay.md`, '--brand', 'Kestrel Scheduler']);
		expect(result.code, result.stderr).toBe(0);
		expect(result.stdout).toBe('2 files audited: 2 passed, 0 failed, 0 could not be audited; 0 findings, 0 suppressed.\n');
	});

	it('exits 1 when a file fails, with compiler-style lines', async () => {
		const result = await candor(['audit', `${posts}/launch-offers.md`]);
		expect(result.code).toBe(1);
		expect(result.stdout).toContain('tests/fixtures/posts/launch-offers.md  FAIL: ');
		expect(result.stdout).toContain('tests/fixtures/posts/launch-offers.md:19:63  call-to-action  Call to action:');
		expect(result.stdout).toContain('      > Start your free trial today, no credit card required.');
	});

	it('prints the documented JSON shape for every file of a folder', async () => {
		const result = await candor(['audit', posts, '--format', 'json', '--threshold', '10']);
		expect(result.code).toBe(1);
		const reports = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
		expect(reports.map((r) => r.file)).toEqual([
			`${posts}/hype-critique-essay.md`,
			`${posts}/launch-offers.md`,
			`${posts}/product-how-to.md`,
			`${posts}/superlative-customer-story.md`,
		]);
		for (const report of reports) {
			expect(Object.keys(report)).toEqual(expect.arrayContaining(['file', 'score', 'threshold', 'verdict', 'findings']));
			expect(report.threshold).toBe(10);
		}
		const finding = (reports[1]!.findings as Array<Record<string, unknown>>)[0]!;
		expect(Object.keys(finding)).toEqual(expect.arrayContaining(['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'excerpt']));
	});

	it('exits 2 on an input error, still reporting the other files, and never writes to them', async () => {
		const before = readFileSync(join(repoRoot, 'tests/fixtures/cli/broken.mdx'), 'utf8');
		const mtime = statSync(join(repoRoot, 'tests/fixtures/cli/broken.mdx')).mtimeMs;
		const result = await candor(['audit', 'tests/fixtures/cli', 'no/such/file.md', '--format', 'json']);
		expect(result.code).toBe(2);
		const reports = JSON.parse(result.stdout) as Array<{ file: string; verdict: string; score: number | null }>;
		expect(reports.map((r) => [r.file, r.verdict])).toEqual([
			['no/such/file.md', 'error'],
			['tests/fixtures/cli/broken.mdx', 'error'],
			['tests/fixtures/cli/product-how-to.md', 'pass'],
		]);
		expect(reports[1]!.score).toBeNull();
		expect(result.stderr).toContain('candor: no/such/file.md: no such file or folder');
		expect(result.stderr).toMatch(/candor: tests\/fixtures\/cli\/broken\.mdx:7:1: Expected a closing tag for `<Callout>`/);
		expect(result.stderr).not.toMatch(/\n\s+at /);
		expect(readFileSync(join(repoRoot, 'tests/fixtures/cli/broken.mdx'), 'utf8')).toBe(before);
		expect(statSync(join(repoRoot, 'tests/fixtures/cli/broken.mdx')).mtimeMs).toBe(mtime);
	});

	it('exits 2 with usage on a bad flag', async () => {
		const result = await candor(['audit', posts, '--format', 'xml']);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('candor: unknown format `xml` (use stylish, json, sarif or github)');
		expect((await candor(['audit', posts, '--threshold', '101'])).code).toBe(2);
		expect((await candor(['lint', posts])).stderr).toContain('unknown command `lint`');
	});
});

describe('candor audit in worker threads', () => {
	it('prints exactly what one thread prints, in the same order, for every format', async () => {
		// 76 posts of the evaluation set plus the bad-input corpus: passes, failures and unreadable files.
		const args = ['audit', 'tests/eval/posts', 'tests/fixtures/bad-input', '--no-config'];
		for (const format of ['json', 'stylish', 'sarif', 'github']) {
			const single = await candor([...args, '--format', format, '--threads', '0']);
			const pooled = await candor([...args, '--format', format, '--threads', '2']);
			expect(single.code, single.stderr).toBe(2);
			expect(pooled.code).toBe(2);
			expect(pooled.stdout).toBe(single.stdout);
			expect(pooled.stderr).toBe(single.stderr);
			if (format === 'json') {
				const files = JSON.parse(pooled.stdout) as Array<{ file: string; verdict: string }>;
				expect(files.length).toBeGreaterThan(76);
				expect(new Set(files.map((f) => f.verdict))).toEqual(new Set(['pass', 'fail', 'error']));
				expect(files.map((f) => f.file)).toEqual(files.map((f) => f.file).sort());
			}
		}
	});

	it('refuses a thread count that is not a whole number', async () => {
		const result = await candor(['audit', posts, '--threads', 'two']);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('--threads must be a whole number from 0 to 64, got `two`');
	});
});

describe('candor audit inside an Astro project', () => {
	it("reads the site's candor() options, so the CLI and the build agree", async () => {
		const root = await gateSite({ posts: ['pitch-launch.md'], candor: "{ brand: ['Nimbly'], threshold: 100 }" });
		made.push(root);
		const cli = await candor(['audit', 'content/blog', '--format', 'json'], root);
		expect(cli.stderr).toContain('candor: using the candor() options of astro.config.mjs');
		expect(cli.code).toBe(0);
		const reports = JSON.parse(cli.stdout) as Array<{ file: string; threshold: number; verdict: string }>;
		expect(reports.find((r) => r.file === 'content/blog/pitch-launch.md')).toMatchObject({ threshold: 100, verdict: 'pass' });
		expect((await runAstro(root, ['build'])).code).toBe(0);
		// --no-config falls back to the defaults, where the same post fails.
		expect((await candor(['audit', 'content/blog/pitch-launch.md', '--no-config'], root)).code).toBe(1);
	});

	it('loads a TypeScript config that imports local modules without extension and through an @/ alias, as astro build does', async () => {
		const root = await gateSite({ posts: ['pitch-launch.md'] });
		made.push(root);
		await rm(join(root, 'astro.config.mjs'));
		await mkdir(join(root, 'src/utils'), { recursive: true });
		await writeFile(join(root, 'src/utils/site.ts'), "export const SITE = { brand: ['Nimbly'] as string[], threshold: 100 };\n");
		await writeFile(join(root, 'src/utils/policy.ts'), "import { SITE } from './site';\nexport const policy = { ...SITE, mode: 'error' as const, reports: { json: 'reports/candor.json' } };\n");
		await writeFile(join(root, 'tsconfig.json'), JSON.stringify({ extends: 'astro/tsconfigs/strict', compilerOptions: { baseUrl: '.', paths: { '@/*': ['./src/*'] } } }));
		await writeFile(
			join(root, 'astro.config.ts'),
			`import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import candor from 'astro-candor';
import { policy } from '@/utils/policy';
import { SITE } from './src/utils/site';

export default defineConfig({ integrations: [mdx(), candor({ ...policy, brand: SITE.brand })] });
`,
		);
		const cli = await candor(['audit', 'content/blog', '--format', 'json'], root);
		expect(cli.stderr).toContain('candor: using the candor() options of astro.config.ts');
		expect(cli.code, cli.stderr).toBe(0);
		const reports = JSON.parse(cli.stdout) as Array<{ file: string; threshold: number; verdict: string }>;
		const build = await runAstro(root, ['build', '--mode', 'production']);
		expect(build.code, build.output).toBe(0);
		// The same verdicts and scores as the build's own report, file by file.
		const built = JSON.parse(readFileSync(join(root, 'reports/candor.json'), 'utf8')).files as Array<{ file: string; score: number; threshold: number; verdict: string }>;
		const pick = (r: { file: string; score?: number; threshold: number; verdict: string }) => ({ file: r.file, score: r.score, threshold: r.threshold, verdict: r.verdict });
		expect(reports.map(pick)).toEqual(built.map(pick));
		expect(reports.find((r) => r.file === 'content/blog/pitch-launch.md')).toMatchObject({ threshold: 100, verdict: 'pass' });
	});

	it('uses per-collection thresholds once a build has synced the collections', async () => {
		const root = await gateSite({ candor: "{ collections: [{ name: 'blog', threshold: 3 }], mode: 'warn' }" });
		made.push(root);
		expect((await runAstro(root, ['build'])).code).toBe(0);
		const cli = await candor(['audit', 'content/blog', '--format', 'json'], root);
		const reports = JSON.parse(cli.stdout) as Array<{ threshold: number }>;
		expect(reports.map((r) => r.threshold)).toEqual([3, 3]);
	});

	it('prints SARIF and GitHub annotations', async () => {
		const sarif = await candor(['audit', 'tests/fixtures/posts/launch-offers.md', '--format', 'sarif', '--no-config']);
		expect(JSON.parse(sarif.stdout)).toMatchObject({ version: '2.1.0', runs: [{ tool: { driver: { name: 'Candor' } } }] });
		const github = await candor(['audit', 'tests/fixtures/posts/launch-offers.md', '--format', 'github', '--no-config']);
		expect(github.stdout).toMatch(/^::error file=tests\/fixtures\/posts\/launch-offers\.md,line=19,col=63,/m);
	});
});
