/**
 * Finding and reading posts from disk, for the CLI and the build alike. Reading never writes; a file that is
 * not UTF-8 text is an input error with its reason, never silently skipped.
 */
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, relative, resolve } from 'node:path';
import { glob } from 'tinyglobby';

export const POST_EXTENSIONS = ['.md', '.mdx', '.markdown', '.txt'];

export interface ExpandResult {
	files: string[];
	/** Paths that do not exist or are not posts: reported as input errors. */
	missing: Array<{ path: string; reason: string }>;
}

/** Files and folders (searched recursively, skipping `node_modules` and dot-folders) to post files, sorted. */
export async function expandPaths(paths: string[], cwd: string): Promise<ExpandResult> {
	const files = new Set<string>();
	const missing: ExpandResult['missing'] = [];
	for (const path of paths) {
		const absolute = resolve(cwd, path);
		let info;
		try {
			info = await stat(absolute);
		} catch {
			missing.push({ path, reason: 'no such file or folder' });
			continue;
		}
		if (info.isDirectory()) {
			const found = await glob(POST_EXTENSIONS.map((ext) => `**/*${ext}`), {
				cwd: absolute,
				absolute: true,
				ignore: ['**/node_modules/**', '**/.*/**'],
			});
			for (const file of found) files.add(resolve(file));
		} else if (POST_EXTENSIONS.includes(extname(absolute).toLowerCase())) {
			files.add(absolute);
		} else {
			missing.push({ path, reason: `not a post: Candor audits ${POST_EXTENSIONS.join(', ')} files` });
		}
	}
	return { files: [...files].sort(), missing };
}

export const displayPath = (file: string, cwd: string) => {
	const rel = relative(cwd, file);
	return rel && !rel.startsWith('..') ? rel : file;
};

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Reads a post as UTF-8 text, refusing binary and other encodings with a reason. */
export async function readPost(file: string): Promise<ReadResult> {
	let bytes: Buffer;
	try {
		bytes = await readFile(file);
	} catch (error) {
		return unreadable(error);
	}
	return decodePost(bytes);
}

/**
 * `readPost` without giving up the thread: for a pass that only reads and hashes a site's posts
 * inside `astro build`, where every turn given up waits behind Vite's work on this thread
 * (1,000 posts read asynchronously took 2.8 s there; synchronously, a few dozen milliseconds).
 */
export function readPostSync(file: string): ReadResult {
	let bytes: Buffer;
	try {
		bytes = readFileSync(file);
	} catch (error) {
		return unreadable(error);
	}
	return decodePost(bytes);
}

function unreadable(error: unknown): ReadResult {
	const code = (error as NodeJS.ErrnoException).code;
	return { ok: false, reason: `cannot read the file (${code === 'EACCES' ? 'permission denied' : (code ?? 'unknown error')})` };
}

function decodePost(bytes: Buffer): ReadResult {
	if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
		return { ok: false, reason: 'the file is UTF-16; save it as UTF-8' };
	}
	if (bytes.includes(0)) return { ok: false, reason: 'the file is binary (it contains NUL bytes), not Markdown text' };
	try {
		return { ok: true, text: decoder.decode(bytes) };
	} catch {
		return { ok: false, reason: 'the file is not valid UTF-8; save it as UTF-8' };
	}
}

export const formatOf = (file: string): 'md' | 'mdx' => (extname(file).toLowerCase() === '.mdx' ? 'mdx' : 'md');
