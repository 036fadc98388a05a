/**
 * The build gate: audits every post, prints what it found through Astro's logger, writes
 * the reports, and says whether the build must stop. Pure of Astro but for the logger type.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { formatOf } from '../io/read-post.js';
import { buildReport, type FileReport, fileReport, formatGithub, formatSarif, isOpenWarning, stylishFile, stylishHeading, totals, unreadableFile } from '../report/index.js';
import type { ResolvedCandorOptions } from '../options.js';
import type { AuditStore } from './audit-store.js';
import type { PostRef } from './posts.js';

export interface GateResult {
	reports: FileReport[];
	/** Posts that stop the build (failing or unreadable, drafts excepted unless asked). */
	blocking: FileReport[];
	audited: number;
	fromCache: number;
}

export async function runGate(input: {
	posts: PostRef[];
	store: AuditStore;
	options: ResolvedCandorOptions;
	optionsHash: string;
	root: string;
	logger: AstroIntegrationLogger;
	/** Where `::error` workflow commands go (stdout, unprefixed, when on GitHub Actions). */
	annotate?: (text: string) => void;
	/** False in `astro dev`, which never stops: failures are then warnings. */
	canStop?: boolean;
}): Promise<GateResult> {
	const { posts, store, options, logger, root } = input;
	const started = performance.now();
	const results = await store.auditPosts(
		posts.map((post) => ({ path: post.path, file: post.file, format: formatOf(post.file), threshold: post.threshold })),
		options,
	);
	const reports: FileReport[] = posts.map((post, i) => {
		const result = results[i]!;
		if (!result.ok) return unreadableFile(post.path, post.threshold, result.reason);
		const report = fileReport(post.path, result.audit);
		if (result.audit.frontmatter.draft === true) report.draft = true;
		return report;
	});
	const blocking = reports.filter((r) => r.verdict === 'error' || (r.verdict === 'fail' && (!r.draft || options.failOnDrafts)));
	const blocks = new Set(blocking);

	// Each file that needs attention: its findings as `path:line:col  rule-id  message`, the
	// passage, how to fix; errors when they stop the build, warnings otherwise. Past
	// `maxDetailedPosts` failing posts, each gets its verdict line only (a site adopting Candor
	// in warn mode could otherwise print hundreds of thousands of lines); posts that cannot be
	// read are always shown in full. A passing post's warnings (a call to action, an offer, an
	// undisclosed-looking link) are printed as warnings unless `warnings: false`; the rest of
	// its findings are detail, for `--verbose`.
	// A passing post's full findings are debug output (`astro build --verbose`): formatted only
	// then, not for every post of every build.
	const verbose = logger.options?.level === undefined || logger.options.level === 'debug';
	let detailed = 0;
	let brief = 0;
	let warned = 0;
	let warnedPosts = 0;
	for (const report of reports) {
		if (report.verdict === 'pass') {
			const warnings = report.findings.filter(isOpenWarning).length;
			if (warnings > 0) {
				warned += warnings;
				warnedPosts++;
				if (options.warnings) {
					for (const line of stylishFile(report, { only: isOpenWarning }).trimEnd().split('\n')) logger.warn(line);
				}
			}
			if (verbose) for (const line of stylishFile(report).trimEnd().split('\n')) if (line) logger.debug(line);
			continue;
		}
		const stops = input.canStop !== false && blocks.has(report) && options.mode === 'error';
		const level = stops ? 'error' : 'warn';
		if (report.verdict === 'fail' && detailed >= options.maxDetailedPosts) {
			logger[level](stylishHeading(report));
			brief++;
			continue;
		}
		const text = stylishFile(report).trimEnd();
		if (!text) continue;
		if (report.verdict === 'fail') detailed++;
		for (const line of text.split('\n')) logger[level](line);
	}
	if (brief > 0) {
		logger.info(
			`${brief} more failing ${brief === 1 ? 'post is' : 'posts are'} listed by verdict only (\`maxDetailedPosts: ${options.maxDetailedPosts}\`); ` +
				`every finding is in \`npx candor audit <path>\`${options.reports.json ? ` and ${options.reports.json}` : ''}.`,
		);
	}

	const t = totals(reports);
	const seconds = ((performance.now() - started) / 1000).toFixed(2);
	const drafts = reports.filter((r) => r.draft && r.verdict === 'fail' && !options.failOnDrafts).length;
	logger.info(
		`${t.files} ${t.files === 1 ? 'post' : 'posts'} audited (${store.hits} from cache) in ${seconds} s: ${t.passed} passed, ${t.failed} failed` +
			`${t.errors ? `, ${t.errors} could not be audited` : ''}${drafts ? ` (${drafts} failing ${drafts === 1 ? 'draft does' : 'drafts do'} not block)` : ''}; ` +
			`${t.findings} ${t.findings === 1 ? 'finding' : 'findings'}, ${t.suppressed} suppressed.`,
	);
	if (warned > 0) {
		const counted = `${warned} ${warned === 1 ? 'warning' : 'warnings'} in ${warnedPosts} passing ${warnedPosts === 1 ? 'post' : 'posts'}`;
		if (options.warnings) logger.warn(`${counted} (listed above; they do not stop the build): rewrite the passage or suppress it with a reason; \`warnings: false\` prints only this line.`);
		else logger.info(`${counted}, not listed (\`warnings: false\`): \`npx candor audit\` and the reports have them.`);
	}
	for (const report of reports.filter((r) => r.exception)) {
		logger.info(`policy exception: ${report.file} (threshold ${report.exception!.threshold}%): ${report.exception!.reason}`);
	}

	if (input.canStop === false) return { reports, blocking, audited: store.misses, fromCache: store.hits };
	if (options.reports.json) await writeReport(root, options.reports.json, `${JSON.stringify(buildReport(reports, input.optionsHash), null, 2)}\n`, logger);
	if (options.reports.sarif) await writeReport(root, options.reports.sarif, formatSarif(reports), logger);
	if (input.annotate) input.annotate(formatGithub(reports));

	return { reports, blocking, audited: store.misses, fromCache: store.hits };
}

async function writeReport(root: string, path: string, content: string, logger: AstroIntegrationLogger) {
	const file = resolve(root, path);
	await mkdir(dirname(file), { recursive: true });
	await writeFile(file, content);
	logger.info(`report written: ${path}`);
}
