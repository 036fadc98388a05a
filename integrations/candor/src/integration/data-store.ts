/**
 * Which entries Astro's content data store holds, per collection: all the gate needs of it is
 * each entry's id and file path. The store also holds every post's body and rendered HTML
 * (126 MB at 10,000 posts), so parsing it allocates far more than the answer: a large store
 * is read in a worker thread of its own, whose heap is gone when it answers, instead of
 * growing Astro's own heap just before Astro renders every page. A small one is read here
 * (a thread's start-up would cost more than the parse).
 */
import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';

/** Per collection name, its entries' ids and file paths; `names`: every collection of the store. */
export interface StoreEntries {
	collections: Record<string, Array<[id: string, filePath: unknown]>>;
	names: string[];
}

export type StoreReading = { ok: true; entries: StoreEntries } | { ok: false; reason: 'unreadable' | 'not-understood' };

/** From this size on, the store is parsed in a worker thread. */
export const WORKER_STORE_BYTES = 8 * 1024 * 1024;

export async function readStoreEntries(file: URL, collections: readonly string[]): Promise<StoreReading> {
	let size: number;
	try {
		size = (await stat(file)).size;
	} catch {
		return { ok: false, reason: 'unreadable' };
	}
	if (size < WORKER_STORE_BYTES) {
		const { readStore } = await import('./data-store-reader.js');
		return readStore(file, collections);
	}
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('./data-store-worker.js', import.meta.url), { workerData: { file: file.href, collections } });
		worker.once('message', (reading: StoreReading) => resolve(reading));
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`the data store reader stopped (exit code ${code}) before it answered`)));
	});
}
