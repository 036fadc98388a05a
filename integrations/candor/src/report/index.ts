export { type BuildReport, buildReport } from './build-report.js';
export { fileReport, type FileReport, type ReportFinding, type ReportTotals, totals, TotalsCounter, unreadableFile } from './file-report.js';
export { formatGithub } from './format-github.js';
export { formatJson } from './format-json.js';
export { formatSarif } from './format-sarif.js';
export { formatStylish, isOpenWarning, stylishFile, stylishHeading } from './format-stylish.js';
export { REPORT_FORMATS, type ReportFormat, reportWriter, type ReportWriter } from './report-writer.js';
