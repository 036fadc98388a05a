// Scale benchmark: the real `candor audit` CLI, as a child process, on N generated posts and on
// N/10 of them (the first N/10 of the same corpus), to show wall time, throughput and whether the
// child's peak RSS grows with the number of posts; then N posts again with `--threads 0`, to show
// what the worker threads (one per core, the default at this size) gain over one thread.
//
// Peak RSS comes from `/usr/bin/time -v` when it exists; otherwise the CLI runs in-process under
// bench/scale-rss.mjs (`node --expose-gc`), which writes `process.resourceUsage().maxRSS` at exit.
// The CLI's JSON goes straight to a file (never through this process); its verdicts are counted by
// streaming that file.

import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generatePosts } from './generate.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'integrations', 'candor', 'dist', 'cli', 'bin.js');
const RSS_WRAPPER = fileURLToPath(new URL('./scale-rss.mjs', import.meta.url));
const GNU_TIME = '/usr/bin/time';

/** Whether `/usr/bin/time -v` works here (`command -v` finds it and it accepts -v). */
export function hasGnuTime() {
	const which = spawnSync('sh', ['-c', `command -v ${GNU_TIME}`], { encoding: 'utf8' });
	if (which.status !== 0 || !which.stdout.trim()) return false;
	const probe = spawnSync(GNU_TIME, ['-v', 'true'], { encoding: 'utf8' });
	return probe.status === 0 && /Maximum resident set size/.test(probe.stderr ?? '');
}

/** Peak RSS in bytes from the report of `/usr/bin/time -v`, or undefined when it has none. */
export function peakRssOf(report) {
	const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(report);
	return m ? Number(m[1]) * 1024 : undefined;
}

/** Counts occurrences of each needle in a file, streaming it in 1 MB chunks. */
function countInFile(file, needles) {
	const counts = Object.fromEntries(needles.map((n) => [n, 0]));
	const keep = Math.max(...needles.map((n) => n.length)) - 1;
	const fd = openSync(file, 'r');
	const buf = Buffer.alloc(1 << 20);
	let tail = '';
	try {
		for (;;) {
			const n = readSync(fd, buf, 0, buf.length, null);
			if (n === 0) break;
			const text = tail + buf.toString('latin1', 0, n);
			for (const needle of needles) {
				// A match lying wholly inside `tail` was already counted in the previous chunk.
				for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) {
					if (i + needle.length > tail.length) counts[needle]++;
				}
			}
			tail = text.slice(-keep);
		}
	} finally {
		closeSync(fd);
	}
	return counts;
}

/** Runs `candor audit <dir> --format json --no-config` once; stdout to `outFile`. */
function runCli({ dir, outFile, work, useGnuTime, extra = [] }) {
	const cliArgs = ['audit', dir, '--format', 'json', '--no-config', ...extra];
	const rssFile = join(work, 'rss.txt');
	rmSync(rssFile, { force: true });
	const [cmd, argv] = useGnuTime
		? [GNU_TIME, ['-v', '-o', rssFile, process.execPath, CLI, ...cliArgs]]
		: [process.execPath, ['--expose-gc', RSS_WRAPPER, rssFile, CLI, ...cliArgs]];
	const out = openSync(outFile, 'w');
	const t = performance.now();
	let r;
	try {
		r = spawnSync(cmd, argv, { cwd: work, stdio: ['ignore', out, 'pipe'], encoding: 'utf8', timeout: 600_000 });
	} finally {
		closeSync(out);
	}
	const seconds = (performance.now() - t) / 1000;
	if (r.error) throw new Error(`candor CLI could not run: ${r.error.message}`);
	const code = r.status;
	if (code !== 0 && code !== 1) {
		throw new Error(`candor CLI exited with ${code ?? r.signal} on ${dir}:\n${(r.stderr ?? '').slice(-2000)}`);
	}
	let maxRssBytes;
	const rssText = existsSync(rssFile) ? readFileSync(rssFile, 'utf8') : '';
	if (useGnuTime) maxRssBytes = peakRssOf(rssText);
	else if (/^\d+$/.test(rssText.trim())) {
		maxRssBytes = Number(rssText.trim()) * 1024;
	}
	if (maxRssBytes === undefined) throw new Error(`no peak RSS reported for the candor CLI run on ${dir}`);
	const outBytes = statSync(outFile).size;
	const verdicts = countInFile(outFile, ['"verdict": "pass"', '"verdict": "fail"', '"verdict": "error"']);
	return {
		seconds,
		code,
		maxRssBytes,
		outBytes,
		passed: verdicts['"verdict": "pass"'],
		failed: verdicts['"verdict": "fail"'],
		errors: verdicts['"verdict": "error"'],
		stderrBytes: Buffer.byteLength(r.stderr ?? ''),
	};
}

/**
 * Generates `count/10` and `count` posts and runs the CLI on each (small first), then on the
 * large set with one thread. Returns { rssVia, runs: [small, large, largeOneThread] } with per-run posts, bytes, seconds, mbps, maxRssBytes, …
 */
export function runScaleBench({ count, seed, log = () => {}, keep = false, rssVia }) {
	const useGnuTime = rssVia ? rssVia === 'time' : hasGnuTime();
	const work = mkdtempSync(join(tmpdir(), 'candor-bench-scale-'));
	const small = Math.max(1, Math.floor(count / 10));
	const runs = [];
	try {
		const plan = [...(small === count ? [] : [{ n: small, threads: 'default' }]), { n: count, threads: 'default' }, { n: count, threads: '0' }];
		let corpus;
		for (const { n, threads } of plan) {
			const dir = join(work, `posts-${n}`);
			if (corpus?.n !== n) {
				if (corpus && !keep) rmSync(corpus.dir, { recursive: true, force: true });
				const t = performance.now();
				corpus = { n, dir, ...generatePosts({ count: n, dir, format: 'md', seed }), genSeconds: (performance.now() - t) / 1000 };
				log(`  scale: ${n} posts generated in ${corpus.genSeconds.toFixed(1)} s`);
			}
			log(`  scale: running the candor CLI on ${n} posts (threads: ${threads})…`);
			const extra = threads === 'default' ? [] : ['--threads', threads];
			const r = runCli({ dir, outFile: join(work, `out-${n}-${threads}.json`), work, useGnuTime, extra });
			runs.push({ posts: n, threads, bytes: corpus.bytes, words: corpus.words, genSeconds: corpus.genSeconds, ...r, mbps: corpus.bytes / 1e6 / r.seconds });
		}
	} finally {
		if (!keep) rmSync(work, { recursive: true, force: true });
	}
	return { rssVia: useGnuTime ? '/usr/bin/time -v' : 'in-process wrapper (process.resourceUsage().maxRSS)', work, runs };
}
