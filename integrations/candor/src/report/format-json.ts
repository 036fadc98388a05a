import type { FileReport } from './file-report.js';

/** The stable JSON shape of DESIGN.md: one object per file. */
export function formatJson(reports: FileReport[]): string {
	return `${JSON.stringify(reports, null, 2)}\n`;
}
