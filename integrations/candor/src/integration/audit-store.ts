/**
 * Audits of posts, kept between builds: an unchanged post (same content, same threshold,
 * same options, same engine version) is not audited again. The cache is a single JSON file
 * in Astro's cache directory; an unreadable or foreign cache is ignored, never trusted, and
 * an entry only counts when the SHA-256 of the post's current content matches.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type Auditor, ENGINE_VERSION, type PostAudit } from '../core/index.js';

/** What is kept of an audit: everything but the per-sentence detail, which only the preview needs. */
export type StoredAudit = Omit<PostAudit, 'sentences'>;

interface CacheFile {
	version: 1;
	engineVersion: string;
	optionsHash: string;
	entries: Record<string, { key: string; audit: StoredAudit }>;
}

export class AuditStore {
	private entries: CacheFile['entries'] = {};
	private dirty = false;
	hits = 0;
	misses = 0;

	constructor(
		private readonly auditor: Auditor,
		private readonly optionsHash: string,
		/** Absolute path of the cache file, or undefined for no persistence. */
		private readonly cacheFile: string | undefined,
	) {}

	/** Loads the cache; returns why it was discarded, if it was. */
	async load(): Promise<string | undefined> {
		if (!this.cacheFile) return undefined;
		let text: string;
		try {
			text = await readFile(this.cacheFile, 'utf8');
		} catch {
			return undefined; // no cache yet
		}
		try {
			const data = JSON.parse(text) as Partial<CacheFile>;
			if (data.version !== 1 || data.engineVersion !== ENGINE_VERSION || data.optionsHash !== this.optionsHash) return 'made by another engine version or other options';
			if (!data.entries || typeof data.entries !== 'object') return 'damaged';
			this.entries = data.entries;
			return undefined;
		} catch {
			return 'damaged';
		}
	}

	audit(path: string, source: string, format: 'md' | 'mdx', threshold: number): { audit: StoredAudit; cached: boolean } {
		const key = sha256(`${threshold}\0${format}\0${source}`);
		const entry = this.entries[path];
		if (entry && entry.key === key && isStoredAudit(entry.audit)) {
			this.hits++;
			return { audit: entry.audit, cached: true };
		}
		const { sentences: _sentences, ...audit } = this.auditor.audit(source, format, threshold);
		this.entries[path] = { key, audit };
		this.dirty = true;
		this.misses++;
		return { audit, cached: false };
	}

	/** The stored audit of a post audited in this run or found in the cache. */
	peek(path: string): StoredAudit | undefined {
		return this.entries[path]?.audit;
	}

	/** Drops entries of posts that no longer exist, then writes the cache atomically. I/O errors are ignored. */
	async save(keep: Iterable<string>): Promise<void> {
		if (!this.cacheFile) return;
		const keepSet = new Set(keep);
		for (const path of Object.keys(this.entries)) {
			if (!keepSet.has(path)) {
				delete this.entries[path];
				this.dirty = true;
			}
		}
		if (!this.dirty) return;
		const data: CacheFile = { version: 1, engineVersion: ENGINE_VERSION, optionsHash: this.optionsHash, entries: this.entries };
		try {
			await mkdir(dirname(this.cacheFile), { recursive: true });
			const temporary = `${this.cacheFile}.${process.pid}.tmp`;
			await writeFile(temporary, JSON.stringify(data));
			await rename(temporary, this.cacheFile);
			this.dirty = false;
		} catch {
			// A cache that cannot be written only costs time on the next build.
		}
	}
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function isStoredAudit(value: unknown): value is StoredAudit {
	const audit = value as StoredAudit;
	return (
		typeof audit === 'object' && audit !== null && audit.engineVersion === ENGINE_VERSION && typeof audit.score === 'number' &&
		typeof audit.threshold === 'number' && ['pass', 'fail', 'error'].includes(audit.verdict) && Array.isArray(audit.findings)
	);
}
