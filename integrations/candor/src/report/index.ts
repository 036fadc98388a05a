export { fileReport, type FileReport, type ReportFinding, type ReportTotals, totals, unreadableFile } from './file-report.js';
export { formatJson } from './format-json.js';
export { formatStylish } from './format-stylish.js';
