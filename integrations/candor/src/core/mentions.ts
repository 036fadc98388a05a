/**
 * Mention is not use. A pitch phrase does not count when the writer quotes it to take it
 * apart, negates it ("don't blast special offers"), or talks about the language itself
 * ("buzzwords like 'synergy'"). Each test here is a named, explainable reason.
 */
import type { Token } from './tokens.js';

/** Words that negate what follows within the same clause. */
const NEGATORS = new Set([
	'not', 'no', 'never', "don't", 'dont', "doesn't", "didn't", "won't", "wouldn't", "shouldn't", "can't", 'cannot', "isn't",
	"aren't", "wasn't", "weren't", 'without', 'avoid', 'avoids', 'avoiding', 'avoided', 'stop', 'stopped', 'against', 'instead',
	'rather', 'nor', 'neither', 'refuse', 'refused', 'skip', 'ban', 'banned', 'drop', 'dropped', 'resist', 'nobody', "haven't",
	"hasn't", 'less',
]);

/** Words that show the writer is discussing language, not using it. */
const META_WORDS = new Set([
	'slogan', 'slogans', 'tagline', 'taglines', 'buzzword', 'buzzwords', 'jargon', 'cliché', 'clichés', 'cliche', 'cliches',
	'marketing-speak', 'sales-speak', 'salesy', 'copywriting', 'wording', 'phrase', 'phrases', 'phrasing', 'adjective', 'adjectives',
	'superlative', 'superlatives', 'headline', 'headlines', 'ctas', 'cta', 'copywriter', 'copywriters',
]);

/** Words around a quotation or blockquote that show it is being criticised or studied. */
const CRITICAL_WORDS = new Set([
	...META_WORDS,
	'word', 'words', 'copy', 'subject', 'calling', 'called', 'call', 'describe', 'describes', 'described', 'describing', 'label',
	'labels', 'labelled', 'labeled', 'nothing',
	'spam', 'spammy', 'scam', 'scammy', 'manipulative', 'manipulate', 'manipulation', 'pushy', 'sleazy', 'misleading', 'deceptive',
	'dishonest', 'cringe', 'cringey', 'hype', 'hyped', 'meaningless', 'empty', 'vague', 'annoying', 'awful', 'terrible', 'bad',
	'worse', 'worst', 'lazy', 'fake', 'avoid', "don't", 'never', 'stop', 'wrong', 'tired', 'lie', 'lies', 'exaggerated', 'overblown',
	'nonsense', 'fluff', 'gimmick', 'gimmicky', 'generic', 'irritating', 'obnoxious', 'tacky', 'claims', 'claimed',
	'promised', 'promises', 'boasted', 'boasts', 'touted', 'touts', 'so-called', 'pitch', 'pitched', 'example', 'examples',
	'instead', 'ignore', 'ignored', 'eroded', 'erode', 'erodes', 'distrust', 'trust', 'unsubscribe', 'unsubscribed', 'unclear',
	'ambiguous', 'dark', 'pattern', 'patterns', 'tactic', 'tactics', 'trick', 'tricks', 'pressure', 'vendor', 'vendors',
	'inbox', 'email', 'emails', 'ad', 'ads', 'advert', 'adverts', 'advertising', 'salesperson', 'marketers',
]);

/** How many words back a negation reaches ("we do not claim the parser is world-class"). */
const NEGATION_REACH = 6;
const CLAUSE_BREAK = /[,;:—–()!?]|\s-\s/;

/** Is the match at tokens[from] negated by a word shortly before it in the same clause? */
export function isNegated(tokens: Token[], from: number, text: string): boolean {
	for (let i = from - 1; i >= Math.max(0, from - NEGATION_REACH); i--) {
		const between = text.slice(tokens[i]!.end, tokens[i + 1]!.start);
		if (CLAUSE_BREAK.test(between)) return false;
		if (NEGATORS.has(tokens[i]!.value)) return true;
	}
	return false;
}

/** Does the sentence talk about language ("buzzwords like …", "the phrase …")? */
export function discussesLanguage(tokens: Token[]): boolean {
	return tokens.some((token) => META_WORDS.has(token.value));
}

export function hasCriticalCue(tokens: Token[]): boolean {
	return tokens.some((token) => CRITICAL_WORDS.has(token.value));
}

/**
 * Quoted spans of a block: “…”, "…", ‘…’ and '…' where the single quotes are not
 * apostrophes. Returned as [start, end) offsets into the text.
 */
export function quotedSpans(text: string): Array<[number, number]> {
	const spans: Array<[number, number]> = [];
	let open: { at: number; char: string } | undefined;
	const quoteMarks = /["'“”‘’]/g;
	for (let found = quoteMarks.exec(text); found; found = quoteMarks.exec(text)) {
		const i = found.index;
		const char = text[i]!;
		if (open) {
			const closes =
				(open.char === '“' && char === '”') ||
				(open.char === '"' && char === '"') ||
				((open.char === '‘' || open.char === "'") && (char === '’' || char === "'") && !/[\p{L}\p{N}]/u.test(text[i + 1] ?? ''));
			if (closes) {
				spans.push([open.at, i + 1]);
				open = undefined;
			}
			continue;
		}
		if (char === '“' || char === '"') open = { at: i, char };
		else if ((char === '‘' || char === "'") && !/[\p{L}\p{N}]/u.test(text[i - 1] ?? '') && /\S/.test(text[i + 1] ?? '')) open = { at: i, char };
	}
	return spans;
}

/** The quoted span containing [start, end), if any. Spans are sorted and disjoint: a binary search. */
export function spanAround(spans: Array<[number, number]>, start: number, end: number): [number, number] | undefined {
	let low = 0;
	let high = spans.length - 1;
	while (low <= high) {
		const mid = (low + high) >> 1;
		const [from, to] = spans[mid]!;
		if (start < from) high = mid - 1;
		else if (start >= to) low = mid + 1;
		else return end <= to ? spans[mid] : undefined;
	}
	return undefined;
}

export const insideAny = (spans: Array<[number, number]>, start: number, end: number) => spanAround(spans, start, end) !== undefined;
