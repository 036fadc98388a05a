/**
 * One audited file as every report format sees it: the DESIGN.md JSON shape. Pure.
 */
import type { Finding, PostAudit, Verdict } from '../core/index.js';

type AuditLike = Omit<PostAudit, 'sentences'>;

export interface ReportFinding {
	ruleId: string;
	severity: Finding['severity'];
	message: string;
	line: number;
	column: number;
	endLine: number;
	endColumn: number;
	excerpt: string;
	family?: Finding['family'];
	suggestion?: string;
	suppressed?: Finding['suppressed'];
}

export interface FileReport {
	/** Path as given or found, relative to the working directory where possible. */
	file: string;
	/** Promotional share 0–100; `null` when the file could not be audited. */
	score: number | null;
	threshold: number;
	verdict: Verdict;
	findings: ReportFinding[];
	exception?: PostAudit['exception'];
	words?: PostAudit['words'];
	/** Per rule id, findings past the cap of 200 per rule and post that are counted but not listed. */
	omittedFindings?: PostAudit['omittedFindings'];
	/** A draft: reported, but it stops a build only when the site asks (`failOnDrafts`). */
	draft?: boolean;
}

export function fileReport(file: string, audit: AuditLike): FileReport {
	return {
		file,
		score: audit.verdict === 'error' ? null : audit.score,
		threshold: audit.threshold,
		verdict: audit.verdict,
		findings: audit.findings.map((f) => ({
			ruleId: f.ruleId,
			severity: f.severity,
			message: f.message,
			line: f.line,
			column: f.column,
			endLine: f.endLine,
			endColumn: f.endColumn,
			excerpt: f.excerpt,
			family: f.family,
			...(f.suggestion ? { suggestion: f.suggestion } : {}),
			...(f.suppressed ? { suppressed: f.suppressed } : {}),
		})),
		...(audit.exception ? { exception: audit.exception } : {}),
		words: audit.words,
		...(audit.omittedFindings ? { omittedFindings: audit.omittedFindings } : {}),
	};
}

/** A file that could not be read at all: an error, never a pass. */
export function unreadableFile(file: string, threshold: number, reason: string): FileReport {
	return {
		file,
		score: null,
		threshold,
		verdict: 'error',
		findings: [{ ruleId: 'parse-error', severity: 'error', message: reason, line: 1, column: 1, endLine: 1, endColumn: 1, excerpt: '' }],
	};
}

export interface ReportTotals {
	files: number;
	passed: number;
	failed: number;
	errors: number;
	findings: number;
	suppressed: number;
}

/** Totals counted one report at a time, so a streamed run need not keep its reports. */
export class TotalsCounter {
	readonly totals: ReportTotals = { files: 0, passed: 0, failed: 0, errors: 0, findings: 0, suppressed: 0 };

	add(report: FileReport): void {
		const t = this.totals;
		t.files++;
		if (report.verdict === 'pass') t.passed++;
		else if (report.verdict === 'fail') t.failed++;
		else t.errors++;
		for (const f of report.findings) {
			if (f.suppressed) t.suppressed++;
			else t.findings++;
		}
	}
}

export function totals(reports: FileReport[]): ReportTotals {
	const counter = new TotalsCounter();
	for (const report of reports) counter.add(report);
	return counter.totals;
}
