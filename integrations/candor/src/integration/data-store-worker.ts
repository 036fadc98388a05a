/** The worker thread of ./data-store.ts: reads one store, answers once, and exits with its heap. */
import { parentPort, workerData } from 'node:worker_threads';
import { readStore } from './data-store-reader.js';

const { file, collections } = workerData as { file: string; collections: string[] };
parentPort!.postMessage(await readStore(new URL(file), collections));
