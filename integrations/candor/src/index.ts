import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AFFILIATE_PROGRAMS, createAuditor, ENGINE_VERSION, RULES_FINGERPRINT } from './core/index.js';
import { AuditStore } from './integration/audit-store.js';
import { candorError } from './integration/candor-error.js';
import { runGate } from './integration/gate.js';
import { registerMarkdownPlugins } from './integration/markdown-plugins.js';
import { resolvePosts } from './integration/posts.js';
import { type PostAuditSummary, summarize } from './integration/summary.js';
import { AUDITS_TYPES, auditsVitePlugin } from './integration/virtual-module.js';
import { type CandorOptions, type ResolvedCandorOptions, validateOptions } from './options.js';

export type { CandorOptions, ResolvedCandorOptions } from './options.js';
export type { PostAuditSummary } from './integration/summary.js';
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

/** Where the CLI finds the resolved options of a site's `candor()` in its Astro config. */
export const CANDOR_OPTIONS = Symbol.for('astro-candor.options');

/** The Candor integration: add `candor()` to `integrations` in `astro.config.mjs`. */
export default function candor(userOptions: CandorOptions = {}): AstroIntegration {
	// Validate when the factory is called, so a bad option stops Astro before anything runs.
	const options = validateOptions(userOptions);
	const optionsHash = hashOptions(options);
	const auditor = createAuditor(options);
	let root = process.cwd();
	let cacheFile: string | undefined;
	let dataStoreFile: URL | undefined;
	let summaries: PostAuditSummary[] | undefined;

	/** Audits every post (from cache where unchanged); used by the dev server and the build alike. */
	const auditAll = async (logger: Parameters<typeof runGate>[0]['logger']) => {
		const posts = await resolvePosts(options, { root, dataStoreFile: dataStoreFile! });
		const store = new AuditStore(auditor, optionsHash, cacheFile);
		const discarded = await store.load();
		if (discarded) logger.info(`audit cache ignored (${discarded}); auditing every post`);
		const result = await runGate({
			posts,
			store,
			options,
			optionsHash,
			root,
			logger,
			...(process.env.GITHUB_ACTIONS === 'true' ? { annotate: (text: string) => process.stdout.write(text) } : {}),
		});
		await store.save(posts.map((p) => p.path));
		const byPath = new Map(result.reports.map((r) => [r.file, r]));
		summaries = posts.flatMap((post) => {
			const report = byPath.get(post.path);
			const stored = report && report.verdict !== 'error' ? store.peek(post.path) : undefined;
			return stored ? [summarize(post.path, stored, optionsHash)] : [];
		});
		return result;
	};

	const integration: AstroIntegration & { [CANDOR_OPTIONS]: ResolvedCandorOptions } = {
		name: 'astro-candor',
		[CANDOR_OPTIONS]: options,
		hooks: {
			'astro:config:setup': async ({ config, command, updateConfig, injectScript, logger }) => {
				const { stylesheet, ...settings } = options.disclosure;
				await registerMarkdownPlugins(config, logger, settings, [...AFFILIATE_PROGRAMS, ...options.affiliatePrograms]);
				if (stylesheet) injectScript('page-ssr', `import 'astro-candor/disclosure.css';`);
				root = fileURLToPath(config.root);
				cacheFile = options.cache ? fileURLToPath(new URL('astro-candor/audits.json', config.cacheDir)) : undefined;
				dataStoreFile = new URL('data-store.json', command === 'dev' ? new URL('.astro/', config.root) : config.cacheDir);
				updateConfig({ vite: { plugins: [auditsVitePlugin(async () => summaries ?? [])] } });
			},
			'astro:config:done': ({ injectTypes }) => {
				injectTypes({ filename: 'audits.d.ts', content: AUDITS_TYPES });
			},
			'astro:build:start': async ({ logger }) => {
				// After the content sync, before any page is rendered: a failing site fails fast.
				const result = await auditAll(logger);
				if (result.blocking.length === 0) return;
				const names = result.blocking.map((r) => r.file);
				if (options.mode === 'warn') {
					logger.warn(`${names.length} ${names.length === 1 ? 'post breaks' : 'posts break'} the policy; \`mode: 'warn'\` lets the build go on.`);
					return;
				}
				throw candorError(
					`${names.length} ${names.length === 1 ? 'post breaks' : 'posts break'} the content policy: ${names.join(', ')}`,
					'Rewrite the passages listed above, suppress a finding that is not a pitch in context with `<!-- candor-disable-next-line rule-id -- reason -->`, give the post a public exception (`candor: { threshold, reason }` in its frontmatter), or set `mode: \'warn\'` while adopting Candor.',
				);
			},
		},
	};
	return integration;
}

/** A stable hash of everything that decides a verdict: the options, the engine and its rule data. */
function hashOptions(options: ResolvedCandorOptions): string {
	const { brand, ownedDomains, rules, customRules, affiliatePrograms, threshold, collections, include } = options;
	return createHash('sha256')
		.update(JSON.stringify({ ENGINE_VERSION, RULES_FINGERPRINT, brand, ownedDomains, rules, customRules, affiliatePrograms, threshold, collections, include }))
		.digest('hex')
		.slice(0, 16);
}
