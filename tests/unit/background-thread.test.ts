/**
 * Candor's work beside Astro runs at the lowest CPU priority in its own threads, and only
 * there: the thread that asks is reniced, the process's main thread (Astro's) is not. Read from
 * the kernel (/proc), with the built module loaded in a real worker thread.
 */
import { readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { runInBackground } from '../../integrations/candor/dist/pool/background-thread.js';
import { repoRoot } from '../helpers/astro.ts';

const MODULE = pathToFileURL(`${repoRoot}/integrations/candor/dist/pool/background-thread.js`).href;
/** The nice value of the calling thread, field 19 of /proc/thread-self/stat (after the command name). */
const OWN_NICE = "Number(readFileSync('/proc/thread-self/stat', 'utf8').replace(/^.*\\) /s, '').split(' ')[16])";

function inWorker(body: string): Promise<{ lowered: boolean; nice: number }> {
	const code = `import { readFileSync } from 'node:fs'; import { parentPort } from 'node:worker_threads'; import { runInBackground } from ${JSON.stringify(MODULE)};
${body}`;
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`));
		worker.once('message', (message) => {
			resolve(message);
			void worker.terminate();
		});
		worker.once('error', reject);
	});
}

describe.runIf(process.platform === 'linux')('threads beside Astro', () => {
	it('runs a worker at nice 19 and leaves the main thread as it was', async () => {
		const before = getPriority();
		const reply = await inWorker(`const lowered = runInBackground(); parentPort.postMessage({ lowered, nice: ${OWN_NICE} });`);
		expect(reply).toEqual({ lowered: true, nice: 19 });
		expect(getPriority()).toBe(before);
		expect(Number(readFileSync('/proc/thread-self/stat', 'utf8').replace(/^.*\) /s, '').split(' ')[16])).toBe(before);
	});

	it('never renices the main thread', () => {
		expect(runInBackground()).toBe(false);
	});

	it('leaves a worker that does not ask at its priority', async () => {
		const reply = await inWorker(`parentPort.postMessage({ lowered: false, nice: ${OWN_NICE} });`);
		expect(reply.nice).toBe(getPriority());
	});
});
