/**
 * Finding a finding's words in a rendered page, whose text is not the source's: Markdown
 * renders `'` as `’`, `"` as `“ ”`, `--` as `–` and `...` as `…` (smartypants), wraps lines
 * and splits a sentence into text nodes around links and emphasis. Both sides are folded to
 * one form (ASCII quotes and dashes, one space for any run of white space, lower case), and
 * a match in the folded page text is mapped back to positions in the page's text nodes.
 * DOM-free, so it is tested in Node.
 */

const FOLD: Record<string, string> = {
	'\u2018': "'", // ‘
	'\u2019': "'", // ’
	'\u201a': "'", // ‚
	'\u201b': "'", // ‛
	'\u2032': "'", // ′
	'\u00b4': "'", // ´
	'`': "'",
	'\u201c': '"', // “
	'\u201d': '"', // ”
	'\u201e': '"', // „
	'\u2033': '"', // ″
	'\u00ab': '"', // «
	'\u00bb': '"', // »
	'\u2010': '-', // ‐
	'\u2011': '-', // non-breaking hyphen
	'\u2012': '-', // ‒
	'\u2013': '-', // –
	'\u2014': '-', // —
	'\u2015': '-', // ―
	'\u2212': '-', // −
	'\u2026': '...', // …
	'\u00ad': '', // soft hyphen
	'\u200b': '', // zero-width space
	'\u2060': '', // word joiner
	'\ufeff': '',
};

/** Text folded for matching, with, for every folded character, the index of the character it came from. */
export interface FoldedText {
	text: string;
	from: number[];
}

/** Folds typography, white space and case; a dash run (`--`, `—`) is one `-`, white space runs are one space. */
export function foldText(text: string): FoldedText {
	let folded = '';
	const from: number[] = [];
	for (let i = 0; i < text.length; i++) {
		const char = text[i]!;
		const replaced = /\s/.test(char) ? ' ' : (FOLD[char] ?? char.toLowerCase());
		for (const out of replaced) {
			const last = folded[folded.length - 1];
			if ((out === ' ' && last === ' ') || (out === '-' && last === '-')) continue;
			folded += out;
			from.push(i);
		}
	}
	return { text: folded, from };
}

/** A place in the page: the index of a text node and an offset in its value. */
export interface TextPosition {
	node: number;
	offset: number;
}

/**
 * Where `wanted` is in a run of text nodes (in document order), ignoring typography,
 * spacing and case; it may span several nodes. `undefined` when it is not there.
 */
export function findPassage(nodes: readonly string[], wanted: string): { start: TextPosition; end: TextPosition } | undefined {
	const needle = foldText(wanted).text.trim();
	if (!needle) return undefined;
	const page = foldText(nodes.join(''));
	const at = page.text.indexOf(needle);
	if (at < 0) return undefined;
	const starts: number[] = [];
	let length = 0;
	for (const node of nodes) {
		starts.push(length);
		length += node.length;
	}
	const position = (index: number): TextPosition => {
		let node = starts.length - 1;
		while (node > 0 && starts[node]! > index) node--;
		return { node, offset: index - starts[node]! };
	};
	const first = page.from[at]!;
	const last = page.from[at + needle.length - 1]!;
	const end = position(last);
	return { start: position(first), end: { node: end.node, offset: end.offset + 1 } };
}
