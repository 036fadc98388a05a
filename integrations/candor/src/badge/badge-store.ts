/**
 * Badges (and social cards) are deduplicated by content and cached across builds by a hash
 * of template, font and text: a site with 10,000 posts renders only its distinct badges, and
 * an unchanged rebuild renders none. Cache I/O failures are misses, never errors.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export class RenderedFileStore {
	/** Files of this build: name → content. */
	readonly files = new Map<string, string | Buffer>();
	rendered = 0;
	fromCache = 0;

	constructor(
		/** Folder of the persistent cache, or undefined for none. */
		private readonly cacheDir: string | undefined,
		private readonly isValid: (content: Buffer) => boolean,
	) {}

	/** The file `name` (a content hash plus extension): from this build, the cache, or `render()`. */
	async get(name: string, render: () => Promise<string | Buffer>): Promise<string> {
		if (this.files.has(name)) return name;
		if (this.cacheDir) {
			try {
				const cached = await readFile(join(this.cacheDir, name));
				if (this.isValid(cached)) {
					this.files.set(name, cached);
					this.fromCache++;
					return name;
				}
			} catch {
				// not cached yet
			}
		}
		const content = await render();
		this.rendered++;
		this.files.set(name, content);
		if (this.cacheDir) {
			try {
				await mkdir(this.cacheDir, { recursive: true });
				await writeFile(join(this.cacheDir, name), content);
			} catch {
				// A cache that cannot be written only costs time on the next build.
			}
		}
		return name;
	}

	/** Writes this build's files (only those named in `only`, when given) into `outDir`. */
	async writeAll(outDir: string, only?: ReadonlySet<string>): Promise<number> {
		const files = [...this.files].filter(([name]) => !only || only.has(name));
		if (files.length === 0) return 0;
		await mkdir(outDir, { recursive: true });
		await Promise.all(files.map(([name, content]) => writeFile(join(outDir, name), content)));
		return files.length;
	}
}

export const isSvg = (content: Buffer) => content.subarray(0, 5).toString() === '<svg ' && content.subarray(-6).toString().trim().endsWith('</svg>');
export const isPng = (content: Buffer) => content.length > 8 && content.subarray(1, 4).toString() === 'PNG';
