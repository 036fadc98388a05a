/**
 * Stage 2, prose: the blocks a reader reads (frontmatter title and description first), the
 * frontmatter fields, the policy exception (`candor: { threshold, reason }`) and the inline
 * suppressions. Invalid exceptions and suppressions become findings here; frontmatter that
 * is not YAML becomes an `AuditFailure`.
 */
import { createRequire } from 'node:module';
import { readSimpleYaml } from '../frontmatter-yaml.js';
import { makeFinding } from '../findings.js';
import type { LineIndex } from '../positions.js';
import { extractProse, frontmatterBlocks, type ProseBlock } from '../prose.js';
import { builtinRules } from '../rules/index.js';
import { readSuppressions, type Suppression } from '../suppressions.js';
import type { Finding, PostAudit } from '../types.js';
import type { CompiledRules } from './compiled-rules.js';
import type { AuditFailure } from './error-audit.js';
import { firstLine, oneLine } from './text.js';

/**
 * `yaml`, loaded on the first frontmatter the simple reader leaves to it: its import is about a
 * quarter of the engine's (~25 ms a process or worker), and most posts' frontmatter never needs it.
 */
let yaml: typeof import('yaml') | undefined;
const parseDocument = (text: string) => (yaml ??= createRequire(import.meta.url)('yaml') as typeof import('yaml')).parseDocument(text);

export interface ProseInput {
	source: string;
	lines: LineIndex;
	tree: unknown;
	/** The threshold the caller asked for; an exception replaces it. */
	threshold: number;
	rules: Pick<CompiledRules, 'byId' | 'knownRuleIds'>;
}

export type ProseOutput =
	| {
			blocks: ProseBlock[];
			/** The whole frontmatter, `{}` when there is none. */
			frontmatter: Record<string, unknown>;
			/** The threshold in force: the exception's, else the caller's. */
			threshold: number;
			exception: PostAudit['exception'];
			suppressions: Suppression[];
			/** `invalid-exception` and `invalid-suppression` findings, in that order. */
			findings: Finding[];
	  }
	| { failure: AuditFailure };

export function readProse({ source, lines, tree, threshold, rules: { byId, knownRuleIds } }: ProseInput): ProseOutput {
	const prose = extractProse(tree as never, source);
	const findings: Finding[] = [];

	// Frontmatter: the exception and the fields adapters show.
	let frontmatter: Record<string, unknown> = {};
	let effectiveThreshold = threshold;
	let exception: PostAudit['exception'];
	if (prose.frontmatter) {
		try {
			// Most frontmatter is a few `key: value` lines, which the simple reader gives as `yaml` would.
			const simple = readSimpleYaml(prose.frontmatter.value);
			let data: unknown = simple?.data;
			let document: { contents: unknown } | undefined = simple?.document;
			if (!simple) {
				const parsed = parseDocument(prose.frontmatter.value);
				if (parsed.errors.length > 0) throw parsed.errors[0];
				data = parsed.toJS();
				document = parsed;
			}
			if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) throw new Error('frontmatter must be a mapping of fields');
			frontmatter = (data ?? {}) as Record<string, unknown>;
			// Title and description are read before anything else.
			const yamlOffset = source.indexOf(prose.frontmatter.value, prose.frontmatter.start);
			if (yamlOffset >= 0) prose.blocks.unshift(...frontmatterBlocks(document!, prose.frontmatter.value, yamlOffset, source));
		} catch (error) {
			const at = lines.position(prose.frontmatter.start);
			return { failure: { message: `Invalid YAML frontmatter: ${firstLine(error)}`, line: at.line, column: at.column } };
		}
		if (frontmatter.candor !== undefined) {
			const value = frontmatter.candor as { threshold?: unknown; reason?: unknown } | null;
			const valid =
				value && typeof value === 'object' && typeof value.threshold === 'number' && value.threshold >= 0 && value.threshold <= 100 &&
				typeof value.reason === 'string' && value.reason.trim() !== '';
			if (valid) {
				exception = { threshold: value.threshold as number, reason: (value.reason as string).trim() };
				effectiveThreshold = exception.threshold;
			} else {
				const rule = byId.get('invalid-exception') ?? builtinRules.find((r) => r.id === 'invalid-exception')!;
				findings.push(makeFinding(rule, lines.range(prose.frontmatter.start, prose.frontmatter.start + 3), 'candor:', undefined));
			}
		}
	}

	const { suppressions, problems } = readSuppressions(prose.comments, lines, knownRuleIds);
	for (const problem of problems) {
		const rule = byId.get('invalid-suppression');
		if (!rule) continue;
		const range = lines.range(problem.comment.start, problem.comment.end);
		findings.push(makeFinding(rule, range, oneLine(source.slice(problem.comment.start, problem.comment.end)), undefined, { message: problem.message }));
	}
	return { blocks: prose.blocks, frontmatter, threshold: effectiveThreshold, exception, suppressions, findings };
}
