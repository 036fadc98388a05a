/**
 * SARIF 2.1.0, the format GitHub code scanning reads: one run, the rules that fired as
 * `reportingDescriptor`s with help links, one result per finding (suppressed findings carry
 * an `inSource` suppression with its reason, as SARIF intends).
 *
 * Written one file at a time: the results come first and the rules that fired (numbered in
 * the order they first fired, which each result's `ruleIndex` points into) after them, so
 * nothing but the rule list is held until the end. JSON member order carries no meaning.
 */
import type { ReportingDescriptor, Result } from 'sarif';
import { builtinRules } from '../core/rules/index.js';
import { ENGINE_VERSION } from '../core/version.js';
import type { FileReport } from './file-report.js';
import { indent } from './format-json.js';
import type { ReportWriter } from './report-writer.js';

const HELP_BASE = 'https://www.npmjs.com/package/astro-candor';
const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;
const known = new Map(builtinRules.map((rule) => [rule.id, rule]));

export function formatSarif(reports: FileReport[]): string {
	const writer = sarifWriter();
	return reports.map((r) => writer.file(r)).join('') + writer.end();
}

export function sarifWriter(): ReportWriter {
	const ruleIndex = new Map<string, number>();
	let first = true;
	const open = `{\n  "version": "2.1.0",\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "runs": [\n    {\n      "results": [`;
	return {
		file(report) {
			const results: Result[] = report.findings.map((f) => {
				if (!ruleIndex.has(f.ruleId)) ruleIndex.set(f.ruleId, ruleIndex.size);
				return {
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
				};
			});
			let text = '';
			for (const result of results) {
				text += `${first ? `${open}\n` : ',\n'}${indent(JSON.stringify(result, null, 2), '        ')}`;
				first = false;
			}
			return text;
		},
		end() {
			const rules: ReportingDescriptor[] = [...ruleIndex.keys()].map(descriptor);
			const tool = { driver: { name: 'Candor', semanticVersion: ENGINE_VERSION, informationUri: HELP_BASE, rules } };
			const results = first ? `${open}]` : '\n      ]';
			return `${results},\n      "tool": ${indent(JSON.stringify(tool, null, 2), '      ').trimStart()},\n      "columnKind": "utf16CodeUnits"\n    }\n  ]\n}\n`;
		},
	};
}

function descriptor(id: string): ReportingDescriptor {
	const rule = known.get(id);
	return {
		id,
		name: id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
		shortDescription: { text: rule?.description ?? `Site rule \`${id}\`.` },
		...(rule ? { helpUri: `${HELP_BASE}${rule.docs}`, help: { text: rule.suggestion ?? rule.message } } : {}),
		defaultConfiguration: { level: LEVEL[rule?.severity ?? 'warning'] },
	};
}
