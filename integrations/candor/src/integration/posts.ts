/**
 * Which files are audited: the entries of the configured content collections (read from
 * Astro's content data store, written by the content sync that runs before the build) and
 * any extra folders or globs, minus the excluded paths. Each post carries its threshold.
 */
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { ResolvedCandorOptions } from '../options.js';
import { readStoreEntries, type StoreEntries, type StoreReading } from './data-store.js';

export interface PostRef {
	/** Absolute path on disk. */
	file: string;
	/** Posix path relative to the project root: the key reports and pages use. */
	path: string;
	collection?: string;
	/** Stable public name: `<collection>/<entry id>`, or the path without its extension. */
	slug: string;
	threshold: number;
}

const POST_FILE = /\.(md|mdx|markdown)$/i;

export interface ResolveContext {
	root: string;
	/** Where Astro keeps its content data store for this command. */
	dataStoreFile: URL;
}

export async function resolvePosts(options: ResolvedCandorOptions, context: ResolveContext): Promise<PostRef[]> {
	const posts = new Map<string, PostRef>();
	const add = (file: string, threshold: number, collection?: { name: string; id: string }) => {
		const path = toPosix(relative(context.root, file));
		const slug = collection ? `${collection.name}/${collection.id}` : path.replace(/\.(md|mdx|markdown)$/i, '');
		if (!posts.has(path)) posts.set(path, { file, path, slug, threshold, ...(collection ? { collection: collection.name } : {}) });
	};

	const collections = options.collections.map((c) => (typeof c === 'string' ? { name: c } : c));
	if (collections.length > 0) {
		const store = await readDataStore(context.dataStoreFile, collections.map((c) => c.name));
		for (const collection of collections) {
			const entries = store.collections[collection.name];
			if (!entries) {
				// Astro keeps its own stores beside the collections (`meta::meta`): not the site's names.
				const found = store.names.filter((k) => !k.includes('::'));
				throw new AstroError(
					`Candor cannot find the content collection \`${collection.name}\`.`,
					`Check the name in \`candor({ collections })\` against \`src/content.config.ts\`${found.length ? ` (collections found: ${found.map((k) => `\`${k}\``).join(', ')})` : ' (the site defines no content collection)'}, or audit folders with \`include: ['content/blog/**/*.md']\`.`,
				);
			}
			for (const [id, filePath] of entries) {
				if (typeof filePath === 'string' && POST_FILE.test(filePath)) add(resolve(context.root, filePath), collection.threshold ?? options.threshold, { name: collection.name, id });
			}
		}
	}

	for (const { file, threshold } of await includedFiles(options, context.root, ['**/node_modules/**'])) add(file, threshold);
	for (const path of await excludedPaths(options, context.root)) posts.delete(path);
	return [...posts.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** The Markdown files of the `include` option, each with its threshold. */
async function includedFiles(options: ResolvedCandorOptions, root: string, ignore: string[]): Promise<Array<{ file: string; threshold: number }>> {
	const found = [];
	for (const item of options.include) {
		const { pattern, threshold } = typeof item === 'string' ? { pattern: item, threshold: undefined } : item;
		const globPattern = isDynamicPattern(pattern) || POST_FILE.test(pattern) ? pattern : `${pattern.replace(/\/$/, '')}/**/*.{md,mdx,markdown}`;
		for (const file of await glob(globPattern, { cwd: root, absolute: true, ignore })) {
			if (POST_FILE.test(file)) found.push({ file: resolve(file), threshold: threshold ?? options.threshold });
		}
	}
	return found;
}

/** The root-relative paths the `exclude` option names. */
async function excludedPaths(options: ResolvedCandorOptions, root: string): Promise<string[]> {
	if (options.exclude.length === 0) return [];
	return (await glob(options.exclude, { cwd: root, absolute: true })).map((file) => toPosix(relative(root, file)));
}

/**
 * The files that are probably posts, before the content sync has said which are: the `include`
 * globs, and, when collections are audited, every Markdown file of the project outside
 * dependencies, build output, caches, public files and hidden folders, minus `exclude`. Each
 * with the threshold its post would have if it is one (a collection's own threshold when every
 * audited collection has the same). Only a guess to start auditing early: `resolvePosts` decides.
 */
export async function probablePosts(options: ResolvedCandorOptions, context: { root: string; ignore: string[] }): Promise<ProbablePost[]> {
	const posts = new Map<string, ProbablePost>();
	const add = (file: string, threshold: number) => {
		const path = toPosix(relative(context.root, file));
		if (!posts.has(path)) posts.set(path, { file, path, threshold });
	};
	const ignore = ['**/node_modules/**', '**/.*/**', ...context.ignore.map((dir) => `${toPosix(dir).replace(/\/$/, '')}/**`)];
	for (const { file, threshold } of await includedFiles(options, context.root, ignore)) add(file, threshold);
	const thresholds = new Set(options.collections.map((c) => (typeof c === 'string' ? options.threshold : (c.threshold ?? options.threshold))));
	if (thresholds.size > 0) {
		const threshold = thresholds.size === 1 ? [...thresholds][0]! : options.threshold;
		for (const file of await glob('**/*.{md,mdx,markdown}', { cwd: context.root, absolute: true, ignore })) add(resolve(file), threshold);
	}
	for (const path of await excludedPaths(options, context.root)) posts.delete(path);
	return [...posts.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** A file `probablePosts` guesses is a post, with the threshold it would have. */
export type ProbablePost = Pick<PostRef, 'file' | 'path' | 'threshold'>;

/** The audited collections' entries from Astro's data store (./data-store.ts), or the error that explains why not. */
async function readDataStore(file: URL, collections: string[]): Promise<StoreEntries> {
	let reading: StoreReading;
	try {
		reading = await readStoreEntries(file, collections);
	} catch (error) {
		// The reader's thread failed (it cannot be loaded, or ran out of memory): say so, without a stack.
		throw new AstroError(
			`Candor could not read Astro's content data store at \`${fileURLToPath(file)}\`: ${error instanceof Error ? error.message : String(error)}.`,
			'Reinstall astro-candor if its files are incomplete; on a machine short of memory, audit folders with `candor({ collections: [], include: ["content/blog"] })`.',
		);
	}
	if (reading.ok) return reading.entries;
	if (reading.reason === 'unreadable') {
		throw new AstroError(
			`Candor cannot read Astro's content data store at \`${fileURLToPath(file)}\`.`,
			'It is written by the content sync at the start of `astro build` and `astro dev`; if your site defines no content collections, audit folders with `candor({ collections: [], include: ["src/posts"] })`.',
		);
	}
	throw new AstroError(
		`Candor cannot understand Astro's content data store at \`${fileURLToPath(file)}\`.`,
		'This Astro version stores content differently: audit folders with `candor({ collections: [], include: ["content/blog"] })` instead.',
	);
}

export const toPosix = (path: string) => path.split(sep).join('/');
