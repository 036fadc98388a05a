/**
 * GitHub Actions workflow commands: each unsuppressed finding as an annotation on the line
 * (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`).
 */
import type { FileReport } from './file-report.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

export function formatGithub(reports: FileReport[]): string {
	return reports.map(githubFile).join('');
}

/** One file's annotations, a line each ('' when it has none). */
export function githubFile(report: FileReport): string {
	const lines: string[] = [];
	for (const f of report.findings) {
		if (f.suppressed) continue;
		// A failing post's findings are errors to GitHub even when each alone is only a warning.
		const level = report.verdict === 'pass' ? COMMAND[f.severity] : f.severity === 'info' ? 'notice' : 'error';
		const props = [
			`file=${property(report.file)}`,
			`line=${f.line}`,
			`col=${f.column}`,
			`endLine=${f.endLine}`,
			`endColumn=${f.endColumn}`,
			`title=${property(`Candor ${f.ruleId}`)}`,
		].join(',');
		lines.push(`::${level} ${props}::${data(`${f.message}${f.excerpt ? ` “${f.excerpt}”` : ''}`)}`);
	}
	if (report.verdict !== 'pass' && report.score !== null) {
		lines.push(`::error file=${property(report.file)},title=${property('Candor verdict')}::${data(`${report.score}% promotional, above the threshold of ${report.threshold}%`)}`);
	}
	return lines.length ? `${lines.join('\n')}\n` : '';
}

// Escaping as the Actions toolkit does it (@actions/core command.ts).
const data = (text: string) => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const property = (text: string) => data(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
