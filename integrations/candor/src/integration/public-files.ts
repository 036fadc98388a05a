/**
 * The public files of the audit, under `/_candor/`: badges (deduplicated by content),
 * social cards and one audit record per post. Named once per build after the gate, rendered
 * (or read from the cache) behind it, written into the build output at the end, and served
 * from memory by the dev server.
 *
 * Why naming and rendering are apart: an image's name is the hash of what it shows, so the
 * summaries pages read (badge URLs, records) are complete before any image exists. Pages wait
 * for the summaries, not for satori: rendering them first kept every page of a 5-post site
 * waiting about 0.3 s, and reading 248 cached images one after another beside Vite's work on
 * this thread took 2.8 s on a 1,000-post site. The drawing itself happens in a thread of its own
 * (badge/render-thread.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { badgeContent } from '../badge/badge-content.js';
import { isPng, isSvg, RenderedFileStore } from '../badge/badge-store.js';
import { badgeKey, badgeSize } from '../badge/render-badge.js';
import { renderInThread } from '../badge/render-thread.js';
import { cardKey } from '../badge/social-card.js';
import { inOrder } from '../pool/audit-pool.js';
import { auditRecord, type PostAuditSummary } from './summary.js';

export const PUBLIC_PREFIX = '_candor';

export interface PublicFiles {
	badges: RenderedFileStore;
	cards: RenderedFileStore;
	records: Map<string, string>;
	/** Resolves when every image is rendered or read from the cache; rejects if one cannot be rendered. */
	ready: Promise<void>;
}

export async function renderPublicFiles(
	summaries: PostAuditSummary[],
	settings: { base: string; cacheDir: string | undefined; badges: boolean; socialCards: false | { siteName?: string } },
): Promise<PublicFiles> {
	const url = (path: string) => `${settings.base.replace(/\/$/, '')}/${PUBLIC_PREFIX}/${path}`;
	const badges = new RenderedFileStore(settings.cacheDir && join(settings.cacheDir, 'badges'), isSvg);
	const cards = new RenderedFileStore(settings.cacheDir && join(settings.cacheDir, 'cards'), isPng);
	const records = new Map<string, string>();
	// Each distinct image once, by name: what renders it when the cache lacks it.
	const images = new Map<string, { store: RenderedFileStore; render: () => Promise<string | Buffer> }>();
	for (const summary of summaries) {
		const content = badgeContent(summary);
		if (content && settings.badges) {
			const [light, dark] = await Promise.all(
				(['light', 'dark'] as const).map(async (variant) => {
					const name = `${await badgeKey(content, variant)}.svg`;
					if (!images.has(name)) images.set(name, { store: badges, render: () => renderInThread({ kind: 'badge', content, variant }) });
					return name;
				}),
			);
			summary.badge = { light: url(`badges/${light}`), dark: url(`badges/${dark}`), ...badgeSize(content), alt: content.alt, state: content.state, text: content.text };
		}
		if (content && settings.socialCards && summary.title) {
			const input = { title: summary.title, ...(summary.author ? { author: summary.author } : {}), ...(settings.socialCards.siteName ? { site: settings.socialCards.siteName } : {}), badge: content };
			const card = `${await cardKey(input)}.png`;
			if (!images.has(card)) images.set(card, { store: cards, render: () => renderInThread({ kind: 'card', input }) });
			summary.socialCard = url(`og/${card}`);
		}
		summary.record = url(`audits/${summary.slug}.json`);
		records.set(`${summary.slug}.json`, `${JSON.stringify(auditRecord(summary), null, 2)}\n`);
	}
	// All at once: cache reads overlap, renders share the thread with whatever else runs.
	const ready = Promise.all([...images].map(([name, { store, render }]) => store.get(name, render))).then(() => {});
	ready.catch(() => {}); // awaited, and its error thrown, by whoever needs the images
	return { badges, cards, records, ready };
}

/** Writes the records, badges and cards of the published posts under `out` (the build's `/_candor/`). */
export async function writePublicFiles(files: PublicFiles, published: PostAuditSummary[], out: string): Promise<{ images: number; records: number }> {
	await files.ready;
	const name = (url: string | undefined) => url && url.slice(url.lastIndexOf('/') + 1);
	const badges = new Set(published.flatMap((s) => (s.badge ? [name(s.badge.light)!, name(s.badge.dark)!] : [])));
	const cards = new Set(published.flatMap((s) => (s.socialCard ? [name(s.socialCard)!] : [])));
	const images = (await files.badges.writeAll(join(out, 'badges'), badges)) + (await files.cards.writeAll(join(out, 'og'), cards));
	// Each folder made once, then the records written concurrently: one after another, the 2,000 file
	// operations of a 1,000-post site kept `astro build` waiting about 2 s at its very end.
	const records = published.flatMap((summary) => {
		const body = files.records.get(`${summary.slug}.json`);
		return body === undefined ? [] : [{ file: join(out, 'audits', `${summary.slug}.json`), body }];
	});
	for (const folder of new Set(records.map(({ file }) => dirname(file)))) await mkdir(folder, { recursive: true });
	// A bounded number at a time: all 10,000 records of a big site at once would hold as many files open.
	await inOrder(records, 32, ({ file, body }) => writeFile(file, body), () => {});
	return { images, records: records.length };
}

/** The content of a public file by its path under `/_candor/`, for the dev server. */
export function publicFile(files: PublicFiles, path: string): { body: string | Buffer; type: string } | undefined {
	const [folder, ...rest] = path.split('/');
	const name = decodeURIComponent(rest.join('/'));
	if (folder === 'badges') {
		const body = files.badges.files.get(name);
		return body === undefined ? undefined : { body, type: 'image/svg+xml' };
	}
	if (folder === 'og') {
		const body = files.cards.files.get(name);
		return body === undefined ? undefined : { body, type: 'image/png' };
	}
	if (folder === 'audits') {
		const body = files.records.get(name);
		return body === undefined ? undefined : { body, type: 'application/json' };
	}
	return undefined;
}
