/**
 * Sentence boundaries in one block of prose, in a single linear scan.
 *
 * Intl.Segmenter did the same job at a third of the engine's time; these rules cover
 * what blog prose needs:
 *   - `!` `?` `…` end a sentence before whitespace; `.` does too unless the next word starts
 *     in lower case, or the word before it is an abbreviation ("e.g.", "Dr.") or an initial;
 *   - closing quotes and brackets after the mark stay with the sentence, and a quoted
 *     exclamation followed by lower case ("“Act now!” is a bad slogan") does not end it;
 *   - CJK full stops `。！？` end a sentence without a space; line breaks always do.
 */

const ABBREVIATIONS = new Set([
	'e.g', 'i.e', 'etc', 'vs', 'cf', 'mr', 'mrs', 'ms', 'dr', 'prof', 'inc', 'ltd', 'co', 'corp', 'jr', 'sr', 'st', 'no',
	'fig', 'figs', 'approx', 'dept', 'est', 'u.s', 'u.k', 'a.m', 'p.m', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
	'sep', 'sept', 'oct', 'nov', 'dec', 'vol', 'ed', 'eds', 'p', 'pp', 'ch', 'sec', 'al', 'ca', 'min', 'max', 'nr', 'ref',
]);
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»', '*', '_']);
const CJK_TERMINATORS = new Set(['。', '！', '？']);

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0';
const isLower = (c: string | undefined) => c !== undefined && c !== c.toUpperCase() && c === c.toLowerCase();

/** [start, end) ranges of the sentences of `text`, trimmed of surrounding whitespace. */
export function splitSentences(text: string): Array<[number, number]> {
	const ranges: Array<[number, number]> = [];
	let start = 0;
	const close = (end: number) => {
		let from = start;
		let to = end;
		while (from < to && isSpace(text[from])) from++;
		while (to > from && isSpace(text[to - 1])) to--;
		if (to > from) ranges.push([from, to]);
		start = end;
	};
	const marks = /[.!?…\n。！？]/g;
	for (let found = marks.exec(text); found; found = marks.exec(text)) {
		const i = found.index;
		const c = text[i]!;
		if (c === '\n') {
			close(i + 1);
			continue;
		}
		if (CJK_TERMINATORS.has(c)) {
			close(i + 1);
			continue;
		}
		if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
		let end = i + 1;
		while (end < text.length && (text[end] === '.' || text[end] === '!' || text[end] === '?' || text[end] === '…')) end++;
		let quoted = false;
		while (end < text.length && CLOSERS.has(text[end]!)) {
			quoted ||= text[end] !== ')' && text[end] !== ']';
			end++;
		}
		marks.lastIndex = end;
		if (end < text.length && !isSpace(text[end])) continue;
		let next = end;
		while (next < text.length && isSpace(text[next])) next++;
		const nextChar = text[next];
		const period = c === '.' && end === i + 1;
		if (nextChar !== undefined && (period || quoted) && isLower(nextChar)) continue;
		if (period && nextChar !== undefined && isAbbreviation(text, i)) continue;
		close(end);
	}
	close(text.length);
	return ranges;
}

/** Is the word that ends at the period `dot` an abbreviation or a single-letter initial? */
function isAbbreviation(text: string, dot: number): boolean {
	let from = dot;
	while (from > 0 && !isSpace(text[from - 1]) && text[from - 1] !== '(' && text[from - 1] !== '"' && text[from - 1] !== '“') from--;
	const word = text.slice(from, dot);
	if (word.length === 1 && /\p{Lu}/u.test(word)) return true;
	return ABBREVIATIONS.has(word.toLowerCase());
}
