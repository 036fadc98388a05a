/**
 * Stage 1, parse: the source through Sätteri into an mdast tree. A post Sätteri would abort
 * the process on, or fails to parse, comes back as an `AuditFailure` with its position:
 * an audit that crashes the build is worse than one that says why it cannot read a post.
 */
import { markdownToMdast, mdxToMdast } from 'satteri';
import { LineIndex } from '../positions.js';
import type { AuditFailure } from './error-audit.js';
import { firstLine } from './text.js';

export type SourceFormat = 'md' | 'mdx';

export interface ParseInput {
	source: string;
	format: SourceFormat;
}

export type ParseOutput =
	| { source: string; lines: LineIndex; /** The mdast root, as Sätteri returns it. */ tree: unknown }
	| { lines: LineIndex; failure: AuditFailure };

export function parse({ source, format }: ParseInput): ParseOutput {
	const lines = new LineIndex(source);
	const burst = referenceBurst(source);
	if (burst) return { lines, failure: burst };
	try {
		const parseTree = format === 'mdx' ? mdxToMdast : markdownToMdast;
		return { source, lines, tree: parseTree(source, { features: { gfm: true, frontmatter: true } }) };
	} catch (error) {
		return { lines, failure: parseFailure(error, lines) };
	}
}

function parseFailure(error: unknown, lines: LineIndex): AuditFailure {
	const text = firstLine(error);
	const at = /^(\d+):(\d+)(?:-\d+:\d+)?:?\s*/.exec(text);
	const line = at ? Math.min(Number(at[1]), lines.lineCount) : 1;
	const column = at ? Math.max(1, Number(at[2])) : 1;
	return { message: at ? text.slice(at[0].length) : text, line, column };
}

/** More character references (`&amp;`, `&#111;`) in one paragraph than Sätteri reads safely. */
const MAX_REFERENCES_PER_PARAGRAPH = 8000;

/**
 * Sätteri 0.10 aborts the whole process on a paragraph with more than about 13,000
 * character references. A post like that is refused with its position, never parsed.
 */
function referenceBurst(source: string): AuditFailure | undefined {
	if (source.length < MAX_REFERENCES_PER_PARAGRAPH * 4) return undefined;
	const pattern = /&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});|\n[ \t]*\r?\n/gi;
	let count = 0;
	let paragraphStart = 0;
	for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
		if (m[0].startsWith('\n')) {
			count = 0;
			paragraphStart = m.index + m[0].length;
			continue;
		}
		if (++count > MAX_REFERENCES_PER_PARAGRAPH) {
			const at = new LineIndex(source).position(paragraphStart);
			return {
				message: `A paragraph with more than ${MAX_REFERENCES_PER_PARAGRAPH.toLocaleString('en')} character references (\`&…;\`) is more than the Markdown parser reads safely; split the paragraph or write the characters themselves.`,
				...at,
			};
		}
	}
	return undefined;
}
