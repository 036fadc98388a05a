import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import type { AstroConfig, AstroIntegration, AstroIntegrationLogger } from 'astro';
// The engine (rules compiled, model, parser and YAML reader) loads on first audit, not with the
// config: a warm build takes every audit from the cache and never needs it on Astro's thread.
import { AFFILIATE_PROGRAMS } from './core/affiliates.js';
import type { Auditor } from './core/index.js';
import { RULES_FINGERPRINT } from './core/rules/index.js';
import { ENGINE_VERSION } from './core/version.js';
import { auditLayoutFile, auditLayoutVitePlugin } from './integration/audit-page.js';
import { stopRenderThread, warmUpRenderThread } from './badge/render-thread.js';
import { AuditStore } from './integration/audit-store.js';
import { candorError } from './integration/candor-error.js';
import { engineFingerprint } from './integration/engine-fingerprint.js';
import { type GateResult, runGate } from './integration/gate.js';
import { gateVitePlugin } from './integration/gate-plugin.js';
import { registerMarkdownPlugins } from './integration/markdown-plugins.js';
import { type PostRef, probablePosts, resolvePosts } from './integration/posts.js';
import { PUBLIC_PREFIX, type PublicFiles, publicFile, renderPublicFiles, writePublicFiles } from './integration/public-files.js';
import { entryIdOf, publishedPosts, startCountingAskedPosts } from './integration/published-posts.js';
import { type PostAuditSummary, summarize } from './integration/summary.js';
import { AUDITS_TYPES, auditsVitePlugin, VIRTUAL_ID } from './integration/virtual-module.js';
import { formatOf, readPost } from './io/read-post.js';
import { MIN_POSTS_FOR_THREADS, parseThreadCount, storedAudit, THREAD_COUNT_RULE } from './pool/audit-pool.js';
import { badgeThemeCss } from './badge/badge-theme.js';
import { badgeTheme, type CandorOptions, type ResolvedCandorOptions, validateOptions } from './options.js';

export type { CandorOptions, ResolvedCandorOptions } from './options.js';
export type { PostAuditSummary } from './integration/summary.js';
export { BADGE_STATES, badgeContent, type BadgeContent, type BadgeState } from './badge/badge-content.js';
export { rehypeCandorDisclosure, type RehypeCandorOptions } from './disclosure/rehype-plugin.js';
export { satteriCandorDisclosure } from './disclosure/satteri-plugin.js';
export { disclosureText } from './disclosure/disclosure-tree.js';
export {
	candorFrontmatter,
	candorExceptionSchema,
	sponsorshipSchema,
	SPONSORSHIP_KINDS,
	type CandorException,
	type Sponsorship,
	type SponsorshipKind,
} from './schema.js';

/** The editor's report pages: loaded by the dev server and by a build that writes or publishes the report. */
const reportHtml = () => import('./report/preview-html.js');

/** Where the CLI finds the resolved options of a site's `candor()` in its Astro config. */
export const CANDOR_OPTIONS = Symbol.for('astro-candor.options');

const POST_FILE = /\.(md|mdx|markdown)$/i;
/** Worker threads a build's prefetch uses at most (it leaves a core to Astro's content sync). */
const MAX_PREFETCH_THREADS = 7;

/**
 * `CANDOR_THREADS=n` sets how many worker threads the build audits in (0: Astro's own thread),
 * for a constrained CI runner or a measurement; unset, one per core when there are enough posts.
 */
function threadsFromEnv(logger: AstroIntegrationLogger): number | undefined {
	const value = process.env.CANDOR_THREADS;
	if (value === undefined || value === '') return undefined;
	const threads = parseThreadCount(value);
	if (threads === undefined) logger.warn(`CANDOR_THREADS must be ${THREAD_COUNT_RULE}, got \`${value}\`; using the default`);
	return threads;
}

