/**
 * The CLI's view of an Astro project: the options of the site's `candor()` from its Astro
 * config, so `candor audit` and `astro build` agree on every verdict.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ResolvedCandorOptions } from '../options.js';

const CONFIG_NAMES = ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts', 'astro.config.cjs', 'astro.config.cts'];
const CANDOR_OPTIONS = Symbol.for('astro-candor.options');

export interface SiteConfig {
	configFile: string;
	root: string;
	options: ResolvedCandorOptions;
	/** Astro's content data store after a build (collections → files), if one exists. */
	dataStoreFile: URL;
}

export type SiteConfigResult = { found: false } | { found: true; site: SiteConfig } | { found: 'error'; configFile: string; reason: string };

/**
 * The config's default export, loaded the way `astro build` loads it: a plain JavaScript
 * config with Node's `import()`, anything else (TypeScript, imports of local modules without
 * extension, `@/` aliases from tsconfig `paths`) through Vite's module runner with the options
 * of Astro's own config loader (`resolve.tsconfigPaths`, dependencies left to Node).
 */
async function loadConfigModule(configFile: string, root: string): Promise<unknown> {
	if (/\.[cm]?js$/.test(configFile)) {
		try {
			return ((await import(pathToFileURL(configFile).href)) as { default?: unknown }).default;
		} catch {
			// Astro falls back to Vite as well: an `.mjs` config may import a `.ts` module.
		}
	}
	const { runnerImport } = await importVite(root);
	const { module } = await runnerImport<{ default?: unknown }>(configFile, {
		root,
		configFile: false,
		logLevel: 'silent',
		clearScreen: false,
		server: { middlewareMode: true, hmr: false, watch: null, ws: false },
		optimizeDeps: { noDiscovery: true },
		ssr: { external: true },
		resolve: { tsconfigPaths: true },
	});
	return module.default;
}

/** Vite, from wherever the site's Astro installed it (a strict package manager may not hoist it). */
async function importVite(root: string): Promise<typeof import('vite')> {
	try {
		return await import('vite');
	} catch {
		const fromAstro = createRequire(createRequire(join(root, 'package.json')).resolve('astro/package.json'));
		const vitePackage = fromAstro.resolve('vite/package.json');
		return (await import(pathToFileURL(join(dirname(vitePackage), 'dist/node/index.js')).href)) as typeof import('vite');
	}
}

export async function loadSiteConfig(cwd: string, explicit?: string): Promise<SiteConfigResult> {
	const configFile = explicit ? resolve(cwd, explicit) : CONFIG_NAMES.map((name) => resolve(cwd, name)).find((file) => existsSync(file));
	if (!configFile) return { found: false };
	let config: { integrations?: unknown[]; root?: string | URL; cacheDir?: string | URL } | undefined;
	try {
		const exported = await loadConfigModule(configFile, dirname(configFile));
		config = (typeof exported === 'function' ? await (exported as (env: object) => unknown)({ command: 'build', mode: 'production' }) : exported) as typeof config;
	} catch (error) {
		return { found: 'error', configFile, reason: (error instanceof Error ? error.message : String(error)).split('\n')[0]! };
	}
	const integration = (config?.integrations ?? []).flat(Infinity).find(
		(item): item is Record<symbol, ResolvedCandorOptions> => typeof item === 'object' && item !== null && CANDOR_OPTIONS in item,
	);
	if (!integration) return { found: false };
	const root = config?.root ? resolve(cwd, String(config.root instanceof URL ? config.root.pathname : config.root)) : cwd;
	const cacheDir = config?.cacheDir ? resolve(root, String(config.cacheDir instanceof URL ? config.cacheDir.pathname : config.cacheDir)) : resolve(root, 'node_modules/.astro');
	return {
		found: true,
		site: { configFile, root, options: integration[CANDOR_OPTIONS]!, dataStoreFile: pathToFileURL(resolve(cacheDir, 'data-store.json')) },
	};
}
