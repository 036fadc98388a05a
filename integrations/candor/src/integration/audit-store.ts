/**
 * Audits of posts, kept between builds: an unchanged post (same content, same threshold,
 * same options, same engine version) is not audited again. The cache is a single JSON file
 * in Astro's cache directory; an unreadable or foreign cache is ignored, never trusted, and
 * an entry only counts when the SHA-256 of the post's current content matches.
 */
import { availableParallelism } from 'node:os';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AuditOptions, Auditor } from '../core/index.js';
import { ENGINE_VERSION } from '../core/version.js';
import { readPost, readPostSync } from '../io/read-post.js';
import { auditKey as keyOf } from '../pool/audit-key.js';
import { AuditPool, IN_FLIGHT_PER_THREAD, inOrder, MIN_POSTS_FOR_THREADS, type StoredAudit, storedAudit } from '../pool/audit-pool.js';

export type { StoredAudit };

interface CacheFile {
	version: 1;
	engineVersion: string;
	optionsHash: string;
	entries: Record<string, { key: string; audit: StoredAudit }>;
}

export class AuditStore {
	private entries: CacheFile['entries'] = {};
	private dirty = false;
	/** Entries a prefetch made that no pass has used yet: the first pass counts them as audited, not cached. */
	private readonly prefetched = new Set<string>();
	private prefetching: { stop: () => void; pool: () => AuditPool | undefined } | undefined;
	/** Resolves when the last prefetch has finished or been stopped. */
	prefetchDone: Promise<void> = Promise.resolve();
	hits = 0;
	misses = 0;

