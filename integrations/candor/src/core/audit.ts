/**
 * auditPost: Markdown or MDX source in, an explainable audit out. Pure: no file system,
 * no network, no Astro. Same source and options give the same output, byte for byte.
 *
 * Pipeline: parse (Sätteri) → prose blocks (normalised, mapped to the source) → sentences
 * → rule matches → mention-not-use filter → suppressions → sentence labels → score.
 */
import { markdownToMdast, mdxToMdast } from 'satteri';
import { parseDocument } from 'yaml';
import { AFFILIATE_PROGRAMS } from './affiliates.js';
import { checkDisclosures, type DisclosureHit } from './disclosure-check.js';
import { makeFinding } from './findings.js';
import { discussesLanguage, hasCriticalCue, insideAny, isNegated, quotedSpans, spanAround } from './mentions.js';
import { type AuditOptions, type CustomRule, DEFAULT_THRESHOLD } from './options.js';
import { PhraseIndex } from './phrases.js';
import { LineIndex } from './positions.js';
import { CODE_PLACEHOLDER, extractProse, frontmatterBlocks, type LinkSpan, type ProseBlock } from './prose.js';
import { builtinRules, EXPERTISE_FAMILIES } from './rules/index.js';
import { splitSentences } from './sentences.js';
import { findSuppression, readSuppressions, type Suppression } from './suppressions.js';
import { asciiLowerCase, isWord, type Token, tokenize } from './tokens.js';
import type { AuditedSentence, Finding, PostAudit, Rule, SentenceLabel, Signal } from './types.js';
import { ENGINE_VERSION } from './version.js';

export type SourceFormat = 'md' | 'mdx';

export interface Auditor {
	/** Audits one post; `threshold` overrides the options' threshold (e.g. per collection). */
	audit(source: string, format?: SourceFormat, threshold?: number): PostAudit;
	readonly rules: readonly Rule[];
}

interface Match {
	rule: Rule;
	text: string;
	start: number;
	end: number;
	/** Index of the first token of the match in its sentence. */
	token: number;
	/** Source span, for links whose text is not where the URL is. */
	sourceStart: number;
	sourceEnd: number;
}

interface Sentence {
	block: ProseBlock;
	blockIndex: number;
	/** Position in the post's list of sentences. */
	index: number;
	start: number;
	end: number;
	tokens: Token[];
	/** The block's links that start in this sentence. */
	links: LinkSpan[];
}

/** Audits one post. For many posts with the same options, reuse `createAuditor(options)`. */
export function auditPost(source: string, options: AuditOptions & { format?: SourceFormat } = {}): PostAudit {
	return createAuditor(options).audit(source, options.format);
}

