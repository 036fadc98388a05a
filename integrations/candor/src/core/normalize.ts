/**
 * Text as the audit sees it, mapped back to the source.
 *
 * Every character the rules read carries the source offset it came from, so a finding
 * points at the original file even after entities are decoded, invisible characters are
 * dropped and look-alike letters are folded (a pitch cannot hide behind "ѕіgn uр").
 */
import { decodeHTMLStrict } from 'entities';

/**
 * A growing piece of prose and, for each UTF-16 unit of it, its source offset, stored as
 * runs (text start, source start) where consecutive units map to consecutive offsets: most
 * prose is copied verbatim, so a paragraph needs a handful of runs, not one entry a character.
 */
export class MappedText {
	text = '';
	private readonly runText: number[] = [];
	private readonly runSource: number[] = [];

	/** The source offset of text unit `i` (clamped to the text). */
	offsetAt(i: number): number {
		const runs = this.runText;
		if (runs.length === 0) return 0;
		const at = Math.max(0, Math.min(i, this.text.length - 1));
		let low = 0;
		let high = runs.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if (runs[mid]! <= at) low = mid;
			else high = mid - 1;
		}
		return this.runSource[low]! + (at - runs[low]!);
	}

	private map(textIndex: number, sourceOffset: number): void {
		const last = this.runText.length - 1;
		if (last >= 0 && this.runSource[last]! + (textIndex - this.runText[last]!) === sourceOffset) return;
		this.runText.push(textIndex);
		this.runSource.push(sourceOffset);
	}

	/** Appends `value` (already decoded by the parser) read from `source[start, end)`. */
	appendFromSource(value: string, source: string, start: number, end: number): void {
		if (end - start === value.length && ASCII_PRINTABLE.test(value) && source.startsWith(value, start)) {
			// Most text: copied verbatim, so one run maps all of it (what mapping each unit would give).
			const base = this.text.length;
			this.text += NEWLINE.test(value) ? value.replace(NEWLINES, ' ') : value;
			if (value.length > 0) this.map(base, start);
			return;
		}
		this.appendNormalized(value, alignToSource(value, source, start, end));
	}

	/** Appends text that has no exact source (e.g. an MDX attribute): every unit maps to `offset`. */
	appendAt(value: string, offset: number): void {
		this.appendNormalized(value, Array.from({ length: value.length }, () => offset));
	}

	/** Appends a structural separator (space, newline, placeholder) at `offset`. */
	appendRaw(value: string, offset: number): void {
		const base = this.text.length;
		this.text += value;
		for (let i = 0; i < value.length; i++) this.map(base + i, offset);
	}

	private appendNormalized(value: string, offsets: ArrayLike<number>): void {
		if (ASCII_PRINTABLE.test(value)) {
			// Fast path: nothing to normalise but soft line breaks, which must not end sentences.
			const base = this.text.length;
			this.text += value.replace(NEWLINES, ' ');
			for (let i = 0; i < value.length; i++) this.map(base + i, offsets[i]!);
			return;
		}
		let out = '';
		for (let i = 0; i < value.length; ) {
			const cp = value.codePointAt(i)!;
			const width = cp > 0xffff ? 2 : 1;
			const char = value.slice(i, i + width);
			const offset = offsets[i]!;
			i += width;
			if (INVISIBLE.has(cp)) continue;
			let folded = cp < 0x80 ? char : foldLookalikes(char.normalize('NFKC'));
			if (folded === '\n' || folded === '\r') folded = ' ';
			for (let k = 0; k < folded.length; k++) this.map(this.text.length + out.length + k, offset);
			out += folded;
		}
		this.text += out;
	}
}

const ASCII_PRINTABLE = /^[\x09\x0a\x0d\x20-\x7e]*$/;
const NEWLINES = /[\r\n]/g;
const NEWLINE = /[\r\n]/;

/** Zero-width, bidi-control and soft-hyphen characters: invisible to readers, so dropped. */
const INVISIBLE = new Set([
	0x00ad, 0x034f, 0x061c, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a,
	0x202b, 0x202c, 0x202d, 0x202e, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0x3164,
	0xfeff, 0xffa0,
]);

/** Cyrillic and Greek letters that readers cannot tell from Latin ones. */
const LOOKALIKES: Record<string, string> = {
	А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y', Ѕ: 'S', І: 'I',
	Ј: 'J', Ԛ: 'Q', Ԝ: 'W', а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', ѕ: 's', і: 'i', ј: 'j', ԁ: 'd',
	ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'l', ү: 'y', ҫ: 'c', ɡ: 'g', Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K',
	Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X', ο: 'o', ν: 'v', ρ: 'p', α: 'a', ι: 'i', κ: 'k', τ: 't',
	υ: 'u', χ: 'x', ε: 'e', ɑ: 'a', ı: 'i',
};

function foldLookalikes(text: string): string {
	let out = '';
	for (const char of text) out += LOOKALIKES[char] ?? char;
	return out;
}

const ENTITY = /&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/iy;

/**
 * The source offset of each UTF-16 unit of `value`, a parser's decoded rendering of
 * `source[start, end)`. Walks both strings once: equal characters map one to one; an
 * entity or a backslash escape maps its decoded characters to where it starts; source
 * characters the parser dropped (blockquote markers, indentation) are skipped.
 */
export function alignToSource(value: string, source: string, start: number, end: number): number[] {
	const offsets = new Array<number>(value.length);
	const last = Math.max(start, end - 1);
	if (end - start === value.length && source.startsWith(value, start)) {
		for (let i = 0; i < value.length; i++) offsets[i] = start + i;
		return offsets;
	}
	let j = start;
	for (let i = 0; i < value.length; ) {
		if (j >= end) {
			offsets[i++] = last;
			continue;
		}
		const char = source[j];
		if (char === value[i]) {
			offsets[i++] = j++;
			continue;
		}
		if (char === '\\' && source[j + 1] === value[i]) {
			offsets[i++] = j + 1;
			j += 2;
			continue;
		}
		if (char === '&') {
			ENTITY.lastIndex = j;
			const entity = ENTITY.exec(source);
			if (entity) {
				const decoded = decodeHTMLStrict(entity[0]);
				if (decoded && value.startsWith(decoded, i)) {
					for (let k = 0; k < decoded.length; k++) offsets[i + k] = j;
					i += decoded.length;
					j += entity[0].length;
					continue;
				}
			}
		}
		if (/\s/.test(value[i]!) && !/\s/.test(char!)) {
			// The parser joined lines with whitespace the source spells differently.
			offsets[i++] = j;
			continue;
		}
		j++;
	}
	return offsets;
}
