/**
 * `candor audit <files or folders> [--format stylish|json] [--threshold N]`
 *
 * Exit codes: 0 every file passes; 1 a file fails the policy; 2 a usage or input error
 * (takes precedence; the other files are still audited and reported).
 */
import { parseArgs } from 'node:util';
import { createAuditor, DEFAULT_THRESHOLD } from '../core/index.js';
import { type FileReport, fileReport, formatJson, formatStylish, unreadableFile } from '../report/index.js';
import { displayPath, expandPaths, formatOf, readPost } from './read-post.js';

export interface Io {
	cwd: string;
	stdout: (text: string) => void;
	stderr: (text: string) => void;
}

export const USAGE = `Usage: candor audit <files or folders...> [options]

Audits Markdown/MDX posts for expertise-sharing vs. pitch.

Options:
  --format <stylish|json>   output format (default: stylish)
  --threshold <0-100>       highest promotional share a post may have (default: ${DEFAULT_THRESHOLD})
  --brand <name>            the company's or a product's name; repeat for several
  --owned-domain <domain>   a domain the site owns; repeat for several
  -h, --help                show this help

Exit codes: 0 all files pass, 1 a file fails, 2 usage or input error.
`;

const FORMATS = { stylish: formatStylish, json: formatJson } as const;

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
	if (!(format in FORMATS)) return usageError(io, `unknown format \`${format}\` (use ${Object.keys(FORMATS).join(' or ')})`);
	let threshold = DEFAULT_THRESHOLD;
	if (values.threshold !== undefined) {
		threshold = Number(values.threshold);
		if (!/^\d+(\.\d+)?$/.test(values.threshold) || threshold > 100) return usageError(io, `--threshold must be a number from 0 to 100, got \`${values.threshold}\``);
	}

	const auditor = createAuditor({ threshold, brand: values.brand, ownedDomains: values['owned-domain'] });
	const { files, missing } = await expandPaths(paths, io.cwd);
	const reports: FileReport[] = missing.map(({ path, reason }) => unreadableFile(path, threshold, reason));
	if (files.length === 0 && missing.length === 0) return usageError(io, `no .md, .mdx or .txt files found in ${paths.join(', ')}`);
	for (const file of files) {
		const shown = displayPath(file, io.cwd);
		const read = await readPost(file);
		reports.push(read.ok ? fileReport(shown, auditor.audit(read.text, formatOf(file))) : unreadableFile(shown, threshold, read.reason));
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
