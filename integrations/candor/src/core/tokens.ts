/** Words, numbers and the few symbols that rules read, with their offsets in the text. */
import { CODE_PLACEHOLDER } from './placeholder.js';

export type TokenKind = 'word' | 'num' | 'sym' | 'code';

export interface Token {
	/** Lower-cased, apostrophes folded to `'`. */
	value: string;
	kind: TokenKind;
	start: number;
	end: number;
}

const SYMBOLS = new Set('%$€£¥#+!?&×@/:'.split('').map((c) => c.charCodeAt(0)));
const PLACEHOLDER_CODE = CODE_PLACEHOLDER.charCodeAt(0);
const APOSTROPHES = new Set([39, 0x2019, 0x02bc]);
const UNICODE_LETTER = /[\p{L}\p{M}]/u;
const UNICODE_DIGIT = /\p{N}/u;

const isAsciiDigit = (c: number) => c >= 48 && c <= 57;
const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isDigitAt = (text: string, i: number) => {
	const c = text.charCodeAt(i);
	return isAsciiDigit(c) || (c >= 128 && UNICODE_DIGIT.test(text[i]!));
};
const isLetterAt = (text: string, i: number) => {
	const c = text.charCodeAt(i);
	if (isAsciiLetter(c)) return true;
	if (c < 128) return false;
	// Astral letters (and combining marks) take two UTF-16 units.
	const point = String.fromCodePoint(text.codePointAt(i)!);
	return UNICODE_LETTER.test(point);
};
const widthAt = (text: string, i: number) => (text.codePointAt(i)! > 0xffff ? 2 : 1);

/**
 * Words (letters and marks, with inner apostrophes: "don't"), numbers (digits with inner
 * `.` or `,`: "50,000", "2.5"), the inline-code placeholder and a few symbols rules read
 * (`% $ € £ ¥ # + ! ? & × @ / :`). A char-code scan: Unicode classes are only consulted
 * for non-ASCII characters, which keeps the common case fast.
 */
export function tokenize(text: string, from = 0, to = text.length, lower?: string): Token[] {
	if (lower !== undefined) return tokenizeAscii(text, lower, from, to);
	const tokens: Token[] = [];
	let i = from;
	while (i < to) {
		const c = text.charCodeAt(i);
		if (isDigitAt(text, i)) {
			let end = i + 1;
			for (;;) {
				while (end < to && isDigitAt(text, end)) end++;
				const sep = text.charCodeAt(end);
				if ((sep === 46 || sep === 44) && end + 1 < to && isDigitAt(text, end + 1)) end += 2;
				else break;
			}
			tokens.push({ value: text.slice(i, end), kind: 'num', start: i, end });
			i = end;
		} else if (isLetterAt(text, i)) {
			let end = i + widthAt(text, i);
			let ascii = c < 128;
			for (;;) {
				while (end < to && isLetterAt(text, end)) {
					if (text.charCodeAt(end) >= 128) ascii = false;
					end += widthAt(text, end);
				}
				if (APOSTROPHES.has(text.charCodeAt(end)) && end + 1 < to && isLetterAt(text, end + 1)) {
					if (text.charCodeAt(end) !== 39) ascii = false;
					end += 2;
				} else break;
			}
			const raw = text.slice(i, end).toLowerCase();
			const value = ascii ? raw : raw.replace(/[’ʼ]/g, "'");
			tokens.push({ value, kind: 'word', start: i, end });
			i = end;
		} else {
			if (c === PLACEHOLDER_CODE) tokens.push({ value: CODE_PLACEHOLDER, kind: 'code', start: i, end: i + 1 });
			else if (SYMBOLS.has(c)) tokens.push({ value: text[i]!, kind: 'sym', start: i, end: i + 1 });
			i += widthAt(text, i);
		}
	}
	return tokens;
}

/** `tokenize` for ASCII text (with its lower-cased copy): the same tokens, in a tight loop. */
function tokenizeAscii(text: string, lower: string, from: number, to: number): Token[] {
	const tokens: Token[] = [];
	let i = from;
	while (i < to) {
		const c = lower.charCodeAt(i);
		if (c >= 48 && c <= 57) {
			let end = i + 1;
			for (;;) {
				let d = lower.charCodeAt(end);
				while (end < to && d >= 48 && d <= 57) d = lower.charCodeAt(++end);
				const next = lower.charCodeAt(end + 1);
				if ((d === 46 || d === 44) && end + 1 < to && next >= 48 && next <= 57) end += 2;
				else break;
			}
			tokens.push({ value: text.slice(i, end), kind: 'num', start: i, end });
			i = end;
		} else if (c >= 97 && c <= 122) {
			let end = i + 1;
			for (;;) {
				let d = lower.charCodeAt(end);
				while (end < to && d >= 97 && d <= 122) d = lower.charCodeAt(++end);
				const next = lower.charCodeAt(end + 1);
				if (d === 39 && end + 1 < to && next >= 97 && next <= 122) end += 2;
				else break;
			}
			tokens.push({ value: lower.slice(i, end), kind: 'word', start: i, end });
			i = end;
		} else {
			if (c === PLACEHOLDER_CODE) tokens.push({ value: CODE_PLACEHOLDER, kind: 'code', start: i, end: i + 1 });
			else if (SYMBOLS.has(c)) tokens.push({ value: text[i]!, kind: 'sym', start: i, end: i + 1 });
			i++;
		}
	}
	return tokens;
}

/** The lower-cased text when it is ASCII (same length, so offsets hold); pass it to `tokenize`. */
export const asciiLowerCase = (text: string) => (/[^\x00-\x7f\uE000]/.test(text) ? undefined : text.toLowerCase());

export const isWord = (token: Token) => token.kind === 'word' || token.kind === 'num';
