/**
 * Auditing in worker threads gives the same audits as auditing in one thread. Runs the
 * built package (the worker is a compiled file) on enough posts to start a worker.
 */
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createAuditor } from '../../integrations/candor/dist/core/index.js';
import { AuditStore } from '../../integrations/candor/dist/integration/audit-store.js';

const options = { brand: ['Acme'], ownedDomains: ['acme.example'], threshold: 10 };
const sentences = [
	'Run the migration before you restart the workers, because the new code reads the column.',
	'Sign up today and get 30% off with code SPRING.',
	'Our award-winning platform is trusted by over 20,000 teams.',
	'The p99 latency dropped from 310 ms to 95 ms after the change.',
	'However, the lock adds a round trip to every job.',
	'Book a demo with our team to see the best-in-class dashboard.',
];
const posts = Array.from({ length: 400 }, (_, i) => ({
	path: `content/blog/post-${i}.md`,
	source: `---\ntitle: Post ${i}\n---\n\n${Array.from({ length: 12 }, (_, j) => sentences[(i * 7 + j * 3) % sentences.length]).join(' ')}\n`,
	format: 'md' as const,
	threshold: 10,
}));

describe.skipIf(availableParallelism() < 2)('the audit pool', () => {
	it('gives, with worker threads, exactly the audits of a single thread', async () => {
		const store = new AuditStore(createAuditor(options), 'test', undefined);
		const pooled = await store.auditMany(posts, options);
		expect(store.misses).toBe(400);
		const auditor = createAuditor(options);
		const single = posts.map((post) => {
			const { sentences: _, ...audit } = auditor.audit(post.source, post.format, post.threshold);
			return audit;
		});
		expect(JSON.stringify(pooled)).toBe(JSON.stringify(single));
		// A second pass is served from the store.
		await store.auditMany(posts, options);
		expect(store.hits).toBe(400);
	});
});
