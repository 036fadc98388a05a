/**
 * A worker thread of the audit pool: the same engine with the same options, one post per
 * message, read here when the job names a file (so the main thread never holds it; the reply
 * then carries the cache key of the text read).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createAuditor } from '../core/index.js';
import { readPost } from '../io/read-post.js';
import { auditKey } from './audit-key.js';
import { type AuditJob, storedAudit, type WorkerReply } from './audit-pool.js';
import { runInBackground } from './background-thread.js';

if (workerData.background) runInBackground(); // before the rules compile and the model loads
const auditor = createAuditor(workerData.options);
parentPort!.on('message', async (job: AuditJob & { id: number }) => {
	let reply: WorkerReply;
	try {
		let source: string;
		let key: string | undefined;
		if ('file' in job) {
			const read = await readPost(job.file);
			if (!read.ok) {
				parentPort!.postMessage({ id: job.id, ok: false, reason: read.reason } satisfies WorkerReply);
				return;
			}
			source = read.text;
			key = auditKey(job, source);
		} else source = job.source;
		reply = { id: job.id, ok: true, audit: storedAudit(auditor.audit(source, job.format, job.threshold)), ...(key ? { key } : {}) };
	} catch (error) {
		reply = { id: job.id, ok: 'crash', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
	}
	parentPort!.postMessage(reply);
});
