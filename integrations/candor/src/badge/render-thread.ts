/**
 * Badges and social cards drawn in a worker thread of their own, so satori, yoga and resvg
 * load and run beside Astro rather than on its thread. In a build they render while Vite
 * builds the pages (which only need the images' names, see integration/public-files.ts): on a
 * 5-post site, drawing them here took about 0.3 s of Astro's thread in the middle of its Vite
 * build. The thread starts on the first image the cache lacks, so a warm build never starts it,
 * and it never keeps the process alive while it has nothing to draw. The drawing code is the
 * same (render-badge.ts, social-card.ts), so an image is byte-identical to one drawn here.
 */
import { Worker } from 'node:worker_threads';
import type { BadgeContent } from './badge-content.js';
import type { BadgeVariant } from './render-badge.js';
import type { CardInput } from './social-card.js';

export type RenderJob = { kind: 'badge'; content: BadgeContent; variant: BadgeVariant } | { kind: 'card'; input: CardInput } | { kind: 'warm-up' };
export type RenderReply = { id: number } & ({ ok: true; image: string | Uint8Array } | { ok: false; message: string });

/** A running render thread and the images it has been asked for. */
interface RenderThread {
	worker: Worker;
	waiting: Map<number, { resolve: (image: string | Buffer) => void; reject: (error: Error) => void }>;
}

let current: RenderThread | undefined;
let nextId = 0;

function renderer(): RenderThread {
	if (current) return current;
	const worker = new Worker(new URL('./render-worker.js', import.meta.url));
	worker.unref();
	const thread: RenderThread = { worker, waiting: new Map() };
	// A thread that stops fails its own jobs only: one stopped a moment ago may exit after the
	// next one has started and taken new jobs.
	const failAll = (error: Error) => {
		for (const { reject } of thread.waiting.values()) reject(error);
		thread.waiting.clear();
		if (current === thread) current = undefined;
	};
	worker.on('message', (reply: RenderReply) => {
		const waiter = thread.waiting.get(reply.id);
		thread.waiting.delete(reply.id);
		if (thread.waiting.size === 0) worker.unref();
		if (!waiter) return;
		if (!reply.ok) waiter.reject(new Error(reply.message));
		// A Buffer arrives as a plain Uint8Array: the same bytes, without a copy.
		else waiter.resolve(typeof reply.image === 'string' ? reply.image : Buffer.from(reply.image.buffer, reply.image.byteOffset, reply.image.byteLength));
	});
	worker.on('error', (error) => failAll(error));
	worker.on('exit', (code) => failAll(new Error(`the image worker stopped (exit code ${code})`)));
	current = thread;
	return thread;
}

/** Draws one image in the render thread: an SVG badge (a string) or a PNG card (a Buffer). */
export function renderInThread(job: RenderJob): Promise<string | Buffer> {
	const { worker, waiting } = renderer();
	const id = nextId++;
	return new Promise((resolve, reject) => {
		waiting.set(id, { resolve, reject });
		worker.ref(); // an image someone waits for keeps the process alive until it is drawn
		worker.postMessage({ id, ...job });
	});
}

/**
 * Starts the render thread and has it load satori, yoga and the font and draw one badge it
 * throws away, so the first real badge draws in milliseconds. A cold build calls it while
 * Astro syncs content on its own thread (the other core idles then); it never keeps the
 * process alive.
 */
export function warmUpRenderThread(): void {
	renderer().worker.postMessage({ id: -1, kind: 'warm-up' });
}

/** Stops the render thread (a build's end); the next image starts a new one. */
export async function stopRenderThread(): Promise<void> {
	const running = current;
	current = undefined;
	if (running) await running.worker.terminate();
}
