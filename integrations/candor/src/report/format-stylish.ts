/**
 * Compiler-style text for people and CI logs:
 *
 *   content/blog/launch.md:12:76  urgency  Urgency or scarcity: … (warning)
 *       "This offer ends Friday at midnight, so don't miss out!"
 */
import { type FileReport, type ReportTotals, totals } from './file-report.js';

export function formatStylish(reports: FileReport[], { summary = true } = {}): string {
	const body = reports.map((r) => stylishFile(r)).join('');
	return summary ? `${body}${stylishSummary(totals(reports))}` : body;
}

/** One file's lines followed by a blank line, or '' for a clean pass. */
export function stylishFile(report: FileReport, { only }: { only?: (f: FileReport['findings'][number]) => boolean } = {}): string {
	// A passing file is listed only for what an editor should still see: warnings and suppressions.
	const shown = report.findings.filter((f) => (only ? only(f) : report.verdict !== 'pass' || f.severity !== 'info' || f.suppressed));
	if (report.verdict === 'pass' && shown.length === 0) return '';
	const out = [stylishHeading(report)];
	const fixes = new Map<string, string>();
	for (const f of shown) {
		const tag = f.suppressed ? `suppressed: ${f.suppressed.reason}` : f.severity;
		out.push(`  ${report.file}:${f.line}:${f.column}  ${f.ruleId}  ${f.message} (${tag})`);
		if (f.excerpt) out.push(`      > ${f.excerpt}`);
		if (f.suggestion && !f.suppressed) fixes.set(f.ruleId, f.suggestion);
	}
	for (const [ruleId, count] of Object.entries(report.omittedFindings ?? {})) {
		out.push(`  … and ${count.toLocaleString('en-US')} more ${ruleId} ${count === 1 ? 'finding' : 'findings'} in this file, not listed (the first 200 of each rule are)`);
	}
	if (report.verdict !== 'pass' && fixes.size) {
		out.push('  How to fix:');
		for (const [ruleId, suggestion] of fixes) out.push(`    ${ruleId}: ${suggestion}`);
	}
	return `${out.join('\n')}\n\n`;
}

/** A finding an editor should see even in a passing post: a warning nobody suppressed. */
export const isOpenWarning = (f: FileReport['findings'][number]) => f.severity === 'warning' && !f.suppressed;

export function stylishSummary(t: ReportTotals): string {
	return (
		`${t.files} ${t.files === 1 ? 'file' : 'files'} audited: ${t.passed} passed, ${t.failed} failed, ${t.errors} could not be audited; ` +
		`${t.findings} ${t.findings === 1 ? 'finding' : 'findings'}, ${t.suppressed} suppressed.\n`
	);
}

/** The file's first line: its path and verdict. */
export const stylishHeading = (report: FileReport) => `${report.file}  ${verdictLine(report)}`;

/**
 * The verdict in words that are true of the post: a post that fails for an undisclosed
 * sponsorship with no pitch in it says so, instead of "FAIL: 0% promotional".
 */
function verdictLine(report: FileReport): string {
	if (report.verdict === 'error') return 'could not be audited';
	const exception = report.exception ? ` (policy exception: ${report.exception.reason})` : '';
	const draft = report.draft ? ' (draft)' : '';
	const share = `${report.score}% promotional, threshold ${report.threshold}%`;
	const blocking = [...new Set(report.findings.filter((f) => f.severity === 'error' && !f.suppressed).map((f) => f.ruleId))];
	if (report.verdict === 'fail' && (report.score ?? 0) <= report.threshold && blocking.length > 0) {
		return `FAIL${draft}: ${blocking.join(', ')} (${share}, within it)${exception}`;
	}
	const also = report.verdict === 'fail' && blocking.length > 0 ? `; also ${blocking.join(', ')}` : '';
	return `${report.verdict === 'fail' ? 'FAIL' : 'pass'}${draft}: ${share}${also}${exception}`;
}