	constructor(
		/** The auditor for posts audited on this thread, made on first use: a build whose posts all come from the cache (or from worker threads) never loads the model here. */
		private readonly auditor: () => Promise<Auditor>,
		private readonly optionsHash: string,
		/** Absolute path of the cache file, or undefined for no persistence. */
		private readonly cacheFile: string | undefined,
		/** Worker threads to audit in; by default one per core when there are enough posts. */
		private readonly threads?: number,
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
	 * Audits the posts of a site, reading each from disk: unchanged ones come from the cache, the
	 * others are audited in worker threads when there are enough of them to repay starting the
	 * threads, else on this thread. Results come back in the order given.
	 *
	 * Memory stays flat in the number of posts but for the results: a first pass reads and
	 * hashes the posts one at a time, keeping only which ones changed; a second has those
	 * read again and audited, by the workers when there are any, with a bounded number in
	 * flight. (Reading a changed post twice costs far less than holding a whole site's text; the
	 * key is taken from the text audited.)
	 */
	async auditPosts(posts: PostFile[], options: AuditOptions): Promise<PostResult[]> {
		const warm = await this.endPrefetch();
		const results = new Array<PostResult>(posts.length);
		const misses: number[] = [];
		// Read and hashed without giving up the thread (io/read-post.ts, readPostSync): one post's
		// text at a time, kept only for the posts that changed.
		posts.forEach((post, i) => {
			const read = readPostSync(post.file);
			if (!read.ok) {
				results[i] = read;
				return;
			}
			const entry = this.entries[post.path];
			if (entry && entry.key === keyOf(post, read.text) && isStoredAudit(entry.audit)) {
				if (this.prefetched.delete(post.path)) this.misses++;
				else this.hits++;
				results[i] = { ok: true, audit: entry.audit };
			} else misses.push(i);
		});

		// Worker threads, one per core, when there are enough posts to repay starting them. This
		// thread then only hands out file names: the workers read the posts and key their audits by
		// the text they read. Inside `astro build` this thread carries Astro's whole heap and runs
		// Vite between its turns; auditing here was measured twice as slow as in workers
		// (`npm run bench`, section 6b).
		// The prefetch's workers, already started and warm, are kept, and more started when this
		// pass wants more threads than it had.
		const threads = this.threads ?? (misses.length >= MIN_POSTS_FOR_THREADS ? Math.min(availableParallelism(), MAX_WORKERS) : 0);
		const reuse = warm !== undefined && misses.length > 0 && this.threads !== 0;
		if (warm && !reuse) await warm.close();
		if (reuse && threads > warm.size) warm.grow(Math.min(threads, misses.length));
		const pool = reuse ? warm : threads > 0 && misses.length > 0 ? new AuditPool(options, Math.min(threads, misses.length)) : undefined;
		try {
			await inOrder(
				misses,
				pool ? pool.size * IN_FLIGHT_PER_THREAD : 1,
				async (i) => {
					const post = posts[i]!;
					let audit: StoredAudit;
					let key: string;
					if (pool) {
						const result = await pool.run({ file: post.file, format: post.format, threshold: post.threshold });
						if (!result.ok) {
							results[i] = result;
							return;
						}
						audit = result.audit;
						key = result.key!;
					} else {
						const read = await readPost(post.file);
						if (!read.ok) {
							results[i] = read;
							return;
						}
						audit = storedAudit((await this.auditor()).audit(read.text, post.format, post.threshold));
						key = keyOf(post, read.text);
					}
					this.remember(post.path, key, audit);
					this.misses++;
					results[i] = { ok: true, audit };
				},
				() => {},
			);
		} finally {
			await pool?.close();
		}
		return results;
	}

	/**
	 * Audits files that are probably posts before the build knows its posts, in worker threads,
	 * while Astro syncs content on its own thread and a core would otherwise idle. Each result is
	 * kept under the key the real pass computes (path, threshold, format, text), so a post whose
	 * text and threshold match is not audited again, and anything else (a file that is no post, a
	 * post of a collection with its own threshold, a file edited since) is audited as usual.
	 * `auditPosts` stops it: what has not started by then is left to the real pass. Never throws:
	 * a file it cannot read or audit is simply left for the real pass to report.
	 */
	prefetch(posts: PostFile[], options: AuditOptions, threads: number): void {
		let stopped = false;
		// Started on the first post that needs an audit: a warm build, every post cached, starts
		// no thread and never loads the engine.
		let pool: AuditPool | undefined;
		const started = () => {
			if (!pool) {
				pool = new AuditPool(options, threads, true);
				// Optional work: the workers never keep a build's process alive, busy or idle.
				pool.keepAlive(false);
			}
			return pool;
		};
		const done = inOrder(
			posts,
			threads * IN_FLIGHT_PER_THREAD,
			async (post) => {
				if (stopped) return;
				try {
					const entry = this.entries[post.path];
					let key: string | undefined;
					let result;
					if (entry && isStoredAudit(entry.audit)) {
						// A cached post is read here, and audited only when it changed.
						const read = await readPost(post.file);
						if (!read.ok || stopped) return;
						key = keyOf(post, read.text);
						if (entry.key === key) return;
						result = await started().run({ source: read.text, format: post.format, threshold: post.threshold });
					} else {
						// The worker reads the file: this thread, busy with Astro's content sync, only hands out names.
						result = await started().run({ file: post.file, format: post.format, threshold: post.threshold });
						if (result.ok) key = result.key;
					}
					if (!result.ok || !key) return;
					this.remember(post.path, key, result.audit);
					this.prefetched.add(post.path);
				} catch {
					// left for the real pass, which reports it
				}
			},
			() => {},
		);
		this.prefetchDone = done.catch(() => {});
		this.prefetching = { stop: () => void (stopped = true), pool: () => pool };
	}

	/** Stops a prefetch and waits for the audits it has in flight; its pool (if it started one), still running, is the caller's to use or close. */
	private async endPrefetch(): Promise<AuditPool | undefined> {
		if (!this.prefetching) return undefined;
		const { stop, pool } = this.prefetching;
		this.prefetching = undefined;
		stop(); // no job starts after this, so no pool either
		pool()?.keepAlive(true); // its last answers are awaited now
		await this.prefetchDone;
		return pool();
	}

	private remember(path: string, key: string, audit: StoredAudit) {
		this.entries[path] = { key, audit };
		this.dirty = true;
		this.prefetched.delete(path);
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

const MAX_WORKERS = 8;

/** A post on disk, as the gate hands it over. */
export interface PostFile {
	/** The cache key's name for it: the path relative to the site's root. */
	path: string;
	/** Absolute path to read. */
	file: string;
	format: 'md' | 'mdx';
	threshold: number;
}

/** The audit of a post, or why it could not be read. */
export type PostResult = { ok: true; audit: StoredAudit } | { ok: false; reason: string };

function isStoredAudit(value: unknown): value is StoredAudit {
	const audit = value as StoredAudit;
	return (
		typeof audit === 'object' && audit !== null && audit.engineVersion === ENGINE_VERSION && typeof audit.score === 'number' &&
		typeof audit.threshold === 'number' && ['pass', 'fail', 'error'].includes(audit.verdict) && Array.isArray(audit.findings) &&
		typeof audit.expertiseSentences === 'number'
	);
}
