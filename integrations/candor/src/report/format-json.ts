import type { FileReport } from './file-report.js';
import type { ReportWriter } from './report-writer.js';

/** The stable JSON shape of DESIGN.md: one object per file. */
export function formatJson(reports: FileReport[]): string {
	const writer = jsonWriter();
	return reports.map((r) => writer.file(r)).join('') + writer.end();
}

/** The same array written element by element: byte for byte `JSON.stringify(reports, null, 2)`. */
export function jsonWriter(): ReportWriter {
	let first = true;
	return {
		file(report) {
			const text = `${first ? '[\n' : ',\n'}${indent(JSON.stringify(report, null, 2), '  ')}`;
			first = false;
			return text;
		},
		end: () => (first ? '[]\n' : '\n]\n'),
	};
}

export const indent = (text: string, by: string) => by + text.replaceAll('\n', `\n${by}`);
