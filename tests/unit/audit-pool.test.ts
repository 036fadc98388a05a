/**
 * Auditing in worker threads gives the same audits as auditing in one thread. Runs the
 * built package (the worker is a compiled file) on enough real files to start a worker.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAuditor } from '../../integrations/candor/dist/core/index.js';
import { AuditStore } from '../../integrations/candor/dist/integration/audit-store.js';
import { storedAudit } from '../../integrations/candor/dist/pool/audit-pool.js';

const options = { brand: ['Acme'], ownedDomains: ['acme.example'], threshold: 10 };
const sentences = [
	'Run the migration before you restart the workers, because the new code reads the column.',
	'Sign up today and get 30% off with code SPRING.',
	'Our award-winning platform is trusted by over 20,000 teams.',
	'The p99 latency dropped from 310 ms to 95 ms after the change.',
	'However, the lock adds a round trip to every job.',
	'Book a demo with our team to see the best-in-class dashboard.',
];
const dir = mkdtempSync(join(tmpdir(), 'candor-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const posts = Array.from({ length: 400 }, (_, i) => {
	const source = `---\ntitle: Post ${i}\n---\n\n${Array.from({ length: 12 }, (_, j) => sentences[(i * 7 + j * 3) % sentences.length]).join(' ')}\n`;
	const file = join(dir, `post-${i}.md`);
	writeFileSync(file, source);
	return { path: `content/blog/post-${i}.md`, file, source, format: 'md' as const, threshold: 10 };
});

describe('the audit pool', () => {
	it('gives, with worker threads, exactly the audits of a single thread', async () => {
		const store = new AuditStore(async () => createAuditor(options), 'test', undefined, 2);
		const pooled = await store.auditPosts(posts, options);
		expect(store.misses).toBe(400);
		expect(pooled.every((result) => result.ok)).toBe(true);
		const auditor = createAuditor(options);
		const single = posts.map((post) => storedAudit(auditor.audit(post.source, post.format, post.threshold)));
		expect(JSON.stringify(pooled.map((result) => result.ok && result.audit))).toBe(JSON.stringify(single));
		// A second pass is served from the store; a changed post and an unreadable one are not.
		writeFileSync(posts[7]!.file, `${posts[7]!.source}\nSign up today and get 30% off.\n`);
		writeFileSync(posts[8]!.file, Buffer.from([0xff, 0xfe, 0x41, 0x00]));
		const again = await store.auditPosts(posts, options);
		expect(store.hits).toBe(398);
		expect(store.misses).toBe(401);
		expect(again[7]).toMatchObject({ ok: true, audit: { findings: expect.arrayContaining([expect.objectContaining({ ruleId: 'call-to-action' })]) } });
		expect(again[8]).toEqual({ ok: false, reason: 'the file is UTF-16; save it as UTF-8' });
	});

	it('keeps a prefetch only where the post is unchanged: an edited post, another threshold and a file that is no post are audited as they are', async () => {
		// The real pass audits on this thread (0 threads), counted: what the prefetch did is not done again.
		const auditor = createAuditor(options);
		let auditedHere = 0;
		const counting = { ...auditor, audit: (...args: Parameters<typeof auditor.audit>) => (auditedHere++, auditor.audit(...args)) };
		const store = new AuditStore(async () => counting, 'test', join(dir, 'cache', 'audits.json'), 0);
		const subset = posts.slice(0, 240).map((post) => ({ ...post, file: join(dir, `prefetch-${post.path.split('/').pop()}`) }));
		for (const post of subset) writeFileSync(post.file, post.source);
		const stray = { path: 'README.md', file: join(dir, 'README.md'), format: 'md' as const, threshold: 10 };
		writeFileSync(stray.file, '# Notes\n\nSign up today and get 30% off with code SPRING.\n');
		store.prefetch([...subset, stray], options, 1);
		await store.prefetchDone;
		// Edited after the prefetch read it; and a post whose collection has its own threshold.
		writeFileSync(subset[3]!.file, `${subset[3]!.source}\nBook a demo with our team to see the best-in-class dashboard.\n`);
		const real = subset.map((post, i) => (i === 5 ? { ...post, threshold: 40 } : post));
		const results = await store.auditPosts(real, options);
		expect(auditedHere).toBe(2);
		const expected = real.map((post, i) => storedAudit(auditor.audit(i === 3 ? `${post.source}\nBook a demo with our team to see the best-in-class dashboard.\n` : post.source, post.format, post.threshold)));
		expect(JSON.stringify(results.map((result) => result.ok && result.audit))).toBe(JSON.stringify(expected));
		expect(results[5]).toMatchObject({ ok: true, audit: { threshold: 40 } });
		// Everything was audited in this run, none of it came from a cache, and the stray file is not a post.
		expect(store.hits).toBe(0);
		expect(store.misses).toBe(240);
		expect(store.peek('README.md')).toBeDefined();
		await store.save(real.map((post) => post.path));
		expect(store.peek('README.md')).toBeUndefined();
		// A second pass finds them in the store: now they are cached.
		await store.auditPosts(real, options);
		expect(store.hits).toBe(240);
	});

	it('hands what is left after a prefetch to its workers, already started, when it is too little for a new pool', async () => {
		let asked = 0;
		const store = new AuditStore(async () => (asked++, createAuditor(options)), 'test', undefined);
		const subset = posts.slice(0, 210).map((post) => ({ ...post, file: join(dir, `warm-${post.path.split('/').pop()}`) }));
		for (const post of subset) writeFileSync(post.file, post.source);
		store.prefetch(subset, options, 1);
		await store.prefetchDone;
		const edited = (source: string) => `${source}\nJoin 20,000 happy teams today.\n`;
		for (const i of [0, 100, 209]) writeFileSync(subset[i]!.file, edited(subset[i]!.source));
		const results = await store.auditPosts(subset, options);
		// Three posts were audited again, by the prefetch's worker: this thread never made an auditor.
		expect(asked).toBe(0);
		const auditor = createAuditor(options);
		const expected = subset.map((post, i) => storedAudit(auditor.audit([0, 100, 209].includes(i) ? edited(post.source) : post.source, post.format, post.threshold)));
		expect(JSON.stringify(results.map((result) => result.ok && result.audit))).toBe(JSON.stringify(expected));
	});
});

