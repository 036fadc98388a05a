/**
 * Inline suppressions, written in Markdown or MDX comments:
 *
 *   <!-- candor-disable-next-line call-to-action -- quoting the old homepage -->
 *   {/* candor-disable-next-line hype, offer -- a reader's complaint, quoted *\/}
 *   <!-- candor-disable offer -- the price table of the release --> … <!-- candor-enable offer -->
 *
 * A suppression must name known rules and give a reason; otherwise it is ignored and
 * reported. Suppressed findings stay in the output, marked, and never count.
 */
import type { LineIndex } from './positions.js';
import type { Comment } from './prose.js';

export interface Suppression {
	rules: Set<string>;
	reason: string;
	/** Lines covered, inclusive. */
	fromLine: number;
	toLine: number;
	/** Line of the comment, for the report. */
	line: number;
}

export interface SuppressionProblem {
	comment: Comment;
	message: string;
}

const DIRECTIVE = /^\s*candor-(disable-next-line|disable-line|disable|enable)\b([\s\S]*)$/;

export function readSuppressions(
	comments: Comment[],
	lines: LineIndex,
	knownRules: ReadonlySet<string>,
): { suppressions: Suppression[]; problems: SuppressionProblem[] } {
	const suppressions: Suppression[] = [];
	const problems: SuppressionProblem[] = [];
	const open = new Map<string, { reason: string; line: number }>();
	for (const comment of [...comments].sort((a, b) => a.start - b.start)) {
		const directive = DIRECTIVE.exec(comment.value);
		if (!directive) continue;
		const [, kind, rest = ''] = directive;
		const [ruleText = '', ...reasonParts] = rest.split(/\s--\s?|^--\s?/);
		const reason = reasonParts.join(' -- ').trim();
		const rules = ruleText.split(/[\s,]+/).filter(Boolean);
		const unknown = rules.filter((rule) => !knownRules.has(rule));
		const commentLine = lines.position(comment.start).line;
		const commentEndLine = lines.position(Math.max(comment.start, comment.end - 1)).line;
		if (kind === 'enable') {
			for (const rule of rules.length ? rules : [...open.keys()]) {
				const started = open.get(rule);
				if (!started) continue;
				suppressions.push({ rules: new Set([rule]), reason: started.reason, fromLine: started.line, toLine: commentLine, line: started.line });
				open.delete(rule);
			}
			continue;
		}
		if (rules.length === 0 || unknown.length > 0 || !reason) {
			const missing = [
				rules.length === 0 ? 'name the rule it suppresses' : '',
				unknown.length ? `name known rules (unknown: ${unknown.map((r) => `\`${r}\``).join(', ')})` : '',
				!reason ? 'give a reason after `--`' : '',
			].filter(Boolean);
			problems.push({ comment, message: `Suppression ignored: it must ${missing.join(' and ')}.` });
			continue;
		}
		if (kind === 'disable') {
			for (const rule of rules) open.set(rule, { reason, line: commentLine });
			continue;
		}
		const target = kind === 'disable-line' ? commentLine : nextContentLine(lines, commentEndLine);
		suppressions.push({ rules: new Set(rules), reason, fromLine: target, toLine: target, line: commentLine });
	}
	// An unclosed `candor-disable` runs to the end of the file.
	for (const [rule, started] of open) {
		suppressions.push({ rules: new Set([rule]), reason: started.reason, fromLine: started.line, toLine: lines.lineCount, line: started.line });
	}
	return { suppressions, problems };
}

function nextContentLine(lines: LineIndex, after: number): number {
	for (let line = after + 1; line <= lines.lineCount; line++) if (lines.lineText(line).trim()) return line;
	return after + 1;
}

export function findSuppression(suppressions: Suppression[], ruleId: string, line: number): Suppression | undefined {
	return suppressions.find((s) => s.rules.has(ruleId) && line >= s.fromLine && line <= s.toLine);
}
