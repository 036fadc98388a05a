/**
 * `candor audit <files or folders> [--format stylish|json] [--threshold N]`
 *
 * Exit codes: 0 every file passes; 1 a file fails the policy; 2 a usage or input error
 * (takes precedence; the other files are still audited and reported).
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { type AuditOptions, createAuditor, DEFAULT_THRESHOLD, ENGINE_VERSION } from '../core/index.js';
import { AuditPool, IN_FLIGHT_PER_THREAD, inOrder, MIN_POSTS_FOR_THREADS, parseThreadCount, THREAD_COUNT_RULE } from '../pool/audit-pool.js';
import { type FileReport, fileReport, REPORT_FORMATS, type ReportFormat, reportWriter, unreadableFile } from '../report/index.js';
import { displayPath, expandPaths, formatOf, readPost } from '../io/read-post.js';
import { loadSiteConfig } from './site-config.js';

export interface Io {
	cwd: string;
	/** May return a promise to say "wait before writing more" (a full pipe). */
	stdout: (text: string) => void | Promise<void>;
	stderr: (text: string) => void;
}

export const USAGE = `Usage: candor audit <files or folders...> [options]

Audits Markdown/MDX posts for expertise-sharing vs. pitch.

Inside an Astro project the options of the site's candor() are read from its Astro
config, so the command and \`astro build\` agree on every verdict.

Options:
  --format <stylish|json|sarif|github>   output format (default: stylish)
  --threshold <0-100>       highest promotional share a post may have (default: the
                            site's, per collection, else ${DEFAULT_THRESHOLD})
  --brand <name>            the company's or a product's name; repeat for several
  --owned-domain <domain>   a domain the site owns; repeat for several
  --threads <n>             worker threads to audit in (default: one per core when
                            there are ${MIN_POSTS_FOR_THREADS} files or more; 0 = this thread only)
  --config <file>           the Astro config to read (default: astro.config.* here)
  --no-config               ignore any Astro config
  -h, --help                show this help
  -v, --version             print the version of astro-candor and of its audit engine

Exit codes: 0 all files pass, 1 a file fails, 2 usage or input error.
`;


/** The version in the package's own package.json (two folders up from dist/cli/). */
function packageVersion(): string {
	const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
	return manifest.version;
}

