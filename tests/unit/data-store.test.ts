// Astro's content data store, read down to the audited collections' entries: a small store on
// the calling thread, a large one in a worker thread. Both must give the same answer, and the
// same reasons when the store is missing or not one Candor understands. Runs against the built
// package (the worker is a compiled file).
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'devalue';
import { afterAll, describe, expect, it } from 'vitest';
import { readStoreEntries, WORKER_STORE_BYTES } from '../../integrations/candor/dist/integration/data-store.js';
import { readStore } from '../../integrations/candor/dist/integration/data-store-reader.js';

const dir = mkdtempSync(join(tmpdir(), 'candor-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A store shaped as Astro writes it: collection → id → entry (with body and rendered HTML, each its own: devalue stores a repeated string once). */
function writeStore(name: string, posts: number, bodyBytes: number): URL {
	const body = 'The cache keeps forty entries per shard. '.repeat(Math.ceil(bodyBytes / 41)).slice(0, bodyBytes);
	const blog = new Map(Array.from({ length: posts }, (_, i) => [`post-${i}`, { id: `post-${i}`, data: { title: `Post ${i}` }, body: `${i} ${body}`, filePath: `content/blog/post-${i}.md`, rendered: { html: `<p>${i} ${body}</p>` } }]));
	const notes = new Map([['a', { id: 'a', data: {}, filePath: 'content/notes/a.mdx' }]]);
	const store = new Map<string, unknown>([['blog', blog], ['notes', notes], ['meta::meta', new Map([['content-config-digest', 'x']])]]);
	const file = join(dir, `${name}.json`);
	writeFileSync(file, stringify(store));
	return pathToFileURL(file);
}

describe("reading Astro's content data store", () => {
	it('gives a large store’s entries from a worker thread as a small one’s are read in place', async () => {
		const small = writeStore('small', 3, 100);
		const large = writeStore('large', 300, 20_000);
		expect(statSync(small).size).toBeLessThan(WORKER_STORE_BYTES);
		expect(statSync(large).size).toBeGreaterThan(WORKER_STORE_BYTES);
		const fromWorker = await readStoreEntries(large, ['blog', 'missing']);
		expect(fromWorker).toEqual(await readStore(large, ['blog', 'missing']));
		expect(fromWorker.ok && fromWorker.entries.collections.blog?.length).toBe(300);
		expect(fromWorker.ok && fromWorker.entries.collections.blog?.[7]).toEqual(['post-7', 'content/blog/post-7.md']);
		expect(fromWorker.ok && fromWorker.entries.collections.missing).toBeUndefined();
		expect(fromWorker.ok && fromWorker.entries.names).toEqual(['blog', 'notes', 'meta::meta']);
		const inPlace = await readStoreEntries(small, ['notes']);
		expect(inPlace).toEqual({ ok: true, entries: { collections: { notes: [['a', 'content/notes/a.mdx']] }, names: ['blog', 'notes', 'meta::meta'] } });
	});

	it('says why when the store is missing or is not a devalue Map', async () => {
		expect(await readStoreEntries(pathToFileURL(join(dir, 'absent.json')), ['blog'])).toEqual({ ok: false, reason: 'unreadable' });
		const garbage = join(dir, 'garbage.json');
		writeFileSync(garbage, '{ not json');
		expect(await readStoreEntries(pathToFileURL(garbage), ['blog'])).toEqual({ ok: false, reason: 'not-understood' });
		const large = join(dir, 'large-garbage.json');
		writeFileSync(large, `[${'"x",'.repeat(WORKER_STORE_BYTES / 4)}`);
		expect(await readStoreEntries(pathToFileURL(large), ['blog'])).toEqual({ ok: false, reason: 'not-understood' });
		const notMap = join(dir, 'array.json');
		writeFileSync(notMap, stringify([1, 2, 3]));
		expect(await readStoreEntries(pathToFileURL(notMap), ['blog'])).toEqual({ ok: false, reason: 'not-understood' });
	});
});
