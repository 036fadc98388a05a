/**
 * Stage 4, rule signals: what each rule sees in a sentence, before any judgement of how it
 * is used. Phrase matches (overlapping matches of one rule merged into one passage), link
 * matches, and the expertise rules whose sentence-shape test passes. Matches cancelled by
 * their rule's `unless` phrases in the same sentence are dropped here.
 */
import type { Token } from '../tokens.js';
import type { Rule } from '../types.js';
import type { CompiledRules } from './compiled-rules.js';
import type { Sentence } from './sentences.js';

export interface Match {
	rule: Rule;
	text: string;
	/** Offsets into the block text. */
	start: number;
	end: number;
	/** Index of the first token of the match in its sentence. */
	token: number;
	/** Source span, for links whose text is not where the URL is. */
	sourceStart: number;
	sourceEnd: number;
}

export interface SignalsInput {
	sentences: readonly Sentence[];
	rules: Pick<CompiledRules, 'index' | 'ruleOfPattern' | 'unlessIndex' | 'linkRules' | 'shapeRules' | 'owned'>;
}

export interface MatchedSentence {
	sentence: Sentence;
	/** Phrase matches in rule-pattern order, then link matches. */
	matches: Match[];
	/** Shape rules that hold for the sentence and have no phrase match in it. */
	shapes: Rule[];
}

export function matchRules({ sentences, rules }: SignalsInput): MatchedSentence[] {
	return sentences.map((sentence) => {
		const found = phraseMatches(sentence, rules);
		if (sentence.links.length > 0) found.push(...linkMatches(sentence, rules));
		const matches = found.length > 0 ? uncancelled(sentence.tokens, found, rules.unlessIndex) : found;
		const matched = matches.length > 0 ? new Set(matches.map((match) => match.rule.id)) : undefined;
		const shape = { tokens: sentence.tokens, heading: sentence.block.context.kind === 'heading', orderedList: sentence.block.context.orderedList };
		const shapes = rules.shapeRules.filter((rule) => !matched?.has(rule.id) && rule.matcher.kind === 'phrases' && rule.matcher.sentence?.(shape));
		return { sentence, matches, shapes };
	});
}

function phraseMatches({ block, tokens }: Sentence, { index, ruleOfPattern }: SignalsInput['rules']): Match[] {
	const text = block.text.text;
	const sourceAt = (i: number) => block.text.offsetAt(i);
	const matches: Match[] = [];
	const phrases = index.match(tokens);
	if (phrases.length === 0) return matches;
	const lastOfRule = new Map<Rule, Match>();
	for (const found of phrases) {
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
	return matches;
}

function linkMatches({ block, tokens, links }: Sentence, { linkRules, owned }: SignalsInput['rules']): Match[] {
	const text = block.text.text;
	const matches: Match[] = [];
	for (const link of links) {
		const url = parseLink(link.url);
		if (!url) continue;
		const isOwned = url.hostname === 'owned.invalid' || owned.some((d) => url.hostname === d || url.hostname.endsWith(`.${d}`));
		for (const rule of linkRules) {
			if (rule.matcher.kind === 'link' && rule.matcher.test({ url, owned: isOwned })) {
				matches.push({ rule, text: text.slice(link.start, link.end) || link.url, start: link.start, end: Math.max(link.end, link.start + 1), token: firstTokenAt(tokens, link.start), sourceStart: link.sourceStart, sourceEnd: link.sourceEnd });
			}
		}
	}
	return matches;
}

/**
 * Links resolved against a stand-in for the site, by their text. A site links the same pages
 * from post after post, and `new URL` (with its query parsed by the rules) is the costly part
 * of a link; the rules only read the URL. Bounded: cleared when full.
 */
const parsedLinks = new Map<string, URL | null>();
const MAX_PARSED_LINKS = 4096;

function parseLink(href: string): URL | null {
	let url = parsedLinks.get(href);
	if (url !== undefined) return url;
	try {
		url = new URL(href, 'https://owned.invalid/');
	} catch {
		url = null;
	}
	if (parsedLinks.size >= MAX_PARSED_LINKS) parsedLinks.clear();
	parsedLinks.set(href, url);
	return url;
}

/** The matches whose rule's `unless` phrases are absent from the sentence (looked up once per rule). */
function uncancelled(tokens: Token[], matches: Match[], unlessIndex: SignalsInput['rules']['unlessIndex']): Match[] {
	const cancelled = new Map<string, boolean>();
	return matches.filter(({ rule }) => {
		const unless = unlessIndex.get(rule.id);
		if (!unless) return true;
		let is = cancelled.get(rule.id);
		if (is === undefined) cancelled.set(rule.id, (is = unless.match(tokens).length > 0));
		return !is;
	});
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