/** Compiles the rules for a set of options once. */
export function createAuditor(options: AuditOptions = {}): Auditor {
	const rules = resolveRules(options);
	const byId = new Map(rules.map((rule) => [rule.id, rule]));
	const patterns: string[] = [];
	const ruleOfPattern = new Map<string, Rule>();
	for (const rule of rules) {
		if (rule.matcher.kind !== 'phrases') continue;
		for (const phrase of rule.matcher.phrases) {
			if (!ruleOfPattern.has(phrase)) patterns.push(phrase);
			ruleOfPattern.set(phrase, rule);
		}
	}
	const selfFocus = byId.get('self-focus');
	if (selfFocus) {
		for (const name of options.brand ?? []) {
			const phrase = brandPattern(name);
			if (!phrase || ruleOfPattern.has(phrase)) continue;
			patterns.push(phrase);
			ruleOfPattern.set(phrase, selfFocus);
		}
	}
	const index = new PhraseIndex(patterns);
	const unlessIndex = new Map(
		rules.flatMap((rule) => (rule.matcher.kind === 'phrases' && rule.matcher.unless ? [[rule.id, new PhraseIndex(rule.matcher.unless)] as const] : [])),
	);
	const programs = [...AFFILIATE_PROGRAMS, ...(options.affiliatePrograms ?? [])];
	const linkRules = rules.filter((rule) => rule.matcher.kind === 'link');
	const shapeRules = rules.filter((rule) => rule.matcher.kind === 'phrases' && rule.matcher.sentence && rule.orientation === 'expertise');
	const owned = (options.ownedDomains ?? []).map((domain) => domain.toLowerCase().replace(/^\*?\./, ''));
	const defaultThreshold = options.threshold ?? DEFAULT_THRESHOLD;
	const knownRuleIds = new Set(builtinRules.map((rule) => rule.id).concat(rules.map((rule) => rule.id)));

	const audit = (source: string, format: SourceFormat = 'md', threshold = defaultThreshold): PostAudit => {
		const lines = new LineIndex(source);
		const burst = referenceBurst(source);
		if (burst) return errorAudit(lines, threshold, burst);
		let tree;
		try {
			const parse = format === 'mdx' ? mdxToMdast : markdownToMdast;
			tree = parse(source, { features: { gfm: true, frontmatter: true } });
		} catch (error) {
			return errorAudit(lines, threshold, parseFailure(error, lines));
		}
		const prose = extractProse(tree as never, source);
		const findings: Finding[] = [];

		// Frontmatter: the exception and the fields adapters show.
		let frontmatter: Record<string, unknown> = {};
		let effectiveThreshold = threshold;
		let exception: PostAudit['exception'];
		if (prose.frontmatter) {
			try {
				const document = parseDocument(prose.frontmatter.value);
				if (document.errors.length > 0) throw document.errors[0];
				const data = document.toJS() as unknown;
				if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) throw new Error('frontmatter must be a mapping of fields');
				frontmatter = (data ?? {}) as Record<string, unknown>;
				// Title and description are read before anything else.
				const yamlOffset = source.indexOf(prose.frontmatter.value, prose.frontmatter.start);
				if (yamlOffset >= 0) prose.blocks.unshift(...frontmatterBlocks(document, prose.frontmatter.value, yamlOffset, source));
			} catch (error) {
				const at = lines.position(prose.frontmatter.start);
				return errorAudit(lines, threshold, {
					message: `Invalid YAML frontmatter: ${firstLine(error)}`,
					line: at.line,
					column: at.column,
				});
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

		// Sentences of every block, tokenised once.
		const sentences: Sentence[] = [];
		const sentencesOfBlock: Sentence[][] = [];
		prose.blocks.forEach((block, blockIndex) => {
			const own: Sentence[] = [];
			const lower = asciiLowerCase(block.text.text);
			// Links are in text order, like sentences: one pass hands each sentence its links.
			let link = 0;
			for (const [start, end] of splitSentences(block.text.text)) {
				while (link < block.links.length && block.links[link]!.start < start) link++;
				const links: LinkSpan[] = [];
				for (; link < block.links.length && block.links[link]!.start < end; link++) links.push(block.links[link]!);
				const tokens = tokenize(block.text.text, start, end, lower);
				if (!tokens.some(isWord)) continue;
				own.push({ block, blockIndex, index: sentences.length + own.length, start, end, tokens, links });
			}
			sentencesOfBlock.push(own);
			sentences.push(...own);
		});
		const quotes = prose.blocks.map((block) => quotedSpans(block.text.text));
		const blockquoteCue = groupCues(prose.blocks, sentencesOfBlock, (block) => block.context.blockquote);
		const listCue = groupCues(prose.blocks, sentencesOfBlock, (block) => block.context.list);

		const audited: AuditedSentence[] = [];
		const disclosureHits: DisclosureHit[] = [];
		const words = { total: 0, pitch: 0, expertise: 0, neutral: 0 };
		let weightedPitchWords = 0;

		sentences.forEach((sentence, sentenceIndex) => {
			const { block, tokens } = sentence;
			const text = block.text.text;
			const sourceAt = (i: number) => block.text.offsetAt(i);
			const matches: Match[] = [];
			const lastOfRule = new Map<Rule, Match>();
			for (const found of index.match(tokens)) {
				for (const rule of new Set(found.patterns.map((pattern) => ruleOfPattern.get(pattern)!))) {
				const start = tokens[found.from]!.start;
				const end = tokens[found.to - 1]!.end;
				// Overlapping matches of one rule ("offer ends", "ends Friday") are one passage.
				const previous = lastOfRule.get(rule);
				if (previous && start < previous.end) {
					previous.end = Math.max(previous.end, end);
					previous.sourceEnd = sourceAt(previous.end - 1) + 1;
					previous.text = text.slice(previous.start, previous.end);
					continue;
				}
				const match = { rule, text: text.slice(start, end), start, end, token: found.from, sourceStart: sourceAt(start), sourceEnd: sourceAt(end - 1) + 1 };
				matches.push(match);
				lastOfRule.set(rule, match);
				}
			}
			for (const link of sentence.links) {
				let url: URL;
				try {
					url = new URL(link.url, 'https://owned.invalid/');
				} catch {
					continue;
				}
				const isOwned = url.hostname === 'owned.invalid' || owned.some((d) => url.hostname === d || url.hostname.endsWith(`.${d}`));
				for (const rule of linkRules) {
					if (rule.matcher.kind === 'link' && rule.matcher.test({ url, owned: isOwned })) {
						matches.push({ rule, text: text.slice(link.start, link.end) || link.url, start: link.start, end: Math.max(link.end, link.start + 1), token: firstTokenAt(tokens, link.start), sourceStart: link.sourceStart, sourceEnd: link.sourceEnd });
					}
				}
			}

			const signals: Signal[] = [];
			const counted = new Map<string, number>();
			const pitchHits: Array<{ match: Match; suppression?: Suppression }> = [];
			let languageTalk: boolean | undefined;
			let previousCue: boolean | undefined;
			let shownText: string | undefined;
			const criticisedQuotes = new Map<number, boolean>();
			const unlessSeen = new Map<string, boolean>();
			const previous = sentenceIndex > 0 ? sentences[sentenceIndex - 1] : undefined;
			for (const match of matches) {
				const { rule } = match;
				const unless = unlessIndex.get(rule.id);
				if (unless) {
					let cancelled = unlessSeen.get(rule.id);
					if (cancelled === undefined) unlessSeen.set(rule.id, (cancelled = unless.match(tokens).length > 0));
					if (cancelled) continue;
				}
				if (rule.family === 'disclosure') {
					disclosureHits.push({
						rule, sourceStart: match.sourceStart, sourceEnd: match.sourceEnd, blockIndex: sentence.blockIndex,
						excerpt: excerpt((shownText ??= showCode(block, sentence.start, sentence.end)), match.start - sentence.start),
						negated: match.token < tokens.length && isNegated(tokens, match.token, text),
					});
					continue;
				}
				if (rule.orientation === 'expertise') {
					signals.push({ ruleId: rule.id, orientation: 'expertise', text: match.text });
					counted.set(rule.id, (counted.get(rule.id) ?? 0) + 1);
					continue;
				}
				let mention: Signal['mention'];
				if (match.token < tokens.length && isNegated(tokens, match.token, text)) mention = 'negated';
				else if ((languageTalk ??= discussesLanguage(tokens))) mention = 'discussed';
				else if (
					insideAny(quotes[sentence.blockIndex]!, match.start, match.end) &&
					(quoteIsCriticised(tokens, match, quotes[sentence.blockIndex]!, criticisedQuotes) ||
						(previousCue ??= previous !== undefined && hasCriticalCue(previous.tokens)) ||
						(block.context.list !== undefined && listCue.get(block.context.list)))
				)
					mention = 'quoted';
				else if (block.context.blockquote !== undefined && blockquoteCue.get(block.context.blockquote)) mention = 'blockquote';
				if (mention) {
					signals.push({ ruleId: rule.id, orientation: 'pitch', text: match.text, mention });
					continue;
				}
				const line = lines.position(match.sourceStart).line;
				const suppression = findSuppression(suppressions, rule.id, line);
				signals.push({ ruleId: rule.id, orientation: 'pitch', text: match.text, ...(suppression ? { suppressed: true } : {}) });
				pitchHits.push({ match, suppression });
				if (!suppression) counted.set(rule.id, (counted.get(rule.id) ?? 0) + 1);
			}
			const shape = { tokens, heading: block.context.kind === 'heading', orderedList: block.context.orderedList };
			for (const rule of shapeRules) {
				if (counted.has(rule.id) || rule.matcher.kind !== 'phrases' || !rule.matcher.sentence?.(shape)) continue;
				counted.set(rule.id, 1);
				signals.push({ ruleId: rule.id, orientation: rule.orientation, text: '(sentence shape)' });
			}

			let pitch = 0;
			let expertise = 0;
			for (const [ruleId, count] of counted) {
				const rule = byId.get(ruleId)!;
				// Repeating a rule in one sentence adds a little, not a full weight again.
				const weight = rule.weight * (1 + 0.25 * Math.min(count - 1, 4));
				if (rule.orientation === 'pitch') pitch += weight;
				else expertise += weight;
			}
			let label: SentenceLabel = 'neutral';
			let confidence = 0;
			if (pitch >= 1 && pitch > expertise) {
				label = 'pitch';
				confidence = round(Math.min(1, (pitch - expertise) / 1.5), 3);
			} else if (expertise >= 1 && expertise >= pitch) {
				label = 'expertise';
				confidence = round(Math.min(1, (expertise - pitch) / 1.5), 3);
			}
			let wordCount = 0;
			for (const token of tokens) if (isWord(token)) wordCount++;
			const range = lines.range(sourceAt(sentence.start), sourceAt(sentence.end - 1) + 1);
			const shown = showCode(block, sentence.start, sentence.end);
			audited.push({ text: shown, words: wordCount, label, confidence, signals, ...range });

			for (const { match, suppression } of pitchHits) {
				if (label !== 'pitch' && !suppression) continue;
				const range = lines.range(match.sourceStart, match.sourceEnd);
				findings.push(makeFinding(match.rule, range, excerpt(shown, match.start - sentence.start), suppression, { match: match.text.replace(/\s+/g, ' ').trim() }));
			}
		});

		// A paragraph judged as a whole: in a paragraph that pitches and teaches nothing, the
		// sentences without signals of their own carry the pitch too, at a fraction of its weight.
		const context = byId.get('promotional-paragraph');
		if (context) {
			sentencesOfBlock.forEach((own) => {
				if (own.length < 2) return;
				const members = own.map((sentence) => audited[sentence.index]!);
				if (members.some((m) => m.label === 'expertise')) return;
				const strongest = Math.max(...members.filter((m) => m.label === 'pitch').map((m) => m.confidence), 0);
				if (strongest === 0) return;
				const confidence = round(context.weight * strongest, 3);
				for (const member of members) {
					if (member.label !== 'neutral' || member.signals.some((signal) => signal.orientation === 'pitch' && !signal.mention)) continue;
					const at = { line: member.line, column: member.column, endLine: member.endLine, endColumn: member.endColumn };
					const suppression = findSuppression(suppressions, context.id, at.line);
					member.signals.push({ ruleId: context.id, orientation: 'pitch', text: '(paragraph)', ...(suppression ? { suppressed: true } : {}) });
					findings.push(makeFinding(context, at, excerpt(member.text, 0), suppression));
					if (suppression) continue;
					member.label = 'pitch';
					member.confidence = confidence;
				}
			});
		}
		// Hidden prose is audited like any other, and flagged once per passage.
		const hiddenRule = byId.get('hidden-text');
		if (hiddenRule) {
			for (const block of prose.blocks) {
				const spans: Array<[number, number]> = block.context.hidden ? [[0, block.text.text.length]] : (block.hidden ?? []);
				for (let [from, to] of spans) {
					// The finding covers the hidden words, not the line breaks around them.
					const all = block.text.text;
					while (from < to && /\s/.test(all[from]!)) from++;
					while (to > from && /\s/.test(all[to - 1]!)) to--;
					const text = all.slice(from, to);
					if (!/[\p{L}\p{N}]/u.test(text)) continue;
					const range = lines.range(block.text.offsetAt(from), block.text.offsetAt(to - 1) + 1);
					findings.push(makeFinding(hiddenRule, range, oneLine(text), findSuppression(suppressions, hiddenRule.id, range.line)));
				}
			}
		}
		findings.push(
			...checkDisclosures({
				blocks: prose.blocks,
				hits: disclosureHits,
				sponsorship: frontmatter.sponsorship as { kind?: unknown } | undefined,
				rules: byId,
				programs,
				lines,
				suppressions,
			}),
		);
		for (const sentence of audited) {
			words.total += sentence.words;
			words[sentence.label] += sentence.words;
			if (sentence.label === 'pitch') weightedPitchWords += sentence.words * sentence.confidence;
		}

		findings.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
		const score = words.total === 0 ? 0 : round((100 * weightedPitchWords) / words.total, 1);
		const blocking = findings.some((f) => f.severity === 'error' && !f.suppressed);
		return {
			engineVersion: ENGINE_VERSION,
			score,
			threshold: effectiveThreshold,
			...(exception ? { exception } : {}),
			verdict: score > effectiveThreshold || blocking ? 'fail' : 'pass',
			words,
			sentences: audited,
			findings,
			frontmatter: publicFrontmatter(frontmatter),
		};
	};

	return { audit, rules };
}

/** Built-in rules with the site's settings applied, then the site's own phrase rules. */
function resolveRules(options: AuditOptions): Rule[] {
	const settings = options.rules ?? {};
	const custom = (options.customRules ?? []).map(customRule);
	const all = [...builtinRules, ...custom];
	const ids = new Set(all.map((rule) => rule.id));
	for (const id of Object.keys(settings)) {
		if (!ids.has(id)) throw new Error(`Unknown rule \`${id}\` in the \`rules\` option.`);
	}
	return all.flatMap((rule) => {
		const setting = settings[rule.id];
		if (setting === undefined) return [rule];
		if (setting === 'off') return [];
		if (typeof setting === 'number') return [{ ...rule, weight: setting }];
		return [{ ...rule, weight: setting.weight ?? rule.weight, severity: setting.severity ?? rule.severity }];
	});
}

function customRule(rule: CustomRule): Rule {
	const orientation = (EXPERTISE_FAMILIES as readonly string[]).includes(rule.family) ? 'expertise' : 'pitch';
	return {
		id: rule.id,
		family: rule.family,
		orientation,
		description: rule.description ?? `Site rule: ${rule.phrases.slice(0, 3).join(', ')}`,
		weight: rule.weight ?? 1,
		severity: rule.severity ?? (orientation === 'pitch' ? 'warning' : 'info'),
		message: rule.message ?? (orientation === 'pitch' ? `Matches the site rule \`${rule.id}\`.` : 'Expertise signal.'),
		...(rule.suggestion ? { suggestion: rule.suggestion } : {}),
		docs: '#custom-rules',
		matcher: { kind: 'phrases', phrases: rule.phrases },
		examples: { flag: [], pass: [] },
	};
}

/** A brand name as a phrase pattern: its words in order. */
function brandPattern(name: string): string | undefined {
	const words = tokenize(name.normalize('NFKC')).map((token) => token.value);
	return words.length ? words.map((word) => `[${word}]`).join(' ') : undefined;
}

/** A quotation counts as criticised when the words outside it, in its sentence, say so (once per quotation). */
function quoteIsCriticised(tokens: Token[], match: Match, spans: Array<[number, number]>, known: Map<number, boolean>): boolean {
	const span = spanAround(spans, match.start, match.end)!;
	let criticised = known.get(span[0]);
	if (criticised === undefined) {
		criticised = hasCriticalCue(tokens.filter((token) => token.end <= span[0] || token.start >= span[1]));
		known.set(span[0], criticised);
	}
	return criticised;
}

/** Index of the first token at or after `offset` (binary search; tokens are in order). */
function firstTokenAt(tokens: Token[], offset: number): number {
	let low = 0;
	let high = tokens.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (tokens[mid]!.start < offset) low = mid + 1;
		else high = mid;
	}
	return low;
}

