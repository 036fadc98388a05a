/**
 * The audit of a post Candor cannot read (Sätteri refuses it, its frontmatter is not YAML):
 * verdict `error`, one `parse-error` finding at the failure, no score. The parse and prose
 * stages return an `AuditFailure` instead of throwing; the composition turns it into this.
 */
import type { LineIndex } from '../positions.js';
import { builtinRules } from '../rules/index.js';
import type { PostAudit } from '../types.js';
import { ENGINE_VERSION } from '../version.js';
import { oneLine } from './text.js';

/** Why and where a post could not be read. */
export interface AuditFailure {
	message: string;
	line: number;
	column: number;
}

export function errorAudit(lines: LineIndex, threshold: number, failure: AuditFailure): PostAudit {
	const rule = builtinRules.find((r) => r.id === 'parse-error')!;
	return {
		engineVersion: ENGINE_VERSION,
		score: 0,
		threshold,
		verdict: 'error',
		words: { total: 0, pitch: 0, expertise: 0, neutral: 0 },
		sentences: [],
		findings: [
			{
				ruleId: rule.id, family: rule.family, severity: 'error', message: failure.message, suggestion: rule.suggestion,
				excerpt: oneLine(lines.lineText(failure.line)), line: failure.line, column: failure.column, endLine: failure.line, endColumn: failure.column,
			},
		],
		frontmatter: {},
	};
}
