// Engine benchmark: the audit core against the floor (read + split), the two Markdown parsers
// and alex, on the same generated posts. Each contender runs in its own Node process
// (bench/worker.mjs): warm-up on a slice of the files, then timed passes (median reported).
// Every contender's timing includes reading the files, as the floor's does.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contenders } from './contenders.mjs';

const WORKER = fileURLToPath(new URL('./worker.mjs', import.meta.url));

/** `n` files spread evenly over `files` (deterministic), or all of them. */
export function evenSubset(files, n) {
	if (!(n < files.length)) return files.slice();
	const out = [];
	for (let i = 0; i < n; i++) out.push(files[Math.floor((i * files.length) / n)]);
	return out;
}

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs one contender in a fresh process on `files`. */
export function measure(name, files, { format = 'md', warmup, repeats = 1 } = {}) {
	const dir = mkdtempSync(join(tmpdir(), 'candor-bench-job-'));
	try {
		const jobFile = join(dir, 'job.json');
		const result = join(dir, 'result.json');
		writeFileSync(jobFile, JSON.stringify({
			contender: name, files, format, repeats,
			warmup: warmup ?? Math.min(files.length, 100),
			result,
		}));
		execFileSync(process.execPath, [WORKER, jobFile], { stdio: ['ignore', 'inherit', 'inherit'] });
		return JSON.parse(readFileSync(result, 'utf8'));
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/**
 * @param {{ files: string[], format?: 'md'|'mdx', repeats?: number, alexPosts?: number,
 *           remarkPosts?: number, log?: (line: string) => void }} options
 * @returns {{ totalBytes: number, rows: object[], byName: Record<string, object> }}
 */
export function runEngineBench({ files, format = 'md', repeats = 3, alexPosts = 200, remarkPosts = Infinity, log = () => {} }) {
	const sizeOf = new Map(files.map((f) => [f, statSync(f).size]));
	const bytesOf = (list) => list.reduce((n, f) => n + sizeOf.get(f), 0);
	const totalBytes = bytesOf(files);

	const plan = [
		{ name: 'floor', count: Infinity, repeats: Math.max(repeats, 5) },
		{ name: 'satteri', count: Infinity, repeats },
		{ name: 'remark', count: remarkPosts, repeats: 1 },
		{ name: 'candor', count: Infinity, repeats },
		{ name: 'alex', count: alexPosts, repeats: 1, warmup: 20 },
	].filter((p) => format === 'md' || (p.name !== 'remark' && p.name !== 'alex'));

	const rows = [];
	for (const p of plan) {
		const list = evenSubset(files, p.count);
		const bytes = bytesOf(list);
		log(`  ${contenders[p.name].label}: ${list.length} files, ${p.repeats} timed pass(es)…`);
		const r = measure(p.name, list, { format, repeats: p.repeats, warmup: p.warmup });
		const seconds = median(r.seconds);
		const mbps = bytes / 1e6 / seconds;
		rows.push({
			name: p.name,
			label: contenders[p.name].label,
			detail: contenders[p.name].detail ?? '',
			files: list.length,
			totalFiles: files.length,
			subset: list.length < files.length,
			bytes,
			passes: r.seconds.length,
			seconds,
			mbps,
			// Seconds for all files: measured, or extrapolated at the measured per-MB rate.
			fullSeconds: list.length < files.length ? totalBytes / 1e6 / mbps : seconds,
			maxRssBytes: r.maxRssBytes,
			warmupSeconds: r.warmupSeconds,
		});
	}
	const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
	for (const r of rows) r.vsFloor = byName.floor.mbps / r.mbps;
	return { totalBytes, rows, byName };
}
