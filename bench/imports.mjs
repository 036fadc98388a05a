// Import cost of each entry point: a fresh `node` process imports one entry and reports how long
// the import took (performance.now() around `await import()`, so Node's own start-up is left out)
// and, in a separate run under a resolve hook, which packages it loaded. Runs alternate between
// the entries (round-robin), so a burst of load on the machine hits every entry alike; medians.
//
// Every build, CLI run and content-config load pays this once; what an entry loads and does not
// use (satori, resvg, the report's HTML) is a cost its users pay for nothing.

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = new URL('../integrations/candor/dist/cli/audit-command.js', import.meta.url).href;

/** The entries a user imports, by the specifier they write (resolved from the repository root). */
export const ENTRIES = [
	{ label: '`astro-candor` (the integration)', specifier: 'astro-candor' },
	{ label: '`astro-candor/schema`', specifier: 'astro-candor/schema' },
	{ label: '`astro-candor/core`', specifier: 'astro-candor/core' },
	{ label: 'the `candor` CLI (what bin/candor.js loads)', specifier: CLI },
];

/** Packages whose presence in an entry's module graph the report names. */
const WATCHED = ['satori', '@resvg/resvg-js', '@astrojs/markdown-remark', 'shiki', 'astro'];

const timeProbe = (specifier) =>
	`const t0 = performance.now(); await import(${JSON.stringify(specifier)}); ` +
	'console.log(JSON.stringify({ ms: performance.now() - t0 }));';

// `module.registerHooks` (Node ≥ 22.15) sees every resolved module, static and dynamic.
const graphProbe = (specifier) =>
	"import { registerHooks } from 'node:module'; const urls = new Set(); " +
	'registerHooks({ resolve(s, c, next) { const r = next(s, c); urls.add(r.url); return r; } }); ' +
	`await import(${JSON.stringify(specifier)}); ` +
	'const packages = new Set([...urls].flatMap((u) => { const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(u); return m ? [m[1]] : []; })); ' +
	'console.log(JSON.stringify({ modules: [...urls].filter((u) => !u.startsWith("node:")).length, packages: [...packages] }));';

const node = (code) => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').at(-1));

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * @param {{ runs?: number, entries?: typeof ENTRIES, log?: (s: string) => void }} options
 * @returns {{ runs: number, rows: Array<{ label: string, specifier: string, ms: number[], medianMs: number, modules?: number, packages?: number, watched?: string[] }> }}
 */
export function runImportsBench({ runs = 7, entries = ENTRIES, log = () => {} } = {}) {
	const rows = entries.map((e) => ({ ...e, ms: [] }));
	for (let i = 0; i < runs; i++) {
		log(`  imports: round ${i + 1} of ${runs}…`);
		for (const row of rows) row.ms.push(node(timeProbe(row.specifier)).ms);
	}
	for (const row of rows) {
		row.medianMs = median(row.ms);
		try {
			const graph = node(graphProbe(row.specifier));
			row.modules = graph.modules;
			row.packages = graph.packages.length;
			row.watched = WATCHED.filter((p) => graph.packages.includes(p));
		} catch {
			// An older Node without module.registerHooks: times only.
		}
	}
	return { runs, rows };
}