export async function runCli(argv: string[], io: Io): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			options: {
				format: { type: 'string', default: 'stylish' },
				threshold: { type: 'string' },
				brand: { type: 'string', multiple: true, default: [] },
				'owned-domain': { type: 'string', multiple: true, default: [] },
				threads: { type: 'string' },
				config: { type: 'string' },
				'no-config': { type: 'boolean', default: false },
				help: { type: 'boolean', short: 'h', default: false },
				version: { type: 'boolean', short: 'v', default: false },
			},
		});
	} catch (error) {
		return usageError(io, (error as Error).message);
	}
	const { values, positionals } = parsed;
	if (values.help) {
		io.stdout(USAGE);
		return 0;
	}
	if (values.version) {
		io.stdout(`astro-candor ${packageVersion()} (audit engine ${ENGINE_VERSION})\n`);
		return 0;
	}
	const [command, ...paths] = positionals;
	if (command !== 'audit') return usageError(io, command ? `unknown command \`${command}\`` : 'missing command');
	if (paths.length === 0) return usageError(io, 'give at least one file or folder to audit');
	const format = values.format as string;
	if (!REPORT_FORMATS.includes(format as ReportFormat)) return usageError(io, `unknown format \`${format}\` (use ${listOr([...REPORT_FORMATS])})`);
	const threads = values.threads === undefined ? undefined : parseThreadCount(values.threads);
	if (values.threads !== undefined && threads === undefined) return usageError(io, `--threads must be ${THREAD_COUNT_RULE}, got \`${values.threads}\``);
	let flagThreshold: number | undefined;
	if (values.threshold !== undefined) {
		flagThreshold = Number(values.threshold);
		if (!/^\d+(\.\d+)?$/.test(values.threshold) || flagThreshold > 100) return usageError(io, `--threshold must be a number from 0 to 100, got \`${values.threshold}\``);
	}

	// The site's options, when run inside an Astro project that uses candor().
	let engine: AuditOptions = {};
	const thresholdOf = new Map<string, number>();
	if (!values['no-config']) {
		const loaded = await loadSiteConfig(io.cwd, values.config);
		if (loaded.found === 'error') {
			io.stderr(`candor: cannot load ${displayPath(loaded.configFile, io.cwd)}: ${loaded.reason}\nRun with --no-config to audit without the site's options.\n`);
			return 2;
		}
		if (loaded.found) {
			const { options, root, dataStoreFile } = loaded.site;
			engine = { brand: options.brand, ownedDomains: options.ownedDomains, rules: options.rules, customRules: options.customRules, threshold: options.threshold };
			// Per-collection thresholds need the collections' files, known after a build or dev run.
			if (existsSync(dataStoreFile)) {
				try {
					// Loaded only inside an Astro project: it reads Astro's data store (devalue, astro/errors).
					const { resolvePosts } = await import('../integration/posts.js');
					for (const post of await resolvePosts(options, { root, dataStoreFile })) thresholdOf.set(post.file, post.threshold);
				} catch {
					// Without the data store every file gets the site's global threshold.
				}
			}
			io.stderr(`candor: using the candor() options of ${displayPath(loaded.site.configFile, io.cwd)}\n`);
		}
	}
	const brand = [...(engine.brand ?? []), ...values.brand];
	const ownedDomains = [...(engine.ownedDomains ?? []), ...values['owned-domain']];
	const threshold = flagThreshold ?? engine.threshold ?? DEFAULT_THRESHOLD;
	const auditorOptions: AuditOptions = { ...engine, brand, ownedDomains, threshold };
	const { files, missing } = await expandPaths(paths, io.cwd);
	if (files.length === 0 && missing.length === 0) return usageError(io, `no .md, .mdx or .txt files found in ${paths.join(', ')}`);

	// Reports are written as they come, in file order, and then dropped: memory stays flat
	// however many files there are. Only the few that could not be audited are kept, to
	// repeat them on stderr at the end.
	const writer = reportWriter(format as ReportFormat);
	const errors: FileReport[] = [];
	let failed = false;
	const emit = async (report: FileReport) => {
		if (report.verdict === 'error') errors.push(report);
		if (report.verdict === 'fail') failed = true;
		const text = writer.file(report);
		if (text) await io.stdout(text);
	};
	for (const { path, reason } of missing) await emit(unreadableFile(path, threshold, reason));

	const size = threads ?? (files.length >= MIN_POSTS_FOR_THREADS ? availableParallelism() : 0);
	const pool = size > 0 && files.length > 0 ? new AuditPool(auditorOptions, Math.min(size, files.length)) : undefined;
	const auditor = pool ? undefined : createAuditor(auditorOptions);
	const auditFile = async (file: string): Promise<FileReport> => {
		const shown = displayPath(file, io.cwd);
		const own = flagThreshold ?? thresholdOf.get(file) ?? threshold;
		const format = formatOf(file);
		if (pool) {
			const result = await pool.run({ file, format, threshold: own });
			return result.ok ? fileReport(shown, result.audit) : unreadableFile(shown, own, result.reason);
		}
		const read = await readPost(file);
		return read.ok ? fileReport(shown, auditor!.audit(read.text, format, own)) : unreadableFile(shown, own, read.reason);
	};
	try {
		await inOrder(files, pool ? pool.size * IN_FLIGHT_PER_THREAD : 1, auditFile, emit);
	} finally {
		await pool?.close();
	}
	await io.stdout(writer.end());

	for (const report of errors) {
		const reason = report.findings[0];
		io.stderr(`candor: ${report.file}${reason && reason.line > 1 ? `:${reason.line}:${reason.column}` : ''}: ${reason?.message ?? 'could not be audited'}\n`);
	}
	if (errors.length > 0) return 2;
	return failed ? 1 : 0;
}

function usageError(io: Io, message: string): number {
	io.stderr(`candor: ${message}\n\n${USAGE}`);
	return 2;
}

const listOr = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`);
