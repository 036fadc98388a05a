/** Reads Astro's content data store (a devalue-encoded Map of Maps) down to what the gate needs. */
import { readFile } from 'node:fs/promises';
import { unflatten } from 'devalue';
import type { StoreReading } from './data-store.js';

export async function readStore(file: URL, collections: readonly string[]): Promise<StoreReading> {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch {
		return { ok: false, reason: 'unreadable' };
	}
	let store: unknown;
	try {
		store = unflatten(JSON.parse(text));
	} catch {
		return { ok: false, reason: 'not-understood' };
	}
	if (!(store instanceof Map)) return { ok: false, reason: 'not-understood' };
	const found: Record<string, Array<[string, unknown]>> = {};
	for (const name of collections) {
		const entries: unknown = store.get(name);
		if (!(entries instanceof Map)) continue;
		found[name] = [...entries].map(([id, entry]) => [String(id), (entry as { filePath?: unknown } | null)?.filePath]);
	}
	return { ok: true, entries: { collections: found, names: [...store.keys()].map(String) } };
}