/** The Candor integration: add `candor()` to `integrations` in `astro.config.mjs`. */
export default function candor(userOptions: CandorOptions = {}): AstroIntegration {
	// Validate when the factory is called, so a bad option stops Astro before anything runs.
	const options = validateOptions(userOptions);
	const optionsHash = hashOptions(options);
	// Made on first use: importing the engine, compiling the rules and loading the model cost
	// about 130 ms, which a warm build (every post from the cache) or one auditing in worker
	// threads never spends on Astro's thread.
	let auditorInstance: Promise<Auditor> | undefined;
	const auditor = () => (auditorInstance ??= import('./core/audit.js').then(({ createAuditor }) => createAuditor(options)));
	let root = process.cwd();
	let base = '/';
	let cacheFolder: string | undefined;
	let dataStoreFile: URL | undefined;
	let isDev = false;
	/** `astro build` (not dev, preview or sync): only a build audits its posts at once. */
	let isBuild = false;
	let summaries: PostAuditSummary[] | undefined;
	let publicFiles: PublicFiles | undefined;
	let running: Promise<GateResult> | undefined;
	let posts: PostRef[] = [];
	let unreadable: Array<{ path: string; message: string }> = [];
	let askedPosts: ReadonlySet<string> = new Set();
	/** The build's audit and verdict: started at `astro:build:start`, awaited where first needed (see integration/gate-plugin.ts). */
	let buildVerdict: Promise<Error | undefined> | undefined;
	/** The gate's verdict when the build must stop, once the audit has finished. */
	let policyFailure: Error | undefined;

	/** The audit cache, loaded; a build opens it at `astro:config:done` to prefetch into it. */
	let earlyStore: ReturnType<typeof openStore> | undefined;
	const openStore = async (logger: AstroIntegrationLogger) => {
		const threads = threadsFromEnv(logger);
		const store = new AuditStore(auditor, optionsHash, cacheFolder && join(cacheFolder, 'audits.json'), threads);
		return { store, discarded: await store.load(), threads };
	};

	/** Audits every post (from cache where unchanged), then renders badges, cards and records. */
	const auditAll = (logger: AstroIntegrationLogger): Promise<GateResult> =>
		(running ??= (async () => {
			posts = await resolvePosts(options, { root, dataStoreFile: dataStoreFile! });
			const { store, discarded } = await (earlyStore ?? openStore(logger));
			earlyStore = undefined;
			if (discarded) logger.info(`audit cache ignored (${discarded}); auditing every post`);
			const result = await runGate({
				posts,
				store,
				options,
				optionsHash,
				root,
				logger,
				canStop: !isDev,
				...(process.env.GITHUB_ACTIONS === 'true' && !isDev ? { annotate: (text: string) => process.stdout.write(text) } : {}),
			});
			await store.save(posts.map((p) => p.path));
			const next = posts.flatMap((post) => {
				const stored = store.peek(post.path);
				return stored && stored.verdict !== 'error' ? [summarize(post.path, post.slug, stored, optionsHash)] : [];
			});
			const socialCards = options.socialCards === true ? {} : options.socialCards;
			const rendering = performance.now();
			const files = await renderPublicFiles(next, { base, cacheDir: cacheFolder, badges: options.badges !== false, socialCards });
			publicFiles = files;
			// The images render behind the pages, which only need their names (integration/public-files.ts).
			void files.ready.then(() => {
				const renderSeconds = ((performance.now() - rendering) / 1000).toFixed(2);
				if (options.badges) {
					const { badges } = files;
					logger.info(
						`badges: ${badges.files.size} distinct images (light and dark) for ${next.length} posts; ${badges.rendered} rendered with satori, ${badges.fromCache} from cache (${renderSeconds} s)`,
					);
				}
				if (socialCards) logger.info(`social cards: ${files.cards.rendered} rendered, ${files.cards.fromCache} from cache`);
			}, () => {})
				// Drawn or failed, a build draws nothing more: the render thread's heap (satori, yoga,
				// fonts) goes now, not at the build's end.
				.then(() => (isBuild ? stopRenderThread() : undefined));
			summaries = next;
			unreadable = result.reports.filter((r) => r.verdict === 'error').map((r) => ({ path: r.file, message: r.findings[0]?.message ?? 'could not be audited' }));
			return result;
		})().finally(() => {
			running = undefined;
		}));

	/** A post's full audit, sentences included, fresh from disk (for the report's detail view). */
	const fullAudit = async (post: PostRef) => {
		const read = await readPost(post.file);
		return read.ok ? (await auditor()).audit(read.text, formatOf(post.file), post.threshold) : undefined;
	};
	const reportEntries = async () => {
		const entries = [];
		const byPath = new Map(posts.map((p) => [p.path, p]));
		for (const summary of summaries ?? []) {
			const post = byPath.get(summary.path);
			const audit = post && (await fullAudit(post));
			if (audit) entries.push({ summary, audit });
		}
		return entries;
	};

	/**
	 * A build's content sync keeps Astro's thread busy for seconds while the other cores idle:
	 * start auditing the files that are probably posts in worker threads (one core left to
	 * Astro), so that by `astro:build:start` most audits are done. A small site gets one thread:
	 * starting it (~0.3 s) happens beside the content sync, where auditing its posts on Astro's
	 * thread later (engine and model loaded there first) kept Astro waiting about 0.2 s on a
	 * 5-post site. The real pass (auditAll) decides which files are posts.
	 */
	const prefetchProbablePosts = async (config: AstroConfig, logger: AstroIntegrationLogger) => {
		const opened = await openStore(logger);
		const threads = opened.threads ?? Math.min(availableParallelism() - 1, MAX_PREFETCH_THREADS);
		if (threads < 1) return opened;
		try {
			// Hidden folders (`.astro/`, a `.cache/`) are left out by probablePosts itself.
			const ignore = [config.outDir, config.publicDir, config.cacheDir]
				.map((url) => relative(root, fileURLToPath(url)))
				.filter((dir) => dir !== '' && !dir.startsWith('..'));
			const probable = await probablePosts(options, { root, ignore });
			if (probable.length > 0) {
				const prefetchThreads = probable.length >= MIN_POSTS_FOR_THREADS ? threads : 1;
				opened.store.prefetch(probable.map((p) => ({ path: p.path, file: p.file, format: formatOf(p.file), threshold: p.threshold })), options, prefetchThreads);
			}
		} catch {
			// Only a head start: the real pass audits whatever this did not.
		}
		return opened;
	};

	const integration: AstroIntegration & { [CANDOR_OPTIONS]: ResolvedCandorOptions } = {
		name: 'astro-candor',
		[CANDOR_OPTIONS]: options,
		hooks: {
			'astro:config:setup': async ({ config, command, updateConfig, injectScript, injectRoute, addDevToolbarApp, createCodegenDir, logger }) => {
				root = fileURLToPath(config.root);
				isDev = command === 'dev';
				isBuild = command === 'build';
				base = config.base || '/';
				cacheFolder = options.cache ? fileURLToPath(new URL('astro-candor/', config.cacheDir)) : undefined;
				dataStoreFile = new URL('data-store.json', command === 'dev' ? new URL('.astro/', config.root) : config.cacheDir);
				const { stylesheet, ...settings } = options.disclosure;
				await registerMarkdownPlugins(config, logger, settings, [...AFFILIATE_PROGRAMS, ...options.affiliatePrograms]);
				if (stylesheet) injectScript('page-ssr', `import 'astro-candor/disclosure.css';`);
				if (command === 'dev') {
					addDevToolbarApp({ id: 'astro-candor', name: 'Candor', icon: TOOLBAR_ICON, entrypoint: 'astro-candor/toolbar' });
				}
				const auditLayout = auditLayoutFile(root, options.auditPageLayout);
				if (options.auditPage) injectRoute({ pattern: options.auditPage, entrypoint: 'astro-candor/pages/how-we-audit.astro', prerender: true });
				const auditPage = options.auditPage ? `${base.replace(/\/$/, '')}${options.auditPage}` : false;
				const themeFile = fileURLToPath(new URL('badge-theme.css', createCodegenDir()));
				mkdirSync(dirname(themeFile), { recursive: true });
				writeFileSync(themeFile, badgeThemeCss(badgeTheme(options)));
				updateConfig({
					vite: {
						plugins: [
							gateVitePlugin({ failure: () => policyFailure, verdict: () => buildVerdict }),
							auditLayoutVitePlugin(auditLayout),
							auditsVitePlugin(async () => {
								// A build waits for the audit it started, so no page reads an audit before it is
								// complete; in `astro dev` the first page asks for the audits.
								if (buildVerdict) await buildVerdict;
								else if (!summaries) await auditAll(logger);
								return summaries ?? [];
							}, { threshold: options.threshold, auditPage }, themeFile),
						],
					},
				});
			},
			'astro:config:done': ({ config, injectTypes, logger }) => {
				injectTypes({ filename: 'audits.d.ts', content: AUDITS_TYPES });
				if (isBuild) earlyStore = prefetchProbablePosts(config, logger);
				// A build without cached badges will draw some: load satori now, beside the content sync.
				if (isBuild && options.badges !== false && !hasCachedBadges(cacheFolder)) warmUpRenderThread();
			},
			'astro:server:setup': ({ server, logger }) => {
				// The editor's report, the toolbar's API, and badges, cards and records from memory.
				const prefix = `${base.replace(/\/$/, '')}/${PUBLIC_PREFIX}/`;
				const links = { index: prefix, detail: (s: PostAuditSummary) => `${prefix}${s.slug}/` };
				server.middlewares.use(async (request, response, next) => {
					if (!request.url?.startsWith(prefix)) return next();
					const url = new URL(request.url, 'http://localhost');
					const rest = decodeURIComponent(url.pathname.slice(prefix.length));
					if (!summaries || !publicFiles) await auditAll(logger);
					const { reportDetailHtml, reportIndexHtml } = await reportHtml();
					const send = (type: string, body: string | Buffer, status = 200) => {
						response.statusCode = status;
						response.setHeader('Content-Type', type);
						response.setHeader('Cache-Control', 'no-cache');
						response.end(body);
					};
					if (rest === '') return send('text/html; charset=utf-8', reportIndexHtml(summaries!, links, unreadable));
					if (rest === 'api/post.json') {
						const page = url.searchParams.get('page');
						const path = url.searchParams.get('path') ?? (page ? postForPage(page, summaries!)?.path : undefined);
						const post = posts.find((p) => p.path === path);
						const summary = summaries!.find((s) => s.path === path);
						const audit = post && (await fullAudit(post));
						if (!audit || !summary) return send('application/json', 'null', 404);
						return send('application/json', JSON.stringify({ ...storedAudit(audit), path: summary.path, title: summary.title, report: links.detail(summary) }));
					}
					const summary = summaries!.find((s) => `${s.slug}/` === rest || s.slug === rest);
					if (summary) {
						const post = posts.find((p) => p.path === summary.path)!;
						const audit = await fullAudit(post);
						if (audit) {
							const source = (line: number, column: number) => `/__open-in-editor?file=${encodeURIComponent(`${post.file}:${line}:${column}`)}`;
							return send('text/html; charset=utf-8', reportDetailHtml(summary, audit, { ...links, source }));
						}
					}
					if (publicFiles) await publicFiles.ready;
					const file = publicFiles && publicFile(publicFiles, rest);
					if (!file) return next();
					send(file.type, file.body);
				});
				// Saving a post re-audits the site and reloads the page: the badge follows the text.
				const changed = (file: string) => {
					if (!POST_FILE.test(file)) return;
					summaries = undefined;
					const module = server.moduleGraph.getModuleById(`\0${VIRTUAL_ID}`);
					if (module) server.moduleGraph.invalidateModule(module);
					server.ws.send({ type: 'full-reload' });
				};
				server.watcher.on('change', changed);
				server.watcher.on('add', changed);
				server.watcher.on('unlink', changed);
			},
			'astro:build:start': ({ logger }) => {
				askedPosts = startCountingAskedPosts();
				policyFailure = undefined;
				// Started, not awaited: Astro's Vite build runs beside the audit (integration/gate-plugin.ts).
				buildVerdict = auditAll(logger).then((result) => {
					if (result.blocking.length === 0) return undefined;
					const names = result.blocking.map((r) => r.file);
					if (options.mode === 'warn') {
						logger.warn(`${names.length} ${names.length === 1 ? 'post breaks' : 'posts break'} the policy; \`mode: 'warn'\` lets the build go on.`);
						return undefined;
					}
					policyFailure = candorError(
						`${names.length} ${names.length === 1 ? 'post breaks' : 'posts break'} the content policy: ${names.join(', ')}`,
						'Rewrite the passages listed above, suppress a finding that is not a pitch in context with `<!-- candor-disable-next-line rule-id -- reason -->`, give the post a public exception (`candor: { threshold, reason }` in its frontmatter), or set `mode: \'warn\'` while adopting Candor.',
					);
					return policyFailure;
				});
				// Awaited, and its error thrown, by the gate's plugin, the audits module and build:done.
				buildVerdict.catch(() => {});
			},
			'astro:build:done': async ({ dir, pages, logger }) => {
				// A build without a Vite build of its own never reached the plugin: wait and stop here.
				if (buildVerdict) await buildVerdict;
				if (policyFailure) throw policyFailure;
				if (!publicFiles || !summaries) return;
				// Only what the site publishes: a draft or a post left out of the routes leaves no trace.
				const published = publishedPosts(summaries, askedPosts, pages.map((p) => p.pathname));
				const out = join(fileURLToPath(dir), PUBLIC_PREFIX);
				const written = await writePublicFiles(publicFiles, published, out);
				const unpublished = summaries.length - published.length;
				logger.info(
					`public audit files written to /${PUBLIC_PREFIX}/: ${written.images} images, ${written.records} audit records` +
						(unpublished ? ` (${unpublished} audited ${unpublished === 1 ? 'post has' : 'posts have'} no page in this build, so nothing of ${unpublished === 1 ? 'it' : 'them'} is published)` : ''),
				);
				if (options.reports.html || options.publishReport) {
					const { reportDetailHtml, reportIndexHtml, reportSingleFileHtml } = await reportHtml();
					const entries = await reportEntries();
					if (options.reports.html) {
						const file = join(root, options.reports.html);
						await mkdir(dirname(file), { recursive: true });
						await writeFile(file, reportSingleFileHtml(entries, unreadable));
						logger.info(`report written: ${options.reports.html}`);
					}
					if (options.publishReport) {
						const prefix = `${base.replace(/\/$/, '')}/${PUBLIC_PREFIX}/`;
						const links = { index: prefix, detail: (s: PostAuditSummary) => `${prefix}${s.slug}/` };
						const shown = new Set(published.map((s) => s.path));
						const publicEntries = entries.filter((e) => shown.has(e.summary.path));
						await writeFile(join(out, 'index.html'), reportIndexHtml(publicEntries.map((e) => e.summary), links, unreadable));
						for (const { summary, audit } of publicEntries) {
							const file = join(out, summary.slug, 'index.html');
							await mkdir(dirname(file), { recursive: true });
							await writeFile(file, reportDetailHtml(summary, audit, { ...links, source: (line, column) => `#line-${line}-${column}` }));
						}
						logger.info(`the audit report is published at ${prefix}`);
					}
				}
			},
		},
	};
	return integration;
}

