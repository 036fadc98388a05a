/**
 * A pool of worker threads, each with its own engine built from the same options, that audit
 * posts handed to them one message at a time. The engine is deterministic, so a pooled audit
 * is identical to one made on the main thread (tests/unit/audit-pool.test.ts checks it).
 *
 * Used where the work repays starting a thread (~0.3 s each: loading the parser, then warming
 * up): the build's gate for its uncached posts, and `candor audit` on many files. A job carries
 * either the post's text or a file to read in the worker, so the main thread of a CLI run
 * never holds the sources.
 */
import { Worker } from 'node:worker_threads';
import type { AuditOptions, PostAudit } from '../core/index.js';

/** What is kept of an audit: everything but the per-sentence detail, which only the preview needs. */
export type StoredAudit = Omit<PostAudit, 'sentences'> & {
	/** Sentences that are not pitch and carry an expertise signal (steps, code, an explanation, evidence…). */
	expertiseSentences: number;
};

/** An audit as stored and sent between threads: without the per-sentence detail. */
export function storedAudit({ sentences, ...audit }: PostAudit): StoredAudit {
	const expertiseSentences = sentences.filter((s) => s.label !== 'pitch' && s.signals.some((signal) => signal.orientation === 'expertise' && !signal.suppressed)).length;
	return { ...audit, expertiseSentences };
}

/** Below this many posts to audit, starting worker threads costs more than it saves. */
export const MIN_POSTS_FOR_THREADS = 200;
/**
 * Posts in flight per worker: enough to keep it busy, few enough that memory stays flat. Inside
 * `astro build` this thread runs Astro and Vite for long stretches between turns of its event
 * loop; with 8 in flight the workers waited for it (a prefetch of 1,000 posts audited 6 ms a
 * post instead of 2), 32 keep them busy (a file job is a path; its audit is kept anyway).
 */
export const IN_FLIGHT_PER_THREAD = 32;

/** How a thread count is written (`--threads`, `CANDOR_THREADS`), for messages. */
export const THREAD_COUNT_RULE = 'a whole number from 0 to 64';

/** A thread count as the user wrote it, or undefined when it breaks THREAD_COUNT_RULE. */
export function parseThreadCount(text: string): number | undefined {
	return /^\d+$/.test(text) && Number(text) <= 64 ? Number(text) : undefined;
}

/**
 * Starts `start(item)` for each item with at most `window` started and not yet taken, and
 * hands each result to `take` in the items' order, so memory stays bounded however many
 * items there are. A rejection is thrown when its turn comes.
 */
export async function inOrder<T, R>(items: Iterable<T>, window: number, start: (item: T) => Promise<R>, take: (result: R) => unknown): Promise<void> {
	const started: Array<Promise<R>> = [];
	for (const item of items) {
		const next = start(item);
		next.catch(() => {}); // surfaces when its turn comes, not as an unhandled rejection
		started.push(next);
		if (started.length >= window) await take(await started.shift()!);
	}
	while (started.length > 0) await take(await started.shift()!);
}

export type AuditJob = { format: 'md' | 'mdx'; threshold: number } & ({ source: string } | { file: string });

/**
 * `ok: false` is a file the worker could not read (its reason), never an engine failure. A file
 * job's audit comes with the cache key of the text the worker read (pool/audit-key.ts).
 */
export type JobResult = { ok: true; audit: StoredAudit; key?: string } | { ok: false; reason: string };

/** What a worker sends back for job `id`; `crash` is an unexpected engine exception. */
export type WorkerReply = { id: number } & (JobResult | { ok: 'crash'; message: string });

interface Slot {
	worker: Worker;
	pending: Set<number>;
}

export class AuditPool {
	private readonly waiting = new Map<number, { resolve: (result: JobResult) => void; reject: (error: Error) => void }>();
	private nextId = 0;
	/**
	 * A finding's rule id, message and suggestion come from its rule, one string shared by every post on
	 * the thread that made them; a message from a worker brings a copy of each. Sharing them
	 * again keeps a big site's audits about a third smaller in memory.
	 */
	private readonly strings = new Map<string, string>();

	private readonly slots: Slot[] = [];
	private alive = true;

	constructor(
		private readonly options: AuditOptions,
		size: number,
		/** Workers at the lowest CPU priority (pool/background-thread.ts): for work beside Astro's. */
		private readonly background = false,
	) {
		this.grow(size);
	}

	get size(): number {
		return this.slots.length;
	}

	/** Starts workers until the pool has `size` (a prefetch's pool, reused by a pass that wants more threads). */
	grow(size: number): void {
		while (this.slots.length < size) {
			const slot: Slot = { worker: new Worker(new URL('./audit-worker.js', import.meta.url), { workerData: { options: this.options, background: this.background } }), pending: new Set() };
			slot.worker.on('message', (reply: WorkerReply) => this.settle(slot, reply));
			slot.worker.on('error', (error) => this.fail(slot, error));
			slot.worker.on('exit', (code) => this.fail(slot, new Error(`an audit worker stopped (exit code ${code})`)));
			if (!this.alive) slot.worker.unref();
			this.slots.push(slot);
		}
	}

	/** Audits one post in the least busy worker. */
	run(job: AuditJob): Promise<JobResult> {
		const slot = this.slots.reduce((best, s) => (s.pending.size < best.pending.size ? s : best));
		const id = this.nextId++;
		return new Promise((resolve, reject) => {
			this.waiting.set(id, { resolve, reject });
			slot.pending.add(id);
			slot.worker.postMessage({ id, ...job });
		});
	}

	/** Whether the pool's workers keep the process alive: an idle pool kept for later must not. */
	keepAlive(alive: boolean): void {
		this.alive = alive;
		for (const { worker } of this.slots) {
			if (alive) worker.ref();
			else worker.unref();
		}
	}

	async close(): Promise<void> {
		await Promise.all(this.slots.map(({ worker }) => worker.terminate()));
	}

	private settle(slot: Slot, reply: WorkerReply) {
		const waiter = this.waiting.get(reply.id);
		this.waiting.delete(reply.id);
		slot.pending.delete(reply.id);
		if (!waiter) return;
		if (reply.ok === 'crash') waiter.reject(new Error(reply.message));
		else if (!reply.ok) waiter.resolve({ ok: false, reason: reply.reason });
		else {
			for (const finding of reply.audit.findings) {
				finding.ruleId = this.shared(finding.ruleId);
				finding.message = this.shared(finding.message);
				if (finding.suggestion) finding.suggestion = this.shared(finding.suggestion);
			}
			waiter.resolve({ ok: true, audit: reply.audit, ...(reply.key ? { key: reply.key } : {}) });
		}
	}

	private shared(text: string): string {
		const known = this.strings.get(text);
		if (known !== undefined) return known;
		this.strings.set(text, text);
		return text;
	}

	/** A worker that died takes its jobs with it: they fail rather than wait forever. */
	private fail(slot: Slot, error: Error) {
		for (const id of slot.pending) {
			this.waiting.get(id)?.reject(error);
			this.waiting.delete(id);
		}
		slot.pending.clear();
	}
}
