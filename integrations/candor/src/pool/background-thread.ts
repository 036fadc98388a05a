/**
 * Work Candor does beside Astro (the prefetch's audits during the content sync, the badges
 * during the Vite build) runs in threads at the lowest CPU priority, so that on a busy machine
 * Astro's own threads (its main thread, Vite's and the bundler's workers, the garbage collector's)
 * come first and Candor takes the time they leave idle. On 2 cores a prefetch at normal
 * priority made a cold 1,000-post build's content sync 0.5–1.4 s slower.
 *
 * Linux only: a thread's id is read from /proc/thread-self and reniced alone (setpriority on a
 * thread id affects that thread). Elsewhere, or if it fails, the thread keeps its priority.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { isMainThread } from 'node:worker_threads';

/** The lowest priority there is (nice 19). */
export const BACKGROUND_NICE = 19;

/** Lowers the calling worker thread's priority; never the main thread's. Returns whether it did. */
export function runInBackground(): boolean {
	if (isMainThread || process.platform !== 'linux') return false;
	try {
		const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
		if (!Number.isInteger(tid) || tid <= 0 || tid === process.pid) return false;
		setPriority(tid, BACKGROUND_NICE);
		return true;
	} catch {
		return false;
	}
}
