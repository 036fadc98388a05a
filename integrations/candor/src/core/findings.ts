/** One way to make a finding: every rule reports the same fields, suppressions marked alike. */
import type { Suppression } from './suppressions.js';
import type { Finding, Rule, Severity, SourceRange } from './types.js';

export function makeFinding(
	rule: Rule,
	range: SourceRange,
	excerpt: string,
	suppression: Suppression | undefined,
	overrides: { severity?: Severity; message?: string; match?: string } = {},
): Finding {
	return {
		ruleId: rule.id,
		family: rule.family,
		severity: overrides.severity ?? rule.severity,
		message: overrides.message ?? rule.message,
		...(rule.suggestion ? { suggestion: rule.suggestion } : {}),
		excerpt,
		...(overrides.match !== undefined ? { match: overrides.match } : {}),
		...range,
		...(suppression ? { suppressed: { reason: suppression.reason, line: suppression.line } } : {}),
	};
}
