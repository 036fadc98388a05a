/** The JSON report a build writes: the per-file shape of the CLI, plus site totals. */
import { ENGINE_VERSION } from '../core/version.js';
import { type FileReport, type ReportTotals, totals } from './file-report.js';

export interface BuildReport {
	engineVersion: string;
	/** Hash of the options that decide verdicts: two reports with the same hash are comparable. */
	optionsHash: string;
	totals: ReportTotals & { exceptions: number };
	files: FileReport[];
}

export function buildReport(reports: FileReport[], optionsHash: string): BuildReport {
	return {
		engineVersion: ENGINE_VERSION,
		optionsHash,
		totals: { ...totals(reports), exceptions: reports.filter((r) => r.exception).length },
		files: reports,
	};
}
