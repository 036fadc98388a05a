/**
 * A worker thread of the audit pool: the same engine with the same options, one post per
 * message. Results are identical to the main thread's (the engine is deterministic).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createAuditor } from '../core/index.js';

const auditor = createAuditor(workerData.options);
parentPort!.on('message', (job: { id: number; source: string; format: 'md' | 'mdx'; threshold: number }) => {
	const { sentences: _sentences, ...audit } = auditor.audit(job.source, job.format, job.threshold);
	parentPort!.postMessage({ id: job.id, audit });
});
