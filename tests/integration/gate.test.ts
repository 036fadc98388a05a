/** The build gate, through real `astro build` runs of the gate fixture site. */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { removeDir, runAstro } from '../helpers/astro.ts';
import { gateSite, type SiteSpec } from '../helpers/site.ts';
import { DEFAULT_THRESHOLD } from '../../integrations/candor/src/core/index.ts';
import { generatePosts } from '../../bench/generate.mjs';

const made: string[] = [];
const listFiles = async (dir: string): Promise<string[]> =>
	(await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
afterAll(async () => Promise.all(made.map(removeDir)));

async function build(spec: SiteSpec, env: NodeJS.ProcessEnv = {}) {
	const root = await gateSite(spec);
	made.push(root);
	return { root, ...(await runAstro(root, ['build'], env)) };
}

describe('the build gate', () => {
	it('passes a clean site, with a summary, and gives pages their audit', async () => {
		const { code, output, root } = await build({});
		expect(code, output).toBe(0);
		expect(output).toMatch(/\[astro-candor\] 2 posts audited \(0 from cache\) in [\d.]+ s: 2 passed, 0 failed; 0 findings, 0 suppressed\./);
		const page = await readFile(join(root, 'dist/blog/checking-disk-space/index.html'), 'utf8');
		expect(page).toContain('<p class="audit" data-score="0" data-verdict="pass">0% promotional</p>');
		// The editor's report is a development tool: no /_candor page in a production build by default.
		expect(existsSync(join(root, 'dist/_candor/index.html'))).toBe(false);
		expect(existsSync(join(root, 'dist/_candor/blog/checking-disk-space/index.html'))).toBe(false);
	});

	it('fails on a pitch post, naming file, line and column, without a stack trace', async () => {
		const { code, output, root } = await build({ posts: ['pitch-launch.md'] });
		expect(code).not.toBe(0);
		expect(output).toMatch(new RegExp(String.raw`\[ERROR\] \[astro-candor\] content\/blog\/pitch-launch\.md {2}FAIL: [\d.]+% promotional, threshold ${DEFAULT_THRESHOLD}%`));
		expect(output).toContain('content/blog/pitch-launch.md:19:63  call-to-action  Call to action:');
		expect(output).toContain('> Start your free trial today, no credit card required.');
		expect(output).toContain('How to fix:');
		expect(output).toContain('[CandorError] 1 post breaks the content policy: content/blog/pitch-launch.md');
		expect(output).not.toMatch(/Stack trace|\n\s+at [\w.<]+ \(/);
		// A policy decision, not a crash: Astro's "unhandled error … in the hook" line is not printed.
		expect(output).not.toContain('An unhandled error occurred');
		expect(output).toMatch(/\[ERROR\] \[vite\] ✗ Build failed in [\d.]+m?s\n\[CandorError\] 1 post breaks/);
		expect(existsSync(join(root, 'dist/blog/checking-disk-space/index.html'))).toBe(false);
	});

	it('in warn mode passes the build and still prints the finding', async () => {
		const { code, output } = await build({ posts: ['pitch-launch.md'], candor: "{ mode: 'warn' }" });
		expect(code, output).toBe(0);
		expect(output).toContain('[WARN] [astro-candor]   content/blog/pitch-launch.md:19:63  call-to-action');
		expect(output).toContain("1 post breaks the policy; `mode: 'warn'` lets the build go on.");
	});

	it("prints a passing post's warnings with file:line:col, and a site can quiet them to one line", async () => {
		const loud = await build({ posts: ['passing-with-coupon.md'] });
		expect(loud.code, loud.output).toBe(0);
		expect(loud.output).toMatch(/\[WARN\] \[astro-candor\] content\/blog\/passing-with-coupon\.md {2}pass: \d+% promotional/);
		expect(loud.output).toContain('[WARN] [astro-candor]   content/blog/passing-with-coupon.md:21:1  call-to-action  Call to action:');
		expect(loud.output).toContain('[WARN] [astro-candor]   content/blog/passing-with-coupon.md:21:23  offer  ');
		expect(loud.output).toContain('[WARN] [astro-candor]       > Limited time only.');
		expect(loud.output).toContain('[WARN] [astro-candor] 3 warnings in 1 passing post (listed above; they do not stop the build)');
		// The passing clean posts of the fixture print no warning of their own.
		expect(loud.output).not.toContain('checking-disk-space.md  pass');

		const quiet = await build({ posts: ['passing-with-coupon.md'], candor: "{ brand: ['Fixture Co'], warnings: false }" });
		expect(quiet.code, quiet.output).toBe(0);
		expect(quiet.output).not.toContain('passing-with-coupon.md:21:1');
		expect(quiet.output).toContain('3 warnings in 1 passing post, not listed (`warnings: false`)');
	});

	it('shows the first maxDetailedPosts failing posts in full and the rest by verdict line', async () => {
		const { code, output } = await build({ posts: ['affiliate-undisclosed.md', 'pitch-launch.md'], candor: "{ mode: 'warn', maxDetailedPosts: 1 }" });
		expect(code, output).toBe(0);
		expect(output).toMatch(/\[WARN\] \[astro-candor\] content\/blog\/affiliate-undisclosed\.md {2}FAIL: /);
		expect(output).toContain('content/blog/affiliate-undisclosed.md:');
		expect(output).toMatch(new RegExp(String.raw`\[WARN\] \[astro-candor\] content\/blog\/pitch-launch\.md {2}FAIL: [\d.]+% promotional, threshold ${DEFAULT_THRESHOLD}%`));
		expect(output).not.toContain('content/blog/pitch-launch.md:19:63');
		expect(output).toContain('1 more failing post is listed by verdict only (`maxDetailedPosts: 1`); every finding is in `npx candor audit <path>`.');
	});

	it('audits in worker threads when CANDOR_THREADS asks, with the same report as on Astro\'s thread', async () => {
		const spec = { posts: ['pitch-launch.md', 'suppressed-quote.md', 'affiliate-undisclosed.md'], candor: "{ mode: 'warn', reports: { json: 'reports/candor.json' } }" };
		const report = async (threads: string) => {
			const { code, output, root } = await build(spec, { CANDOR_THREADS: threads });
			expect(code, output).toBe(0);
			return { output, files: JSON.parse(await readFile(join(root, 'reports/candor.json'), 'utf8')).files };
		};
		const main = await report('0');
		const pooled = await report('2');
		expect(pooled.files).toEqual(main.files);
		expect(main.files.map((f: { verdict: string }) => f.verdict)).toContain('fail');
		const wrong = await report('many');
		expect(wrong.output).toContain('CANDOR_THREADS must be a whole number from 0 to 64, got `many`; using the default');
		expect(wrong.files).toEqual(main.files);
	});

	it('passes a post with a public exception and lists the reason in the summary', async () => {
		const { code, output } = await build({ posts: ['exception-with-reason.md'] });
		expect(code, output).toBe(0);
		expect(output).toContain(
			'policy exception: content/blog/exception-with-reason.md (threshold 100%): Release announcement of our own product; it lists what changed and what it costs.',
		);
	});

	it('fails a post whose exception has no reason', async () => {
		const { code, output } = await build({ posts: ['exception-without-reason.md'] });
		expect(code).not.toBe(0);
		expect(output).toMatch(/exception-without-reason[\s\S]*candor\.reason[\s\S]*a policy exception needs a public `reason` that readers will see/);
	});

	it('lets a failing draft through unless the site asks, and counts suppressions', async () => {
		const drafts = await build({ posts: ['draft-pitch.md', 'suppressed-quote.md'] });
		expect(drafts.code, drafts.output).toBe(0);
		expect(drafts.output).toMatch(/4 posts audited .*: 3 passed, 1 failed \(1 failing draft does not block\); \d+ findings?, 1 suppressed\./);
		const strict = await build({ posts: ['draft-pitch.md'], candor: '{ failOnDrafts: true }' });
		expect(strict.code).not.toBe(0);
		expect(strict.output).toContain('content/blog/draft-pitch.md  FAIL (draft)');
	});

	it('publishes nothing of a draft or of a post the site leaves out of its routes', async () => {
		const { code, output, root } = await build({
			posts: ['draft-acquisition.md', 'unlisted-notes.md'],
			candor: "{ brand: ['Fixture Co'], publishReport: true, socialCards: true }",
		});
		expect(code, output).toBe(0);
		// Both are audited (the editor still sees them) ...
		expect(output).toMatch(/4 posts audited .*: 3 passed, 1 failed \(1 failing draft does not block\)/);
		expect(output).toContain('(2 audited posts have no page in this build, so nothing of them is published)');
		// ... but no file of the built site names them: no record, no page, no report entry, no card.
		const files = await listFiles(join(root, 'dist'));
		const leaks: string[] = [];
		for (const file of files) {
			const text = (await readFile(file)).toString('latin1');
			for (const trace of ['draft-acquisition', 'Larkspur', 'unlisted-notes', 'importer rewrite']) if (text.includes(trace) || file.includes(trace)) leaks.push(`${file}: ${trace}`);
		}
		expect(leaks).toEqual([]);
		expect(files.some((f) => f.endsWith('_candor/audits/blog/checking-disk-space.json'))).toBe(true);
		expect(files.filter((f) => f.includes('_candor/audits/'))).toHaveLength(2);
		// Every image a published page shows exists, and no other was written.
		const pages = await Promise.all(['checking-disk-space', 'rotating-logs'].map((id) => readFile(join(root, `dist/blog/${id}/index.html`), 'utf8')));
		const shown = new Set(pages.flatMap((page) => [...page.matchAll(/\/_candor\/(badges|og)\/([0-9a-f]+\.(?:svg|png))/g)].map((m) => `${m[1]}/${m[2]}`)));
		const written = files.filter((f) => /_candor\/(badges|og)\//.test(f)).map((f) => f.slice(f.indexOf('_candor/') + 8));
		for (const image of shown) expect(written).toContain(image);
		expect(written.filter((f) => f.startsWith('badges/'))).toHaveLength(2);
	});

	it('publishes the badges and records of posts whose URLs do not carry their entry id', async () => {
		const root = await gateSite({});
		made.push(root);
		const route = join(root, 'src/pages/blog/[...slug].astro');
		const numbered = (await readFile(route, 'utf8')).replace('params: { slug: post.id }', 'params: { slug: `post-${posts.indexOf(post) + 1}` }');
		await mkdir(join(root, 'src/pages/p'));
		await writeFile(join(root, 'src/pages/p/[...slug].astro'), numbered);
		await rm(route);
		const { code, output } = await runAstro(root, ['build']);
		expect(code, output).toBe(0);
		const page = await readFile(join(root, 'dist/p/post-1/index.html'), 'utf8');
		const badge = /src="\/_candor\/badges\/([0-9a-f]+\.svg)"/.exec(page);
		expect(badge, page).not.toBeNull();
		expect(existsSync(join(root, 'dist/_candor/badges', badge![1]))).toBe(true);
		expect((await readdir(join(root, 'dist/_candor/audits/blog'))).sort()).toEqual(['checking-disk-space.json', 'rotating-logs.json']);
	});

	it('injects a finished "How we audit" page by default, and stops on a layout that does not exist', async () => {
		const { code, output, root } = await build({});
		expect(code, output).toBe(0);
		const page = await readFile(join(root, 'dist/how-we-audit/index.html'), 'utf8');
		// A way back, a readable font, a title, and words that read right.
		expect(page).toMatch(/<header><a href="\/">← Back to the blog<\/a><\/header>/);
		expect(page).toMatch(/font:[^;]*system-ui/);
		expect(page).toContain('<title>How we audit our posts</title>');
		expect(page).toMatch(/paid links are marked <code[^>]*>rel="sponsored"<\/code>/);
		const missing = await build({ candor: "{ auditPageLayout: './src/layouts/Nope.astro' }" });
		expect(missing.code).not.toBe(0);
		expect(missing.output).toContain('Candor cannot find the layout `./src/layouts/Nope.astro` named by `auditPageLayout`.');
	});

	it('names the site\'s own collections, and only those, when a configured one does not exist', async () => {
		const { code, output } = await build({ candor: "{ collections: ['posts'] }" });
		expect(code).not.toBe(0);
		expect(output).toContain('Candor cannot find the content collection `posts`.');
		expect(output).toContain('(collections found: `blog`)');
		expect(output).not.toContain('::');
	});

	it('writes a JSON report and a SARIF report that validates against the SARIF 2.1.0 schema', async () => {
		const { code, root } = await build({ posts: ['pitch-launch.md', 'suppressed-quote.md'], candor: "{ mode: 'warn', reports: { json: 'reports/candor.json', sarif: 'reports/candor.sarif', html: 'reports/candor.html' } }" });
		expect(code).toBe(0);
		const json = JSON.parse(await readFile(join(root, 'reports/candor.json'), 'utf8'));
		expect(json.totals).toMatchObject({ files: 4, passed: 3, failed: 1, errors: 0, suppressed: 1, exceptions: 0 });
		expect(json.optionsHash).toMatch(/^[0-9a-f]{16}$/);
		expect(json.files.map((f: { file: string }) => f.file)).toContain('content/blog/pitch-launch.md');

		const sarif = JSON.parse(await readFile(join(root, 'reports/candor.sarif'), 'utf8'));
		const require = createRequire(import.meta.url);
		const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
		// The schema's patterns predate the `u` flag Ajv uses by default.
		const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
		addFormats(ajv);
		const validate = ajv.compile(schema);
		expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
		const results = sarif.runs[0].results as Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }>; suppressions?: unknown[] }>;
		expect(results.find((r) => r.ruleId === 'call-to-action' && r.locations[0]!.physicalLocation.region.startLine === 19)?.locations[0]!.physicalLocation).toMatchObject({
			artifactLocation: { uri: 'content/blog/pitch-launch.md' },
			region: { startLine: 19, startColumn: 63 },
		});
		expect(results.filter((r) => r.suppressions).length).toBe(1);

		// The reviewers' report: one self-contained file outside the published site.
		const html = await readFile(join(root, 'reports/candor.html'), 'utf8');
		expect(html).toContain('<h1>Candor audit report</h1>');
		expect(html).toContain('href="#post-blog-pitch-launch"');
		expect(html).toContain('<article id="post-blog-pitch-launch"');
		expect(html).toContain('content/blog/pitch-launch.md:19:63');
		expect(html).not.toMatch(/<(link|script)[^>]+(href|src)=/);
		expect(existsSync(join(root, 'dist/_candor/index.html'))).toBe(false);
	});

	it('publishes the report in the built site only when asked', async () => {
		const { code, root } = await build({ posts: ['pitch-launch.md'], candor: "{ mode: 'warn', publishReport: true }" });
		expect(code).toBe(0);
		expect(await readFile(join(root, 'dist/_candor/index.html'), 'utf8')).toContain('content/blog/pitch-launch.md');
		expect(await readFile(join(root, 'dist/_candor/blog/pitch-launch/index.html'), 'utf8')).toContain('<mark data-rule="call-to-action"');
	});

	it('prints GitHub workflow annotations on GitHub Actions', async () => {
		const { output } = await build({ posts: ['pitch-launch.md'] }, { GITHUB_ACTIONS: 'true' });
		expect(output).toMatch(/^::error file=content\/blog\/pitch-launch\.md,line=19,col=63,endLine=19,endColumn=\d+,title=Candor call-to-action::Call to action:/m);
	});

	it('audits only what changed on a rebuild, and ignores a damaged cache', async () => {
		const { root, output } = await build({ posts: ['suppressed-quote.md'] });
		expect(output).toContain('3 posts audited (0 from cache)');
		const again = await runAstro(root, ['build']);
		expect(again.output).toContain('3 posts audited (3 from cache)');
		const post = join(root, 'content/blog/checking-disk-space.md');
		await writeFile(post, `${await readFile(post, 'utf8')}\nKeep an eye on inode usage too: \`df -i\` shows it.\n`);
		const changed = await runAstro(root, ['build']);
		expect(changed.output).toContain('3 posts audited (2 from cache)');
		await writeFile(join(root, 'node_modules/.astro/astro-candor/audits.json'), '{"version":1,"entries":{"content/blog/checking-disk-space.md": tru');
		const damaged = await runAstro(root, ['build']);
		expect(damaged.code).toBe(0);
		expect(damaged.output).toContain('audit cache ignored (damaged); auditing every post');
		expect(damaged.output).toContain('3 posts audited (0 from cache)');
	});

	it('renders each distinct badge once, writes them with the audit records, and renders none on a rebuild', async () => {
		const { root, code, output } = await build({ posts: ['kind-sponsored.md', 'suppressed-quote.md'] });
		expect(code, output).toBe(0);
		const files = await readdir(join(root, 'dist/_candor/badges'));
		const logged = /badges: (\d+) distinct images \(light and dark\) for 4 posts; (\d+) rendered with satori, 0 from cache/.exec(output);
		expect(logged, output).not.toBeNull();
		expect(Number(logged![1])).toBe(files.length);
		expect(Number(logged![2])).toBe(files.length);
		// Two passing expertise posts share one badge; the sponsored one has its own, and so does the
		// quoted tagline (its opening sentence, "…and we cringe at it now", reads as a little pitch to
		// the model): three, in two variants.
		expect(files).toHaveLength(6);
		const page = await readFile(join(root, 'dist/blog/checking-disk-space/index.html'), 'utf8');
		// The page holds both variants; each is one of the written files and says the finding in words.
		const images = [...page.matchAll(/<img [^>]*class="candor-badge-(light|dark)"[^>]*>/g)].map(([tag]) => tag);
		expect(images, page).toHaveLength(2);
		for (const tag of images) {
			expect(tag).toMatch(/ height="20"/);
			expect(tag).toContain(`alt="Candor audit: expertise-first, 0% of this post's prose is promotional (policy threshold ${DEFAULT_THRESHOLD}%)."`);
			expect(files).toContain(/ src="\/_candor\/badges\/([0-9a-f]+\.svg)"/.exec(tag)?.[1]);
		}
		const record = JSON.parse(await readFile(join(root, 'dist/_candor/audits/blog/kind-sponsored.json'), 'utf8'));
		expect(record).toMatchObject({ post: 'blog/kind-sponsored', verdict: 'pass', threshold: DEFAULT_THRESHOLD, sponsorship: { kind: 'sponsored', sponsor: 'Lumen Trace' }, exception: null });
		expect(Object.keys(record)).not.toContain('sentences');

		const again = await runAstro(root, ['build']);
		expect(again.output).toContain(`badges: ${files.length} distinct images (light and dark) for 4 posts; 0 rendered with satori, ${files.length} from cache`);
	});

	it('fails closed on a post it cannot parse, naming the file, the line and the reason', async () => {
		const { code, output } = await build({ posts: ['broken-component.mdx'] });
		expect(code).not.toBe(0);
		expect(output).toContain('content/blog/broken-component.mdx  could not be audited');
		expect(output).toMatch(/content\/blog\/broken-component\.mdx:7:1 {2}parse-error {2}Expected a closing tag for `<Callout>`/);
		expect(output).toContain('[CandorError] 1 post breaks the content policy: content/blog/broken-component.mdx');
		expect(output).not.toMatch(/\n\s+at [\w.<]+ \(/);
	});

	it("gives every page its post's finished audit while the audit runs beside Vite's build", async () => {
		const root = await gateSite({ candor: "{ brand: ['Kestrel'], mode: 'warn', reports: { json: 'reports/candor.json' } }" });
		made.push(root);
		// Enough posts, in two worker threads, that the audit is still running when Vite starts.
		const generated = generatePosts({ count: 300, dir: join(root, 'content/blog/generated'), format: 'md', seed: 7 });
		const { code, output } = await runAstro(root, ['build'], { CANDOR_THREADS: '2' });
		expect(code, output).toBe(0);
		expect(output.indexOf('[build] Building static entrypoints...'), output).toBeLessThan(output.indexOf('[astro-candor] 302 posts audited (0 from cache)'));
		const report = JSON.parse(await readFile(join(root, 'reports/candor.json'), 'utf8')) as { files: Array<{ file: string; score: number; verdict: string }> };
		const byFile = new Map(report.files.map((f) => [f.file, f]));
		const verdicts = new Set<string>();
		for (const file of generated.files) {
			const path = file.slice(root.length + 1);
			const expected = byFile.get(path);
			expect(expected, path).toBeDefined();
			const page = await readFile(join(root, 'dist/blog', path.slice('content/blog/'.length).replace(/\.md$/, ''), 'index.html'), 'utf8');
			const shown = /<p class="audit" data-score="([\d.]+)" data-verdict="(\w+)">/.exec(page);
			expect(shown?.slice(1), path).toEqual([String(expected!.score), expected!.verdict]);
			verdicts.add(expected!.verdict);
		}
		// The posts differ: a page showing another post's audit, or none, would not match.
		expect([...verdicts].sort()).toEqual(['fail', 'pass']);
	});

	it('works the same under the unified() Markdown processor', async () => {
		const { code, output } = await build({
			posts: ['pitch-launch.md'],
			imports: "import { unified } from '@astrojs/markdown-remark';",
			config: 'markdown: { processor: unified() },',
		});
		expect(code).not.toBe(0);
		expect(output).toContain('content/blog/pitch-launch.md:19:63  call-to-action');
	});
});
