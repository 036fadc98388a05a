/**
 * SARIF 2.1.0, the format GitHub code scanning reads: one run, the rules that fired as
 * `reportingDescriptor`s with help links, one result per finding (suppressed findings carry
 * an `inSource` suppression with its reason, as SARIF intends).
 */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { builtinRules, ENGINE_VERSION } from '../core/index.js';
import type { FileReport } from './file-report.js';

const HELP_BASE = 'https://www.npmjs.com/package/astro-candor';
const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function formatSarif(reports: FileReport[]): string {
	const fired = [...new Set(reports.flatMap((r) => r.findings.map((f) => f.ruleId)))].sort();
	const known = new Map(builtinRules.map((rule) => [rule.id, rule]));
	const rules: ReportingDescriptor[] = fired.map((id) => {
		const rule = known.get(id);
		return {
			id,
			name: id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
			shortDescription: { text: rule?.description ?? `Site rule \`${id}\`.` },
			...(rule ? { helpUri: `${HELP_BASE}${rule.docs}`, help: { text: rule.suggestion ?? rule.message } } : {}),
			defaultConfiguration: { level: LEVEL[rule?.severity ?? 'warning'] },
		};
	});
	const ruleIndex = new Map(fired.map((id, i) => [id, i]));
	const results: Result[] = reports.flatMap((report) =>
		report.findings.map((f) => ({
			ruleId: f.ruleId,
			ruleIndex: ruleIndex.get(f.ruleId)!,
			level: LEVEL[f.severity],
			message: { text: f.excerpt ? `${f.message} “${f.excerpt}”` : f.message },
			locations: [
				{
					physicalLocation: {
						artifactLocation: { uri: encodeURI(report.file), uriBaseId: '%SRCROOT%' },
						region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: Math.max(f.endColumn, f.line === f.endLine ? f.column + 1 : 1) },
					},
				},
			],
			...(f.suppressed ? { suppressions: [{ kind: 'inSource' as const, justification: f.suppressed.reason }] } : {}),
		})),
	);
	const log: Log = {
		version: '2.1.0',
		$schema: 'https://json.schemastore.org/sarif-2.1.0.json',
		runs: [
			{
				tool: { driver: { name: 'Candor', semanticVersion: ENGINE_VERSION, informationUri: HELP_BASE, rules } },
				results,
				columnKind: 'utf16CodeUnits',
			},
		],
	};
	return `${JSON.stringify(log, null, 2)}\n`;
}
