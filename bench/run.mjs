#!/usr/bin/env node
// `npm run bench`: generates the posts, runs the benchmark sections and prints a report.
// Every figure is measured in this run; nothing is hard-coded. Exit code 0 unless the bench
// itself breaks (it is a report, not a gate).
//
//   node bench/run.mjs [--posts N] [--seed S] [--alex-posts N] [--remark-posts N]
//                      [--repeats R] [--no-build] [--keep]
//                      [--build-posts N] [--build-repeats R] [--no-build-bench]
//                      [--scale-posts N] [--no-scale] [--build-scale-posts N] [--no-build-scale]
//                      [--no-threads-bench] [--no-badges] [--no-linear] [--no-imports] [--import-runs N]
//                      [--no-build-ratio] [--ratio-sizes 5,1000] [--ratio-repeats R]

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generatePosts } from './generate.mjs';
import { runEngineBench } from './engine.mjs';
import { runBuildBench, runBuildRatioBench, runBuildScaleBench } from './build.mjs';
import { runThreadsBench } from './threads.mjs';
import { runRetainedBench } from './retained.mjs';
import { runScaleBench } from './scale.mjs';
import { runBadgeBench } from './badges.mjs';
import { runLinearBench } from './linear.mjs';
import { runImportsBench } from './imports.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = new URL('../integrations/candor/dist/core/index.js', import.meta.url);

const TARGET_VS_ALEX = 20; // Candor at least this many times faster than alex
const TARGET_VS_FLOOR = 10; // Candor at most this many times slower than read + split
const TARGET_BUILD_ADDED = 10; // Candor adds at most this many percent to a cold `astro build`

const { values: args } = parseArgs({
	options: {
		posts: { type: 'string', default: '1000' },
		seed: { type: 'string', default: '1' },
		'alex-posts': { type: 'string', default: '200' },
		'remark-posts': { type: 'string', default: 'all' },
		repeats: { type: 'string', default: '3' },
		'no-build': { type: 'boolean', default: false },
		'build-posts': { type: 'string', default: '1000' },
		'build-repeats': { type: 'string', default: '2' },
		'no-build-bench': { type: 'boolean', default: false },
		'scale-posts': { type: 'string', default: '10000' },
		'no-scale': { type: 'boolean', default: false },
		'build-scale-posts': { type: 'string', default: '10000' },
		'no-build-scale': { type: 'boolean', default: false },
		'no-threads-bench': { type: 'boolean', default: false },
		'no-badges': { type: 'boolean', default: false },
		'no-linear': { type: 'boolean', default: false },
		'no-imports': { type: 'boolean', default: false },
		'import-runs': { type: 'string', default: '7' },
		'no-build-ratio': { type: 'boolean', default: false },
		'ratio-sizes': { type: 'string', default: '5,1000' },
		'ratio-repeats': { type: 'string', default: '3' },
		keep: { type: 'boolean', default: false },
		help: { type: 'boolean', short: 'h', default: false },
	},
});
if (args.help) {
	console.log('Usage: npm run bench -- [--posts N=1000] [--seed S=1] [--alex-posts N=200] [--remark-posts N|all]\n' +
		'                      [--repeats R=3] [--no-build] [--keep]\n' +
		'                      [--build-posts N=1000 (per format)] [--build-repeats R=2] [--no-build-bench]\n' +
		'                      [--scale-posts N=10000] [--no-scale] [--build-scale-posts N=10000] [--no-build-scale]\n' +
		'                      [--no-threads-bench]\n' +
		'                      [--no-badges] [--no-linear] [--no-imports] [--import-runs N=7]\n' +
		'                      [--no-build-ratio] [--ratio-sizes N,N=5,1000 (posts, half .md)] [--ratio-repeats R=3]');
	process.exit(0);
}
const int = (name, value, min) => {
	const n = Number(value);
	if (!Number.isInteger(n) || n < min) {
		console.error(`bench: --${name} must be an integer ≥ ${min}, got "${value}"`);
		process.exit(2);
	}
	return n;
};
const posts = int('posts', args.posts, 1);
const seed = int('seed', args.seed, 0);
const repeats = int('repeats', args.repeats, 1);
const alexPosts = Math.min(posts, int('alex-posts', args['alex-posts'], 1));
const remarkPosts = args['remark-posts'] === 'all' ? posts : Math.min(posts, int('remark-posts', args['remark-posts'], 1));
const buildPosts = int('build-posts', args['build-posts'], 1);
const buildRepeats = int('build-repeats', args['build-repeats'], 1);
const scalePosts = int('scale-posts', args['scale-posts'], 10);
const buildScalePosts = int('build-scale-posts', args['build-scale-posts'], 20);
const importRuns = int('import-runs', args['import-runs'], 1);
const ratioSizes = args['ratio-sizes'].split(',').map((n) => int('ratio-sizes', n.trim(), 1));
const ratioRepeats = int('ratio-repeats', args['ratio-repeats'], 1);