/** Whether an earlier build left badges in the cache (then a build likely draws none). */
function hasCachedBadges(cacheFolder: string | undefined): boolean {
	if (!cacheFolder) return false;
	try {
		return readdirSync(join(cacheFolder, 'badges')).length > 0;
	} catch {
		return false;
	}
}

/** A stable hash of everything that decides a verdict: the options, the engine and its rule data. */
function hashOptions(options: ResolvedCandorOptions): string {
	const { brand, ownedDomains, rules, customRules, affiliatePrograms, threshold, collections, include } = options;
	return createHash('sha256')
		.update(JSON.stringify({ ENGINE_VERSION, RULES_FINGERPRINT, engine: engineFingerprint(), brand, ownedDomains, rules, customRules, affiliatePrograms, threshold, collections, include }))
		.digest('hex')
		.slice(0, 16);
}

const TOOLBAR_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M9 12l2 2 4-4"/><path d="M12 3l8 4v5c0 5-3.5 8-8 9-4.5-1-8-4-8-9V7z"/></svg>';

/** The post a page shows, when the page does not say (no badge on it): its URL ends with the entry id. */
function postForPage(pathname: string, summaries: PostAuditSummary[]): PostAuditSummary | undefined {
	const clean = pathname.replace(/\/+$/, '');
	return summaries
		.filter((s) => {
			const id = entryIdOf(s);
			return clean === `/${id}` || clean.endsWith(`/${id}`);
		})
		.sort((a, b) => b.slug.length - a.slug.length)[0];
}
