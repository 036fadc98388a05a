/**
 * `candor audit <files or folders> [--format stylish|json] [--threshold N]`
 *
 * Exit codes: 0 every file passes; 1 a file fails the policy; 2 a usage or input error
 * (takes precedence; the other files are still audited and reported).
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type AuditOptions, createAuditor, DEFAULT_THRESHOLD } from '../core/index.js';
import { resolvePosts } from '../integration/posts.js';
import { type FileReport, fileReport, formatGithub, formatJson, formatSarif, formatStylish, unreadableFile } from '../report/index.js';
import { displayPath, expandPaths, formatOf, readPost } from '../io/read-post.js';
import { loadSiteConfig } from './site-config.js';

export interface Io {
	cwd: string;
	stdout: (text: string) => void;
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
  --config <file>           the Astro config to read (default: astro.config.* here)
  --no-config               ignore any Astro config
  -h, --help                show this help

Exit codes: 0 all files pass, 1 a file fails, 2 usage or input error.
`;

const FORMATS = { stylish: formatStylish, json: formatJson, sarif: formatSarif, github: formatGithub } as const;

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
				config: { type: 'string' },
				'no-config': { type: 'boolean', default: false },
				help: { type: 'boolean', short: 'h', default: false },
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
	const [command, ...paths] = positionals;
	if (command !== 'audit') return usageError(io, command ? `unknown command \`${command}\`` : 'missing command');
	if (paths.length === 0) return usageError(io, 'give at least one file or folder to audit');
	const format = values.format as string;
	if (!(format in FORMATS)) return usageError(io, `unknown format \`${format}\` (use ${listOr(Object.keys(FORMATS))})`);
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
	const auditor = createAuditor({ ...engine, brand, ownedDomains, threshold });
	const { files, missing } = await expandPaths(paths, io.cwd);
	const reports: FileReport[] = missing.map(({ path, reason }) => unreadableFile(path, threshold, reason));
	if (files.length === 0 && missing.length === 0) return usageError(io, `no .md, .mdx or .txt files found in ${paths.join(', ')}`);
	for (const file of files) {
		const shown = displayPath(file, io.cwd);
		const read = await readPost(file);
		const own = flagThreshold ?? thresholdOf.get(file) ?? threshold;
		reports.push(read.ok ? fileReport(shown, auditor.audit(read.text, formatOf(file), own)) : unreadableFile(shown, own, read.reason));
	}
	io.stdout(FORMATS[format as keyof typeof FORMATS](reports));
	for (const report of reports.filter((r) => r.verdict === 'error')) {
		const reason = report.findings[0];
		io.stderr(`candor: ${report.file}${reason && reason.line > 1 ? `:${reason.line}:${reason.column}` : ''}: ${reason?.message ?? 'could not be audited'}\n`);
	}
	if (reports.some((r) => r.verdict === 'error')) return 2;
	return reports.some((r) => r.verdict === 'fail') ? 1 : 0;
}

function usageError(io: Io, message: string): number {
	io.stderr(`candor: ${message}\n\n${USAGE}`);
	return 2;
}

const listOr = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`);
