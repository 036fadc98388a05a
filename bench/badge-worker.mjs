// Child process of bench/badges.mjs, so the first render is truly cold (fresh process, no font
// loaded, satori/yoga not initialised):
//   node bench/badge-worker.mjs badges <cache-dir> <warm-count> <posts>
//   node bench/badge-worker.mjs cards <warm-count>
// Prints one JSON object on stdout.

import { mkdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const DIST = new URL('../integrations/candor/dist/badge/', import.meta.url);
const [mode, ...rest] = process.argv.slice(2);

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const now = () => performance.now();
const KINDS = ['sponsored', 'gifted', 'partner', 'employee'];

/** `count` audits whose badge texts are all different (distinct sponsor names and scores). */
function distinctAudits(count) {
	return Array.from({ length: count }, (_, i) => ({
		score: i % 31,
		threshold: 30,
		verdict: 'pass',
		sponsorship: { kind: KINDS[i % KINDS.length], sponsor: `Company ${i}` },
	}));
}

/** 1,000-style summaries with scores spread over 0–10 (0.01 steps, a fixed permutation), threshold 8. */
function spreadSummaries(count) {
	return Array.from({ length: count }, (_, i) => {
		const score = ((i * 7919) % 1001) / 100;
		return { score, threshold: 8, verdict: score > 8 ? 'fail' : 'pass' };
	});
}

const started = now();
if (mode === 'badges') {
	const [cacheDir, warmArg, postsArg] = rest;
	const warmCount = Number(warmArg);
	const postCount = Number(postsArg);
	const { renderBadge, badgeKey } = await import(new URL('render-badge.js', DIST).href);
	const { badgeContent } = await import(new URL('badge-content.js', DIST).href);
	const { RenderedFileStore, isSvg } = await import(new URL('badge-store.js', DIST).href);
	const importMs = now() - started;

	// Cold: the first badge of the process (font read + satori/yoga init + render).
	let t = now();
	await renderBadge(badgeContent({ score: 3, threshold: 10, verdict: 'pass' }), 'light');
	const coldMs = now() - t;

	// Warm: distinct texts, one render each.
	const contents = distinctAudits(warmCount).map(badgeContent);
	const texts = new Set(contents.map((c) => c.text));
	if (texts.size !== warmCount) throw new Error(`expected ${warmCount} distinct badge texts, got ${texts.size}`);
	const warm = [];
	for (const c of contents) {
		t = now();
		await renderBadge(c, 'light');
		warm.push(now() - t);
	}

	// 1,000 posts, both variants per post, as integration/public-files.js does.
	const summaries = spreadSummaries(postCount).map((s) => badgeContent(s));
	const distinct = new Set(summaries.map((c) => `${c.state}\0${c.text}`)).size;

	// Uncached: every post renders its own two badges.
	let uncachedRenders = 0;
	t = now();
	for (const content of summaries) {
		await Promise.all(['light', 'dark'].map(async (variant) => {
			await renderBadge(content, variant);
			uncachedRenders++;
		}));
	}
	const uncachedMs = now() - t;

	// Cached: RenderedFileStore on a persistent cache dir, empty then reused by a new instance.
	mkdirSync(cacheDir, { recursive: true });
	const storePass = async () => {
		const store = new RenderedFileStore(cacheDir, isSvg);
		const t0 = now();
		for (const content of summaries) {
			await Promise.all(['light', 'dark'].map(async (variant) => store.get(`${await badgeKey(content, variant)}.svg`, () => renderBadge(content, variant))));
		}
		return { ms: now() - t0, rendered: store.rendered, fromCache: store.fromCache, files: store.files.size };
	};
	const emptyCache = await storePass();
	const warmCache = await storePass();

	console.log(JSON.stringify({
		importMs, coldMs,
		warm: { count: warm.length, medianMs: median(warm), minMs: Math.min(...warm), maxMs: Math.max(...warm) },
		posts: postCount, distinctTexts: distinct,
		uncached: { ms: uncachedMs, renders: uncachedRenders },
		emptyCache, warmCache,
		maxRssBytes: process.resourceUsage().maxRSS * 1024,
	}));
} else if (mode === 'cards') {
	const warmCount = Number(rest[0]);
	const { renderSocialCard } = await import(new URL('social-card.js', DIST).href);
	const { badgeContent } = await import(new URL('badge-content.js', DIST).href);
	const importMs = now() - started;
	const card = (i) => ({
		title: `Post ${i}: what we learned moving ${i + 2} services to a new scheduler`,
		author: 'Ada Example',
		site: 'Example Engineering',
		badge: badgeContent({ score: i % 11, threshold: 10, verdict: 'pass' }),
	});

	let t = now();
	const first = await renderSocialCard(card(-1));
	const coldMs = now() - t;
	const warm = [];
	let pngBytes = 0;
	for (let i = 0; i < warmCount; i++) {
		t = now();
		const png = await renderSocialCard(card(i));
		warm.push(now() - t);
		pngBytes += png.length;
	}
	console.log(JSON.stringify({
		importMs, coldMs, firstPngBytes: first.length,
		warm: { count: warm.length, medianMs: median(warm), minMs: Math.min(...warm), maxMs: Math.max(...warm), meanPngBytes: pngBytes / warmCount },
		maxRssBytes: process.resourceUsage().maxRSS * 1024,
	}));
} else {
	console.error(`badge-worker: unknown mode ${mode}`);
	process.exit(2);
}
