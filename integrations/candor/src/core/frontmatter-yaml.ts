/**
 * A reader for the frontmatter most posts have: one `key: value` a line, values plain, quoted
 * or a one-line flow list. It gives what `yaml`'s `parseDocument(text).toJS()` gives, and the
 * source range of each value, at a fraction of the cost (the full parser was a tenth of an
 * audit). Anything else — comments, nesting, anchors, tags, block scalars, escapes other than
 * `\"` `\\` `\/`, numbers other than small decimal integers, anything YAML would reject — is
 * `undefined`: the caller then parses with `yaml`, which also words the errors.
 */

export interface SimpleYamlItem {
	key: { value: string };
	/** `range`: where the value starts and ends in the text, as `yaml` gives it. */
	value: { value: unknown; range: [number, number] };
}

export interface SimpleYaml {
	data: Record<string, unknown>;
	/** The same shape as a `yaml` Document's mapping, for `frontmatterBlocks`. */
	document: { contents: { items: SimpleYamlItem[] } };
}

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)/;
/** Characters YAML reads as a tab, line ending, byte-order mark or a character it may refuse. */
const UNUSUAL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff]/;
/** Characters a plain value may not start with in this subset (YAML's indicators). */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const SMALL_INT = /^[0-9]{1,15}$/;
/** Every other scalar the core schema reads as a number. */
const OTHER_NUMBER = /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/;
const RESERVED_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;

/** Reads `text` when it is in the subset, else `undefined`. */
export function readSimpleYaml(text: string): SimpleYaml | undefined {
	if (UNUSUAL.test(text)) return undefined;
	const items: SimpleYamlItem[] = [];
	const data: Record<string, unknown> = {};
	const lines = text.split('\n');
	let offset = 0;
	for (let l = 0; l < lines.length; ) {
		const line = lines[l]!;
		if (isBlank(line)) {
			offset += line.length + 1;
			l++;
			continue;
		}
		const key = KEY_LINE.exec(line);
		if (!key) return undefined;
		const name = key[1]!;
		if (name.length > 1000 || RESERVED_KEY.test(name) || name in Object.prototype || Object.hasOwn(data, name)) return undefined;
		const valueAt = offset + key[0].length;
		const rest = trimEnd(line.slice(key[0].length));
		// The lines that continue this value: indented, up to the next line that is not (blank lines between).
		let next = l + 1;
		let last = l;
		while (next < lines.length && (isBlank(lines[next]!) || lines[next]!.startsWith(' '))) {
			if (!isBlank(lines[next]!)) last = next;
			next++;
		}
		let value: unknown;
		let range: [number, number];
		if (rest === '') {
			if (last !== l) return undefined;
			value = null;
			range = [offset + key[0].length, offset + key[0].length];
		} else if (rest[0] === '"' || rest[0] === "'" || rest[0] === '[') {
			if (last !== l) return undefined;
			const read = rest[0] === '[' ? flowList(rest) : quoted(rest, 0);
			if (!read || read.end !== rest.length) return undefined;
			value = read.value;
			range = [valueAt, valueAt + rest.length];
		} else {
			// A plain value, perhaps folded over indented lines: a line break reads as a space, n blank lines as n newlines.
			if (!plainLine(rest)) return undefined;
			let folded = rest;
			let blanks = 0;
			let end = valueAt + rest.length;
			let at = offset + line.length + 1;
			for (let k = l + 1; k <= last; k++) {
				const more = lines[k]!;
				const trimmed = trimEnd(more).replace(/^ +/, '');
				if (trimmed === '') blanks++;
				else {
					if (!plainLine(trimmed)) return undefined;
					folded += (blanks === 0 ? ' ' : '\n'.repeat(blanks)) + trimmed;
					blanks = 0;
					end = at + trimEnd(more).length;
				}
				at += more.length + 1;
			}
			const resolved = plainScalar(folded);
			if (resolved === undefined) return undefined;
			value = resolved.value;
			range = [valueAt, end];
		}
		data[name] = value;
		items.push({ key: { value: name }, value: { value, range } });
		for (; l < next; l++) offset += lines[l]!.length + 1;
	}
	return items.length === 0 ? undefined : { data, document: { contents: { items } } };
}

// YAML's white space is the space (tabs are left to `yaml`), not JavaScript's.
const isBlank = (line: string) => /^ *$/.test(line);
const trimEnd = (text: string) => text.replace(/ +$/, '');

/** A plain line of a block value: no indicator first, no `: ` or ` #` inside, no `:` last. */
const plainLine = (line: string) => !INDICATOR.test(line) && !line.includes(': ') && !line.includes(' #') && !line.endsWith(':');

/** A plain scalar as the core schema reads it; `undefined` for the numbers left to `yaml`. */
function plainScalar(text: string): { value: unknown } | undefined {
	if (NULL.test(text)) return { value: null };
	if (BOOL.test(text)) return { value: text[0] === 't' || text[0] === 'T' };
	if (SMALL_INT.test(text)) return { value: Number(text) };
	if (OTHER_NUMBER.test(text)) return undefined;
	return { value: text };
}

/** A quoted string starting at `from`: `"…"` with `\"`, `\\` or `\/` escapes, or `'…'` with `''`. */
function quoted(text: string, from: number): { value: string; end: number } | undefined {
	const quote = text[from];
	let value = '';
	for (let i = from + 1; i < text.length; i++) {
		const c = text[i]!;
		if (quote === '"') {
			if (c === '"') return { value, end: i + 1 };
			if (c === '\\') {
				const escaped = text[++i];
				if (escaped !== '"' && escaped !== '\\' && escaped !== '/') return undefined;
				value += escaped;
				continue;
			}
		} else if (c === "'") {
			if (text[i + 1] !== "'") return { value, end: i + 1 };
			i++;
		}
		value += c;
	}
	return undefined;
}

/** `[a, "b", 'c']` on one line: quoted items, or plain ones without flow indicators. */
function flowList(text: string): { value: unknown[]; end: number } | undefined {
	const items: unknown[] = [];
	let i = 1;
	const skipSpaces = () => {
		while (text[i] === ' ') i++;
	};
	skipSpaces();
	if (text[i] === ']') return { value: items, end: i + 1 };
	for (;;) {
		skipSpaces();
		const c = text[i];
		if (c === '"' || c === "'") {
			const read = quoted(text, i);
			if (!read) return undefined;
			items.push(read.value);
			i = read.end;
		} else {
			let end = i;
			while (end < text.length && !',[]{}#:'.includes(text[end]!)) end++;
			const plain = trimEnd(text.slice(i, end));
			if (plain === '' || INDICATOR.test(plain)) return undefined;
			const resolved = plainScalar(plain);
			if (resolved === undefined) return undefined;
			items.push(resolved.value);
			i = end;
		}
		skipSpaces();
		if (text[i] === ']') return { value: items, end: i + 1 };
		if (text[i] !== ',') return undefined;
		i++;
		skipSpaces();
		if (text[i] === ']') return undefined;
	}
}