/**
 * For each blockquote (or list): do the sentences just before or just after it criticise or
 * study what it contains? ("Here is the spam email we got:" before a blockquote.)
 */
function groupCues(blocks: ProseBlock[], sentencesOfBlock: Sentence[][], groupOf: (block: ProseBlock) => number | undefined): Map<number, boolean> {
	const cues = new Map<number, boolean>();
	blocks.forEach((block, i) => {
		const group = groupOf(block);
		if (group === undefined || cues.get(group)) return;
		let cue = false;
		const before = blocks[i - 1];
		if (before && groupOf(before) !== group) cue ||= hasCriticalCue(sentencesOfBlock[i - 1]!.at(-1)?.tokens ?? []);
		let after = i + 1;
		while (after < blocks.length && groupOf(blocks[after]!) === group) after++;
		if (after < blocks.length) cue ||= hasCriticalCue(sentencesOfBlock[after]![0]?.tokens ?? []);
		cues.set(group, cue);
	});
	return cues;
}

function publicFrontmatter(data: Record<string, unknown>): Record<string, unknown> {
	const keep: Record<string, unknown> = {};
	for (const key of ['title', 'description', 'author', 'draft', 'tags', 'sponsorship', 'candor']) if (data[key] !== undefined) keep[key] = data[key];
	return keep;
}

