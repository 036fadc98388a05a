// Where the build's audit runs: cold `astro build`s of the same generated site with Candor,
// alternating `CANDOR_THREADS=0` (every post audited on Astro's own thread) and the default
// (worker threads, one per core), and reading Candor's "N posts audited … in X s" line.
// Inside a build, Astro's thread carries the whole site in its heap; this measures what
// moving the audit off it gains.

import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSite } from './build.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const SITE = join(ROOT, 'bench', '.tmp', 'threads-site');
const CANDOR_LINE = /(\d+) posts? audited \((\d+) from cache\) in ([\d.]+) s/;

export function runThreadsBench({ count = 500, seed = 1, repeats = 2, log = () => {}, keep = false } = {}) {
	log(`Threads bench: generating ${count} .md + ${count} .mdx posts in ${SITE}…`);
	generateSite({ count, seed, site: SITE });
	writeFileSync(
		join(SITE, 'astro.config.mjs'),
		"import mdx from '@astrojs/mdx';\nimport { defineConfig } from 'astro/config';\nimport candor from 'astro-candor';\n\n" +
			"export default defineConfig({ cacheDir: './.cache', integrations: [mdx(), candor({ brand: ['Kestrel', 'Kestrel Queue'], ownedDomains: ['kestrel.example'], mode: 'warn' })] });\n",
	);
	const runs = { main: [], workers: [] };
	try {
		for (let i = 0; i < repeats; i++) {
			for (const [key, threads] of [['main', '0'], ['workers', undefined]]) {
				for (const d of ['dist', '.astro', '.cache']) rmSync(join(SITE, d), { recursive: true, force: true });
				log(`  astro build, CANDOR_THREADS=${threads ?? '(default)'}…`);
				const env = { ...process.env, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' };
				if (threads === undefined) delete env.CANDOR_THREADS;
				else env.CANDOR_THREADS = threads;
				const r = spawnSync(process.execPath, [ASTRO, 'build', '--root', SITE], { cwd: SITE, encoding: 'utf8', maxBuffer: 1 << 30, env });
				const m = CANDOR_LINE.exec(`${r.stdout}${r.stderr}`);
				if (r.status !== 0 || !m) throw new Error(`astro build (CANDOR_THREADS=${threads ?? 'default'}) failed with exit ${r.status}:\n${`${r.stdout}${r.stderr}`.slice(-1500)}`);
				runs[key].push(Number(m[3]));
				log(`    Candor audit ${m[3]} s`);
			}
		}
	} finally {
		if (!keep) rmSync(SITE, { recursive: true, force: true });
	}
	return { posts: count * 2, runs };
}
