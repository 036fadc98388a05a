// Badge and social-card benchmark: cold (fresh process) and warm render times, and the
// RenderedFileStore path for 1,000 posts (empty cache, then reused cache) against rendering
// every post's badges. The work runs in bench/badge-worker.mjs children; see there.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const WORKER = fileURLToPath(new URL('./badge-worker.mjs', import.meta.url));

function child(args, cwd) {
	const t = performance.now();
	const r = spawnSync(process.execPath, [WORKER, ...args], { cwd, encoding: 'utf8', timeout: 300_000, maxBuffer: 16 << 20 });
	const wallMs = performance.now() - t;
	if (r.status !== 0) throw new Error(`badge worker (${args[0]}) exited with ${r.status ?? r.signal ?? r.error?.message}:\n${(r.stderr ?? '').slice(-2000)}`);
	return { ...JSON.parse(r.stdout.trim().split('\n').at(-1)), wallMs };
}

export function runBadgeBench({ warmBadges = 200, warmCards = 20, posts = 1000, log = () => {}, keep = false } = {}) {
	const work = mkdtempSync(join(tmpdir(), 'candor-bench-badges-'));
	try {
		log(`  badges: fresh process, 1 cold + ${warmBadges} warm badges, then ${posts} posts uncached / via the store…`);
		const badges = child(['badges', join(work, 'cache', 'badges'), String(warmBadges), String(posts)], work);
		log(`  badges: fresh process, 1 cold + ${warmCards} warm social cards…`);
		const cards = child(['cards', String(warmCards)], work);
		return { badges, cards, work };
	} finally {
		if (!keep) rmSync(work, { recursive: true, force: true });
	}
}