// ---------------------------------------------------------------------------------------------
// Formatting helpers.

const fmt = (n, digits = 2) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const mb = (bytes) => fmt(bytes / 1e6);
const times = (x) => (x >= 100 ? fmt(x, 0) : x >= 10 ? fmt(x, 1) : fmt(x, 2)) + '×';
function table(headers, rows, align) {
	const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
	const line = (cells) => cells.map((c, i) => (align[i] === 'r' ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ').trimEnd();
	return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
const say = (s = '') => console.log(s);
const note = (s) => process.stderr.write(`${s}\n`);

// ---------------------------------------------------------------------------------------------
// 0. Build the engine so we measure the source as it is now.

if (!args['no-build']) {
	note('Building astro-candor (npm run build -w astro-candor)…');
	const b = spawnSync('npm', ['run', 'build', '--silent', '-w', 'astro-candor'], { cwd: ROOT, encoding: 'utf8' });
	if (b.status !== 0) {
		note(`WARNING: the build failed (exit ${b.status ?? b.error?.message}); measuring the existing dist, which may be stale.`);
		note((b.stdout ?? '') + (b.stderr ?? ''));
	}
}
if (!existsSync(DIST)) {
	console.error(`bench: ${fileURLToPath(DIST)} is missing; run \`npm run build -w astro-candor\` first.`);
	process.exit(1);
}
const { ENGINE_VERSION } = await import(DIST.href);

let gitRev = 'unknown';
try {
	gitRev = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
	const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
	if (dirty) gitRev += ' + uncommitted changes';
} catch {}

// ---------------------------------------------------------------------------------------------
// 1. Corpus.

const dir = join(tmpdir(), `candor-bench-posts-md-${posts}-seed${seed}`);
let t = performance.now();
const corpus = generatePosts({ count: posts, dir, format: 'md', seed });
const genSeconds = (performance.now() - t) / 1000;

const cpu = cpus();
say('Candor benchmark');
say(`Node ${process.version} on ${process.platform}/${process.arch}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}`);
say(`Engine ${ENGINE_VERSION} (integrations/candor/dist), git ${gitRev}`);
say();
say(`1. Corpus: ${posts.toLocaleString('en-US')} generated posts (.md, seed ${seed}), ` +
	`${corpus.words.toLocaleString('en-US')} words (${fmt(corpus.words / posts, 0)} per post), ${mb(corpus.bytes)} MB, ` +
	`written in ${fmt(genSeconds)} s to ${dir}`);
say();

// ---------------------------------------------------------------------------------------------
// 2–5. Engine: floor, parsers, Candor, alex.

note('Running the engine bench (each contender in its own process, warm-up then timed passes)…');
const engine = runEngineBench({ files: corpus.files, format: 'md', repeats, alexPosts, remarkPosts, log: note });
const { floor, satteri, candor, alex } = engine.byName;

say('2–5. Engine: read every file and process it (each contender in its own process, after a warm-up)');
say();
const rows = engine.rows.map((r) => [
	r.label + (r.subset ? ' *' : ''),
	`${r.files}/${r.totalFiles}`,
	mb(r.bytes),
	r.passes > 1 ? `${fmt(r.seconds, 3)} (med. of ${r.passes})` : fmt(r.seconds, 3),
	(r.subset ? '~' : '') + fmt(r.fullSeconds, 3),
	fmt(r.mbps, 2),
	fmt((r.fullSeconds / r.totalFiles) * 1000, 3),
	times(r.vsFloor),
	`${fmt(r.maxRssBytes / 1e6, 0)} MB`,
]);
say(table(
	['Contender', 'Files', 'MB', 'Seconds', `All ${posts} (s)`, 'MB/s', 'ms/post', '× floor', 'Peak RSS'],
	rows,
	['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
));
say();
for (const r of engine.rows) if (r.detail) say(`  ${r.label}: ${r.detail}`);
for (const r of engine.rows.filter((r) => r.subset)) {
	say(`  * ${r.name} measured on ${r.files} of ${r.totalFiles} files (evenly spaced), per-MB rate; ` +
		`"All ${posts} (s)" is extrapolated at that rate.`);
}
say('  × floor = floor MB/s ÷ contender MB/s. Every row includes reading the files. Peak RSS is per contender process.');
say();

const candorVsAlex = candor.mbps / alex.mbps;
const candorVsFloor = candor.vsFloor;
say(`Candor vs alex: ${times(candorVsAlex)} faster (${fmt(candor.mbps)} vs ${fmt(alex.mbps)} MB/s` +
	`${alex.subset ? `; alex on ${alex.files} of ${alex.totalFiles} files, per-MB rate` : ''}).`);
say(`Candor vs floor: ${times(candorVsFloor)} the floor's time. Parsing with Sätteri alone is ` +
	`${fmt((satteri.fullSeconds / candor.fullSeconds) * 100, 0)}% of Candor's time.`);
say();

// 5b. Loading the learned model: a fresh process imports the shipped weights and the scorer,
// parses the weights and numbers them for the audit's lookups (createScorer): what every
// build, CLI run and worker pays once before its first audit. Median of 5 processes.
{
	const dist = (path) => JSON.stringify(new URL(`../integrations/candor/dist/core/model/${path}`, import.meta.url).href);
	const probe = `const t0 = performance.now(); const m = await import(${dist('shipped.js')}); const s = await import(${dist('scorer.js')}); ` +
		`const t1 = performance.now(); const model = m.shippedModel(); const t2 = performance.now(); s.createScorer(model, { brand: ['Kestrel'] }); const t3 = performance.now(); ` +
		`console.log(JSON.stringify({ importMs: t1 - t0, parseMs: t2 - t1, indexMs: t3 - t2, features: model.weights.size }));`;
	const runs = Array.from({ length: 5 }, () => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' })));
	const med = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[2];
	const total = runs.map((r) => r.importMs + r.parseMs + r.indexMs).sort((a, b) => a - b)[2];
	say(`5b. Loading the learned model (${runs[0].features.toLocaleString('en-US')} weights), median of 5 fresh processes: ` +
		`import ${fmt(med('importMs'))} ms + parse ${fmt(med('parseMs'))} ms + numbering for lookups ${fmt(med('indexMs'))} ms = ${fmt(total)} ms (target < 50 ms: ${total < 50 ? 'met' : 'missed'}).`);
	say();
}

// 5c. Import cost of each entry point (bench/imports.mjs): fresh processes, entries in turn.
if (!args['no-imports']) {
	note(`Running the import bench (each entry point imported in ${importRuns} fresh processes, in turn)…`);
	try {
		const imp = runImportsBench({ runs: importRuns, log: note });
		say(`5c. Import cost of each entry point: \`await import()\` in a fresh \`node\` process, median of ${imp.runs} (entries in turn)`);
		say();
		say(table(['Entry', 'Median (ms)', 'Each run (ms)', 'Modules', 'Packages', 'Of satori, resvg, markdown-remark, shiki, astro'],
			imp.rows.map((r) => [r.label, fmt(r.medianMs, 0), r.ms.map((x) => fmt(x, 0)).join(', '), r.modules ?? '?', r.packages ?? '?', r.watched ? r.watched.join(', ') || 'none' : '?']),
			['l', 'r', 'r', 'r', 'r', 'l']));
		say();
		say('  Node\'s own start-up is left out. Modules and packages are counted in one more run under a resolve hook (Node ≥ 22.15).');
		say('  Inside `astro build` the packages Astro has already loaded (astro, zod, its Markdown processor) cost Candor nothing.');
	} catch (err) {
		say(`5c. The import bench failed:\n${String(err.message).split('\n').map((l) => `    ${l}`).join('\n')}`);
	}
	say();
}

// ---------------------------------------------------------------------------------------------
// 6. Astro build: a generated site built without and with Candor (bench/build.mjs).

let build;
let buildError;
if (!args['no-build-bench']) {
	note(`Running the build bench (${buildPosts} .md + ${buildPosts} .mdx posts, ${buildRepeats}× cold without/with Candor, then 2 warm rebuilds)…`);
	try {
		build = runBuildBench({ count: buildPosts, seed, repeats: buildRepeats, log: note, keep: args.keep });
	} catch (err) {
		buildError = err;
	}
	say(`6. Astro build: ${(buildPosts * 2).toLocaleString('en-US')} posts (${buildPosts} .md + ${buildPosts} .mdx, ~1,000 words, seed ${seed}), ` +
		'one page per post, `@astrojs/mdx`; the same site and schema with and without `candor({ mode: \'warn\' })`');
	say();
	if (buildError) {
		say(`  The build bench failed:\n${String(buildError.message).split('\n').map((l) => `    ${l}`).join('\n')}`);
	} else {
		const b = build;
		const runs = (rs) => (rs.length > 1 ? ` (med. of ${rs.map((r) => fmt(r.seconds, 1)).join(', ')})` : '');
		const audited = (r) => (r.candor ? `${r.candor.audited} of ${r.candor.posts} (${r.candor.fromCache} cached)` : '—');
		const auditS = (r) => (r.candor ? fmt(r.candor.seconds, 2) : '—');
		const mid = (rs) => rs.find((r) => r.seconds === [...rs].sort((x, y) => x.seconds - y.seconds)[rs.length >> 1]) ?? rs[0];
		const rowsB = [
			['Cold, without Candor', fmt(b.withoutSeconds, 2) + runs(b.without), '—', '—', '—'],
			['Cold, with Candor', fmt(b.withSeconds, 2) + runs(b.with), `${b.addedShare >= 0 ? '+' : ''}${fmt(b.addedShare * 100, 1)}%`, audited(mid(b.with)), fmt(b.auditSeconds, 2)],
			['Warm, unchanged', fmt(b.unchanged.seconds, 2), `${fmt((b.unchanged.seconds / b.withSeconds) * 100, 0)}% of cold`, audited(b.unchanged), auditS(b.unchanged)],
			['Warm, one post changed', fmt(b.changed.seconds, 2), `${fmt((b.changed.seconds / b.withSeconds) * 100, 0)}% of cold`, audited(b.changed), auditS(b.changed)],
		];
		say(table(['Build', 'Seconds', 'vs without / cold', 'Posts audited', 'Candor audit (s)'], rowsB, ['l', 'r', 'r', 'r', 'r']));
		say();
		say(`  Cold = no dist/, .astro/, cache dir or Vite dep cache; runs alternate without/with. Warm rebuilds keep the caches of the last cold`);
		say(`  build with Candor; "one post changed" appends a sentence to ${b.changedFile}. Posts audited = N − M from Candor's`);
		say(`  "N posts audited (M from cache) in X s" line; Candor audit = its X (${fmt((b.auditSeconds / b.withSeconds) * 100, 1)}% of the cold build).`);
		const m = mid(b.with);
		say(`  Astro's setup phase (content sync, types, \`astro:build:start\` hooks; its "Collecting build info… Completed in" figure): ` +
			`${fmt(b.setupWithoutSeconds, 2)} s without, ${fmt(b.setupWithSeconds, 2)} s with Candor (medians; ${b.setupWithSeconds >= b.setupWithoutSeconds ? '+' : ''}${fmt(b.setupWithSeconds - b.setupWithoutSeconds, 2)} s).`);
		if (m.candor) {
			say(`  Candor's verdicts: ${m.candor.passed} passed, ${m.candor.failed} failed (generated pitch-heavy posts); in warn mode it printed ` +
				`${m.candorLines.toLocaleString('en-US')} of the build's ${m.lines.toLocaleString('en-US')} output lines.`);
		}
		say(`  ${b.posts.toLocaleString('en-US')} posts, ${mb(b.bytes)} MB; ${m.pages ?? '?'} pages built; build bench took ${fmt(b.totalSeconds, 0)} s. Logs: bench/.tmp/build-logs/.`);
	}
	say();
}

// ---------------------------------------------------------------------------------------------
// 6c. With ÷ without: cold and warm builds at each size, peak RSS (bench/build.mjs).

let ratio;
if (!args['no-build-ratio']) {
	note(`Running the build ratio bench (${ratioSizes.join(' and ')} posts, cold then warm, ${ratioRepeats}× without/with in turn)…`);
	try {
		ratio = runBuildRatioBench({ sizes: ratioSizes, repeats: ratioRepeats, seed, log: note, keep: args.keep });
		say(`6c. \`astro build\` with ÷ without Candor (\`mode: 'warn'\`), cold and warm, ${ratio.repeats} run${ratio.repeats === 1 ? '' : 's'} of each in turn, medians`);
		say();
		const rss = (x) => (x === undefined ? '—' : `${fmt(x / 1e6, 0)} MB`);
		say(table(['Posts', 'Build', 'Without (s)', 'With (s)', 'With ÷ without', 'Per round (median)', 'Peak RSS without', 'Peak RSS with', 'RSS ratio'],
			ratio.rows.map((r) => [r.posts.toLocaleString('en-US'), r.phase, fmt(r.withoutSeconds, 2), fmt(r.withSeconds, 2), times(r.ratio), times(r.roundRatio),
				rss(r.withoutRssBytes), rss(r.withRssBytes), r.rssRatio === undefined ? '—' : times(r.rssRatio)]),
			['r', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r']));
		say();
		say('  Two copies of the site (without, with), so each warm rebuild keeps its own caches; cold = no dist/, .astro/, cache or Vite');
		say(`  dep cache. Half the posts .md, half .mdx. Peak RSS via ${ratio.rssVia ?? '(GNU time missing: not measured)'}. Logs: bench/.tmp/build-logs/ratio-*.`);
	} catch (err) {
		say(`6c. The build ratio bench failed:\n${String(err.message).split('\n').map((l) => `    ${l}`).join('\n')}`);
	}
	say();
}

// ---------------------------------------------------------------------------------------------
// 6b. Where the build's audit runs: Astro's thread (CANDOR_THREADS=0) vs worker threads (bench/threads.mjs).

if (!args['no-threads-bench']) {
	note('Running the threads bench (cold builds with CANDOR_THREADS=0 and the default, alternating)…');
	try {
		const th = runThreadsBench({ count: 500, seed, log: note, keep: args.keep });
		const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
		say(`6b. Where the build's audit runs: ${th.posts.toLocaleString('en-US')} posts (500 .md + 500 .mdx), cold \`astro build\`s alternating`);
		say();
		say(table(['Audit runs in', 'Candor audit (s), each run', 'Median'], [
			["Astro's thread (CANDOR_THREADS=0)", th.runs.main.map((x) => fmt(x, 2)).join(', '), fmt(med(th.runs.main), 2)],
			[`worker threads (default: ${availableParallelism()})`, th.runs.workers.map((x) => fmt(x, 2)).join(', '), fmt(med(th.runs.workers), 2)],
		], ['l', 'r', 'r']));
		say();
		say(`  Worker threads audit ${times(med(th.runs.main) / med(th.runs.workers))} faster inside the build (medians; of two runs, the slower).`);
	} catch (err) {
		say(`6b. The threads bench failed:\n${String(err.message).split('\n').map((l) => `    ${l}`).join('\n')}`);
	}
	say();
}

// ---------------------------------------------------------------------------------------------
// 7. Scale: the real `candor audit` CLI on N and N/10 posts (bench/scale.mjs).

if (!args['no-scale']) {
	note(`Running the scale bench (candor CLI on ${Math.floor(scalePosts / 10)} then ${scalePosts} posts)…`);
	say(`7. Scale: the candor CLI on ${scalePosts.toLocaleString('en-US')} posts ` +
		`(\`node integrations/candor/dist/cli/bin.js audit <dir> --format json --no-config\`, stdout to a file)`);
	say();
	try {
		const scale = runScaleBench({ count: scalePosts, seed, log: note, keep: args.keep });
		const rowsS = scale.runs.map((r) => [
			r.posts.toLocaleString('en-US'),
			r.threads === 'default' ? 'pool' : r.threads,
			mb(r.bytes),
			fmt(r.seconds, 2),
			fmt(r.mbps, 2),
			fmt(r.posts / r.seconds, 0),
			`${fmt(r.maxRssBytes / 1e6, 0)} MB`,
			mb(r.outBytes),
			`${r.passed}/${r.failed}/${r.errors}`,
			String(r.code),
		]);
		say(table(['Posts', 'Threads', 'Input MB', 'Wall (s)', 'MB/s', 'Posts/s', 'Peak RSS', 'JSON MB', 'Pass/fail/err', 'Exit'],
			rowsS, ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r']));
		say();
		const pooled = scale.runs.filter((r) => r.threads === 'default');
		if (pooled.length === 2) {
			const [s, l] = pooled;
			say(`  ${l.posts.toLocaleString('en-US')} vs ${s.posts.toLocaleString('en-US')} posts (${times(l.posts / s.posts)} the posts): ` +
				`peak RSS ${times(l.maxRssBytes / s.maxRssBytes)} (+${fmt((l.maxRssBytes - s.maxRssBytes) / 1e6, 0)} MB, ` +
				`${fmt((l.maxRssBytes - s.maxRssBytes) / 1024 / (l.posts - s.posts), 1)} KB per extra post); ` +
				`wall time ${times(l.seconds / s.seconds)}, throughput ${fmt(l.mbps, 2)} vs ${fmt(s.mbps, 2)} MB/s.`);
		}
		const one = scale.runs.find((r) => r.threads === '0');
		const big = pooled.at(-1);
		if (one && big) {
			say(`  Worker threads on ${big.posts.toLocaleString('en-US')} posts: ${fmt(one.seconds, 1)} s on one thread → ${fmt(big.seconds, 1)} s with the pool ` +
				`(${times(one.seconds / big.seconds)} faster on ${availableParallelism()} cores), peak RSS ${fmt(one.maxRssBytes / 1e6, 0)} → ${fmt(big.maxRssBytes / 1e6, 0)} MB ` +
				`(each worker holds its own engine).`);
		}
		say(`  Wall = spawn to exit of the child (Node startup, reading, auditing, JSON serialisation); MB/s = input MB ÷ wall.`);
		say(`  Peak RSS of the CLI process (workers included) via ${scale.rssVia}. Exit 1 is expected: some generated posts fail.`);
		say(`  The CLI writes each report as soon as it and those before it are done and keeps none, so peak RSS should not grow`);
		say(`  with the number of posts; what differs between runs is garbage the collectors have not yet reclaimed.`);
	} catch (err) {
		say(`  The scale bench failed:\n${String(err.message).split('\n').map((l) => `    ${l}`).join('\n')}`);
	}
	say();
}

// ---------------------------------------------------------------------------------------------
// 7b. Scale: `astro build` of N and N/10 posts, without and with Candor, peak RSS (bench/build.mjs).

if (!args['no-build-scale']) {
	note(`Running the build scale bench (astro build of ${Math.floor(buildScalePosts / 10)} then ${buildScalePosts} posts, without and with Candor)…`);
	say(`7b. Scale: \`astro build\` of ${buildScalePosts.toLocaleString('en-US')} posts (half .md, half .mdx; cold; Candor in warn mode), peak RSS via /usr/bin/time -v`);
	say();
	try {
		const scaleBuild = runBuildScaleBench({ count: buildScalePosts, seed, log: note, keep: args.keep });
		if (!scaleBuild) say('  Skipped: /usr/bin/time -v is not available here, so peak RSS cannot be measured.');
		else {
			const rowsB = scaleBuild.rows.map((r) => [
				r.posts.toLocaleString('en-US'),
				mb(r.bytes),
				fmt(r.without.seconds, 1),
				fmt(r.with.seconds, 1),
				`+${fmt((r.with.seconds / r.without.seconds - 1) * 100, 0)}%`,
				fmt(r.with.candor?.seconds ?? NaN, 2),
				`${fmt(r.without.maxRssBytes / 1e6, 0)} MB`,
				`${fmt(r.with.maxRssBytes / 1e6, 0)} MB`,
				`${(r.with.maxRssBytes - r.without.maxRssBytes) >= 0 ? '+' : ''}${fmt((r.with.maxRssBytes - r.without.maxRssBytes) / 1e6, 0)} MB`,
				String(r.with.candorLines),
			]);
			say(table(['Posts', 'Input MB', 'Without (s)', 'With (s)', 'Added', 'Audit (s)', 'Peak without', 'Peak with', 'Candor adds', 'Candor log lines'],
				rowsB, ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r']));
			say();
			if (scaleBuild.rows.length === 2) {
				const [s, l] = scaleBuild.rows;
				const added = (r) => r.with.maxRssBytes - r.without.maxRssBytes;
				say(`  Astro's own peak grows ${fmt((l.without.maxRssBytes - s.without.maxRssBytes) / 1024 / (l.posts - s.posts), 1)} KB per extra post; ` +
					`what Candor adds grows ${fmt((added(l) - added(s)) / 1024 / (l.posts - s.posts), 1)} KB per extra post ` +
					`(${fmt(added(s) / 1e6, 0)} MB at ${s.posts.toLocaleString('en-US')} posts, ${fmt(added(l) / 1e6, 0)} MB at ${l.posts.toLocaleString('en-US')}).`);
			}
			say('  One cold build per row (no repeats at this size), so wall times carry this VM\'s noise; RSS differences of a few');
			say('  tens of MB are within run-to-run variation of V8\'s heap sizing.');
			const kept = runRetainedBench({ count: buildScalePosts, seed, log: note });
			say(`  What the gate keeps (bench/retained.mjs: its audit store on generated posts, heap after a full GC): ` +
				kept.map((k) => `${k.posts.toLocaleString('en-US')} posts ${fmt(k.retained / 1e6, 1)} MB (peak RSS ${fmt(k.maxRssBytes / 1e6, 0)} MB)`).join('; ') +
				`: ${fmt((kept[1].retained - kept[0].retained) / 1024 / (kept[1].posts - kept[0].posts), 1)} KB per extra post, the audits (findings with their passages);` +
				' the posts\' text is read a batch at a time and dropped.');
		}
	} catch (err) {
		say(`  The build scale bench failed:\n${String(err.message).split('\n').map((l) => `    ${l}`).join('\n')}`);
	}
	say();
}

// ---------------------------------------------------------------------------------------------
// 8. Badges and social cards (bench/badges.mjs, work in fresh child processes).

if (!args['no-badges']) {
	note('Running the badge bench (badges and social cards, cold in fresh processes, then warm and cached)…');
	say('8. Badges and social cards (satori; cards also @resvg/resvg-js → PNG), per image');
	say();
	try {
		const { badges: b, cards: c } = runBadgeBench({ log: note, keep: args.keep });
		const ms = (x) => `${fmt(x, x >= 100 ? 0 : 1)} ms`;
		say(table(['Image', 'Cold: import', 'Cold: first image', `Warm (median)`, 'Warm min–max', 'Cold ÷ warm'], [
			['Badge SVG', ms(b.importMs), ms(b.coldMs), `${ms(b.warm.medianMs)} (${b.warm.count} texts)`, `${ms(b.warm.minMs)}–${ms(b.warm.maxMs)}`, times(b.coldMs / b.warm.medianMs)],
			['Social card PNG', ms(c.importMs), ms(c.coldMs), `${ms(c.warm.medianMs)} (${c.warm.count} titles)`, `${ms(c.warm.minMs)}–${ms(c.warm.maxMs)}`, times(c.coldMs / c.warm.medianMs)],
		], ['l', 'r', 'r', 'r', 'r', 'r']));
		say();
		say(`  Cold = a fresh \`node\` process: "import" loads the badge modules (satori; for cards also resvg); "first image" includes`);
		say(`  reading the Inter font and satori/yoga initialisation. Social card: 1200×630, ~${fmt(c.warm.meanPngBytes / 1024, 0)} KB PNG.`);
		say();
		const per = (x) => `${fmt((x.ms / b.posts) * 1000, 1)} µs`;
		say(table(['1,000 posts\' badges (light + dark)', 'Renders', 'From cache', 'Files', 'Time', 'Per post', 'vs uncached'], [
			['Uncached: render every badge', String(b.uncached.renders), '—', '—', ms(b.uncached.ms), per(b.uncached), '1×'],
			['RenderedFileStore, empty cache', String(b.emptyCache.rendered), String(b.emptyCache.fromCache), String(b.emptyCache.files), ms(b.emptyCache.ms), per(b.emptyCache), `${times(b.uncached.ms / b.emptyCache.ms)} faster`],
			['New store, same cache dir', String(b.warmCache.rendered), String(b.warmCache.fromCache), String(b.warmCache.files), ms(b.warmCache.ms), per(b.warmCache), `${times(b.uncached.ms / b.warmCache.ms)} faster`],
		].map((r) => r.map(String)), ['l', 'r', 'r', 'r', 'r', 'r', 'r']));
		say();
		say(`  ${b.posts.toLocaleString('en-US')} summaries with scores spread over 0–10% (threshold 8%) collapse to ${b.distinctTexts} distinct badge texts ` +
			`(${b.distinctTexts * 2} files with both variants).`);
		say(`  Store time includes badgeKey hashing and cache reads/writes; all three rows run in the badge process after its warm renders.`);
	} catch (err) {
		say(`  The badge bench failed:\n${String(err.message).split('\n').map((l) => `    ${l}`).join('\n')}`);
	}
	say();
}

// ---------------------------------------------------------------------------------------------
// 9. Linear time: each rule on 1 MB of its worst input (bench/linear.mjs).

if (!args['no-linear']) {
	note('Running the linear-time bench (each phrase rule on 1 MB of its worst input, then the extra inputs)…');
	say('9. Linear time: each rule on 1 MB of its worst input (as tests/unit/linear-time.test.ts, on the built dist)');
	say();
	try {
		const lin = runLinearBench({ distDir: new URL('.', DIST), seed });
		const ms = (x) => fmt(x, x >= 100 ? 0 : 1);
		const row = (r) => [r.label, r.phrases === undefined ? '' : String(r.phrases), mb(r.bytes), ms(r.auditMs), ms(r.scanMs), times(r.ratio),
			times(r.ratio / lin.prose.ratio), r.ratio < lin.factor ? 'yes' : 'NO'];
		say(table(['Input (1 MB)', 'Phrases', 'MB', 'Audit (ms)', 'Scan (ms)', 'Audit ÷ scan', '÷ prose', `< ${lin.factor}×`],
			[...lin.rows.map(row), row(lin.prose)], ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l']));
		say();
		const worst = [...lin.rows].sort((a, b) => b.ratio - a.ratio)[0];
		const over = lin.rows.filter((r) => r.ratio >= lin.factor);
		say(`  Bound: the test's fixed factor, audit < ${lin.factor}× the plain scan. ${over.length === 0 ? 'Every input is within it' : `${over.length} input(s) exceed it`}; ` +
			`the highest is ${worst.label} at ${times(worst.ratio)} (${fmt((worst.ratio / lin.factor) * 100, 0)}% of the bound). Ordinary prose: ${times(lin.prose.ratio)}.`);
		say(`  Audit = one pass of createAuditor({ brand, ownedDomains }).audit(text, 'md') (all rules), as in the test; scan = text.split(/\\s+/)`);
		say(`  .filter(Boolean), fastest of 5, floored at 0.5 ms for the ratio. Worst input = each phrase (first 4 compiled forms) spelled out,`);
		say(`  then cut one word short, repeated to 1 MB as one endless sentence. Prose = generated posts' bodies (seed ${seed}) joined with blank lines.`);
		say(`  1 MB = 2^20 UTF-16 code units, as in the test; the MB column is UTF-8 bytes ÷ 10^6. ÷ prose = the row's ratio ÷ ordinary prose's ratio.`);
		say();
		say(table(['Rule (worst input)', '1 MB (ms)', '2 MB (ms)', '2 MB ÷ 1 MB'],
			lin.scaling.map((s) => [s.id, ms(s.oneMs), ms(s.twoMs), times(s.growth)]), ['l', 'r', 'r', 'r']));
		say();
		say(`  ≈ 2× means the time grows linearly with the input (a quadratic step would give ≈ 4×); fastest of 2 audits each, sizes interleaved.`);
		say(`  Run in its own process (node --expose-gc, a collection before each timed call): ${fmt(lin.seconds, 1)} s, peak RSS ${fmt(lin.maxRssBytes / 1e6, 0)} MB.`);
	} catch (err) {
		say(`  The linear-time bench failed:\n${String(err.stack ?? err.message).split('\n').map((l) => `    ${l}`).join('\n')}`);
	}
	say();
}

// ---------------------------------------------------------------------------------------------
// 10. Targets.

const verdict = (ok) => (ok ? 'PASS' : 'MISS');
const targets = [
	[`Candor ≥ ${TARGET_VS_ALEX}× faster than alex`, times(candorVsAlex), verdict(candorVsAlex >= TARGET_VS_ALEX)],
	[`Candor within ${TARGET_VS_FLOOR}× the floor`, times(candorVsFloor), verdict(candorVsFloor <= TARGET_VS_FLOOR)],
];
if (build) {
	const changed = build.changed.candor?.audited;
	targets.push(
		[`Candor adds ≤ ${TARGET_BUILD_ADDED}% to a cold build`, `${fmt(build.addedShare * 100, 1)}%`, verdict(build.addedShare * 100 <= TARGET_BUILD_ADDED)],
		['Rebuild after one change audits exactly 1 post', changed === undefined ? 'no summary line' : String(changed), verdict(changed === 1)],
	);
} else if (buildError) {
	targets.push([`Candor adds ≤ ${TARGET_BUILD_ADDED}% to a cold build`, 'build failed', 'MISS']);
}
// Issue 14's targets for the build: cold ≤ 1.15× at 5 posts, ≤ 1.10× at 1,000, warm ≤ 1.03×.
for (const r of ratio?.rows ?? []) {
	const bound = r.phase === 'warm' ? 1.03 : r.posts <= 5 ? 1.15 : 1.1;
	targets.push([`${r.phase} build of ${r.posts.toLocaleString('en-US')} posts with ÷ without ≤ ${fmt(bound)}×`, times(r.ratio), verdict(r.ratio <= bound)]);
}
say('10. Targets');
say();
say(table(['Target', 'Measured', 'Result'], targets, ['l', 'r', 'l']));
say();
const peak = Math.max(...engine.rows.map((r) => r.maxRssBytes));
say(`Peak RSS: ${fmt(peak / 1e6, 0)} MB (largest contender process); bench driver ${fmt(process.resourceUsage().maxRSS * 1024 / 1e6, 0)} MB.`);

if (!args.keep) rmSync(dir, { recursive: true, force: true });
else say(`Posts kept in ${dir}`);
