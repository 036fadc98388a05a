// What the build's gate keeps in memory per post: `AuditStore.auditPosts` (as `astro build`
// runs it, worker threads included) on N generated posts in a child process run with
// `--expose-gc`; the heap after a full collection, minus the heap before, divided by N, is
// what stays alive: the audits (findings with their passages), nothing of the posts' text.
//
//   node --expose-gc bench/retained.mjs <dir> <count>   (the child; prints one JSON line)

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generatePosts } from './generate.mjs';

const DIST = fileURLToPath(new URL('../integrations/candor/dist/', import.meta.url));

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2]) {
	const [dir, count] = [process.argv[2], Number(process.argv[3])];
	const { createAuditor } = await import(pathToFileURL(join(DIST, 'core/index.js')).href);
	const { AuditStore } = await import(pathToFileURL(join(DIST, 'integration/audit-store.js')).href);
	const posts = readdirSync(dir).sort().slice(0, count).map((f) => ({ path: f, file: join(dir, f), format: 'md', threshold: 10 }));
	const options = { brand: ['Kestrel', 'Kestrel Queue'], ownedDomains: ['kestrel.example'], threshold: 10 };
	globalThis.gc();
	const before = process.memoryUsage().heapUsed;
	const results = await new AuditStore(createAuditor(options), 'bench', undefined).auditPosts(posts, options);
	globalThis.gc();
	const retained = process.memoryUsage().heapUsed - before;
	console.log(JSON.stringify({ posts: results.length, retained, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
}

/** Runs the child on `count/10` and `count` posts of one generated corpus. */
export function runRetainedBench({ count = 10000, seed = 1, log = () => {} } = {}) {
	const dir = mkdtempSync(join(tmpdir(), 'candor-bench-retained-'));
	try {
		generatePosts({ count, dir, format: 'md', seed });
		return [Math.max(1, Math.floor(count / 10)), count].map((n) => {
			log(`  retained: auditing ${n} posts through the build's audit store…`);
			const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), dir, String(n)], { encoding: 'utf8' });
			if (r.status !== 0) throw new Error(`retained-memory child failed:\n${(r.stderr ?? '').slice(-1500)}`);
			return JSON.parse(r.stdout.trim().split('\n').at(-1));
		});
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
