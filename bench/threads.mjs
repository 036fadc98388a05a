// Where the build's audit runs: cold `astro build`s of the same generated site with Candor,
// alternating `CANDOR_THREADS=0` (every post audited on Astro's own thread) and the default
// (worker threads, one per core), and reading Candor's "N posts audited … in X s" line.
// Inside a build, Astro's thread carries the whole site in its heap; this measures what
// moving the audit off it gains.

import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { astroBuild, generateSite } from './build.mjs';

const SITE = join(fileURLToPath(new URL('..', import.meta.url)), 'bench', '.tmp', 'threads-site');

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
			// `undefined` leaves CANDOR_THREADS out of the build's environment: the default.
			for (const [key, threads] of [['main', '0'], ['workers', undefined]]) {
				log(`  astro build, CANDOR_THREADS=${threads ?? '(default)'}…`);
				const r = astroBuild(SITE, `threads-${key}-${i + 1}`, { cold: true, env: { CANDOR_THREADS: threads } });
				if (!r.candor) throw new Error(`astro build (CANDOR_THREADS=${threads ?? 'default'}) printed no Candor summary; log in ${r.log}`);
				runs[key].push(r.candor.seconds);
				log(`    Candor audit ${r.candor.seconds} s`);
			}
		}
	} finally {
		if (!keep) rmSync(SITE, { recursive: true, force: true });
	}
	return { posts: count * 2, runs };
}