function parseFailure(error: unknown, lines: LineIndex): { message: string; line: number; column: number } {
	const text = firstLine(error);
	const at = /^(\d+):(\d+)(?:-\d+:\d+)?:?\s*/.exec(text);
	const line = at ? Math.min(Number(at[1]), lines.lineCount) : 1;
	const column = at ? Math.max(1, Number(at[2])) : 1;
	return { message: at ? text.slice(at[0].length) : text, line, column };
}

function errorAudit(lines: LineIndex, threshold: number, failure: { message: string; line: number; column: number }): PostAudit {
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

function firstLine(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	return message.split('\n')[0]!.trim() || 'unknown parse error';
}

function oneLine(text: string, max = 120): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A sentence of a block as the reader sees it, inline code included. */
function showCode(block: ProseBlock, start: number, end: number): string {
	const text = block.text.text;
	const slice = text.slice(start, end);
	if (!slice.includes(CODE_PLACEHOLDER)) return /\s\s|[\t\n\r]/.test(slice) ? slice.replace(/\s+/g, ' ').trim() : slice;
	let codeIndex = 0;
	for (let i = text.indexOf(CODE_PLACEHOLDER); i >= 0 && i < start; i = text.indexOf(CODE_PLACEHOLDER, i + 1)) codeIndex++;
	return text
		.slice(start, end)
		.replace(/ ?\uE000 ?/g, () => ` \`${block.codes[codeIndex++] ?? ''}\` `)
		.replace(/\s+/g, ' ')
		.trim();
}

/** The sentence around a match, cut to about 120 characters around its start. */
function excerpt(sentence: string, start: number): string {
	// Work on a window around the match, so a huge sentence with many findings stays linear.
	if (sentence.length > 400) sentence = sentence.slice(Math.max(0, start - 150), start + 250);
	const flat = sentence.replace(/\s+/g, ' ').trim();
	if (flat.length <= 120) return flat;
	const from = Math.max(0, Math.min(start - 40, flat.length - 120));
	return `${from > 0 ? '…' : ''}${flat.slice(from, from + 118).trim()}${from + 118 < flat.length ? '…' : ''}`;
}

function round(value: number, digits: number): number {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}

/** More character references (`&amp;`, `&#111;`) in one paragraph than Sätteri reads safely. */
const MAX_REFERENCES_PER_PARAGRAPH = 8000;

/**
 * Sätteri 0.10 aborts the whole process on a paragraph with more than about 13,000
 * character references. A post like that is refused with its position, never parsed:
 * an audit that crashes the build is worse than one that says why it cannot read a post.
 */
function referenceBurst(source: string): { message: string; line: number; column: number } | undefined {
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
