/**
 * Every report format as a writer fed one file at a time, so a run over 10,000 posts holds
 * one report in memory rather than all of them: `file()` per report, in order, then `end()`
 * once; each returns the text to write next.
 */
import { githubFile } from './format-github.js';
import { jsonWriter } from './format-json.js';
import { sarifWriter } from './format-sarif.js';
import { stylishFile, stylishSummary } from './format-stylish.js';
import { type FileReport, TotalsCounter } from './file-report.js';

export interface ReportWriter {
	file(report: FileReport): string;
	end(): string;
}

export const REPORT_FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function reportWriter(format: ReportFormat): ReportWriter {
	switch (format) {
		case 'json':
			return jsonWriter();
		case 'sarif':
			return sarifWriter();
		case 'github':
			return { file: githubFile, end: () => '' };
		case 'stylish': {
			const counter = new TotalsCounter();
			return {
				file(report) {
					counter.add(report);
					return stylishFile(report);
				},
				end: () => stylishSummary(counter.totals),
			};
		}
	}
}
