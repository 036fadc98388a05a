/**
 * Audits of posts, kept between builds: an unchanged post (same content, same threshold,
 * same options, same engine version) is not audited again. The cache is a single JSON file
 * in Astro's cache directory; an unreadable or foreign cache is ignored, never trusted, and
 * an entry only counts when the SHA-256 of the post's current content matches.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type AuditOptions, type Auditor, ENGINE_VERSION, type PostAudit } from '../core/index.js';

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

	/**
	 * Audits many posts: cached ones from the cache, the others split between this thread and
	 * worker threads (one per spare core) when there are enough of them to repay starting a
	 * worker. Results come back in the order given.
	 */
	async auditMany(
		items: Array<{ path: string; source: string; format: 'md' | 'mdx'; threshold: number }>,
		options: AuditOptions,
	): Promise<StoredAudit[]> {
		const results = new Array<StoredAudit>(items.length);
		const misses: number[] = [];
		const keys = items.map((item) => sha256(`${item.threshold}\0${item.format}\0${item.source}`));
		items.forEach((item, i) => {
			const entry = this.entries[item.path];
			if (entry && entry.key === keys[i] && isStoredAudit(entry.audit)) {
				this.hits++;
				results[i] = entry.audit;
			} else misses.push(i);
		});
		const spare = Math.min(availableParallelism() - 1, MAX_WORKERS);
		const workers = Math.ceil(misses.length / (spare + 1)) >= MIN_POSTS_PER_WORKER ? spare : 0;
		const perThread = Math.ceil(misses.length / (workers + 1));
		// Workers take the first shares; this thread audits the last while they run.
		const shares = Array.from({ length: workers + 1 }, (_, w) => misses.slice(w * perThread, (w + 1) * perThread));
		const pending = shares.slice(0, workers).map((share) => this.inWorker(share.map((i) => ({ id: i, ...items[i]! })), options));
		for (const i of shares.at(-1) ?? []) {
			const item = items[i]!;
			const { sentences: _sentences, ...audit } = this.auditor.audit(item.source, item.format, item.threshold);
			this.remember(item.path, keys[i]!, audit);
			results[i] = audit;
		}
		for (const done of await Promise.all(pending)) {
			for (const { id, audit } of done) {
				this.remember(items[id]!.path, keys[id]!, audit);
				results[id] = audit;
			}
		}
		return results;
	}

	private remember(path: string, key: string, audit: StoredAudit) {
		this.entries[path] = { key, audit };
		this.dirty = true;
		this.misses++;
	}

	private inWorker(jobs: Array<{ id: number; source: string; format: 'md' | 'mdx'; threshold: number }>, options: AuditOptions): Promise<Array<{ id: number; audit: StoredAudit }>> {
		return new Promise((done, fail) => {
			const worker = new Worker(new URL('./audit-worker.js', import.meta.url), { workerData: { options } });
			const results: Array<{ id: number; audit: StoredAudit }> = [];
			worker.on('message', (result: { id: number; audit: StoredAudit }) => {
				results.push(result);
				if (results.length === jobs.length) void worker.terminate().then(() => done(results));
			});
			worker.on('error', fail);
			for (const { id, source, format, threshold } of jobs) worker.postMessage({ id, source, format, threshold });
		});
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

/** Below this many posts per thread, starting a worker (~100 ms) costs more than it saves. */
const MIN_POSTS_PER_WORKER = 100;
const MAX_WORKERS = 7;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function isStoredAudit(value: unknown): value is StoredAudit {
	const audit = value as StoredAudit;
	return (
		typeof audit === 'object' && audit !== null && audit.engineVersion === ENGINE_VERSION && typeof audit.score === 'number' &&
		typeof audit.threshold === 'number' && ['pass', 'fail', 'error'].includes(audit.verdict) && Array.isArray(audit.findings)
	);
}
