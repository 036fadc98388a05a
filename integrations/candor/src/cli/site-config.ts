/**
 * The CLI's view of an Astro project: the options of the site's `candor()` from its Astro
 * config, so `candor audit` and `astro build` agree on every verdict.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
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

export async function loadSiteConfig(cwd: string, explicit?: string): Promise<SiteConfigResult> {
	const configFile = explicit ? resolve(cwd, explicit) : CONFIG_NAMES.map((name) => resolve(cwd, name)).find((file) => existsSync(file));
	if (!configFile) return { found: false };
	let config: { integrations?: unknown[]; root?: string | URL; cacheDir?: string | URL } | undefined;
	try {
		const module = (await import(pathToFileURL(configFile).href)) as { default?: unknown };
		config = (typeof module.default === 'function' ? await (module.default as (env: object) => unknown)({ command: 'build', mode: 'production' }) : module.default) as typeof config;
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
