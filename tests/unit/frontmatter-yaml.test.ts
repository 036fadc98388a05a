/**
 * The simple frontmatter reader stands in for `yaml` only where it gives the same thing: for
 * any text it reads, `yaml` reports no error, the same data and the same range of each string
 * value; anything else it leaves to `yaml`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readSimpleYaml } from '../../integrations/candor/src/core/frontmatter-yaml.ts';

const keys = ['title', 'description', 'pubDate', 'tags', 'draft', 'x-y', 'null', 'True', 'constructor', '__proto__', '<<', 'a b', '1'];
const values = [
	'Foo bar', 'a:b', 'a: b', 'x #c', 'C#', '~', 'null', 'True', 'yes', '012', '-3', '1.5', '1e3', '.inf', '0x1F', '0o17', '2023-01-01',
	'"dq"', '"d\\"q \\\\ \\/"', '"a\\nb"', '"open', "'it''s'", "'open", '[a, b]', '["a", \'b\']', '[]', '[a,]', '[a, [b]]', '{a: 1}',
	'&a x', '*a', '!tag x', '|', '>', '- item', '-x', '`x`', 'Émoji 😀', 'a\u00a0', 'end:', '"x" y', '"x" #c', '', '   ', 'a\tb',
	'99999999999999999999', 'Hello, world! We are 18F',
];
const line = fc.oneof(
	fc.tuple(fc.constantFrom(...keys), fc.constantFrom(':', ': ', ':  '), fc.constantFrom(...values), fc.constantFrom('', '  ')).map((parts) => parts.join('')),
	fc.tuple(fc.constantFrom(' ', '  '), fc.constantFrom(...values)).map((parts) => parts.join('')),
	fc.constantFrom('', '#c', '---', '- a', 'key', '\ufeffk: v', 'k: v\r'),
);

function agrees(text: string): void {
	const simple = readSimpleYaml(text);
	if (!simple) return;
	const document = parseDocument(text);
	expect(document.errors).toEqual([]);
	expect(JSON.stringify(simple.data)).toBe(JSON.stringify(document.toJS()));
	const items = (document.contents as { items: Array<{ key: { value: unknown }; value: { value?: unknown; range: number[] } | null }> }).items;
	expect(simple.document.contents.items.map((item) => item.key.value)).toEqual(items.map((item) => item.key.value));
	simple.document.contents.items.forEach((item, i) => {
		if (typeof item.value.value !== 'string') return;
		expect([item.value.value, ...item.value.range]).toEqual([items[i]!.value!.value, ...items[i]!.value!.range.slice(0, 2)]);
	});
}

describe('the simple frontmatter reader', () => {
	it('reads the common frontmatter as yaml does', () => {
		const text = 'title: "A \\"field\\" guide"\ndescription: Folded over\n  two lines\n\n  and a blank\npubDate: 2023-01-01\ndraft: false\ntags: ["a", b]\nn: 12\ne:';
		expect(readSimpleYaml(text)?.data).toEqual(parseDocument(text).toJS());
		agrees(text);
	});

	it('leaves to yaml what it does not read', () => {
		for (const text of ['a: 1\na: 2', 'title: a: b', 'title: x # c', '# c\ntitle: x', 'sponsorship:\n  kind: paid', 'title: |\n  x', 'n: 1.5', '__proto__: x', '']) expect(readSimpleYaml(text)).toBeUndefined();
	});

	it('agrees with yaml on every text it reads', () => {
		fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => agrees(lines.join('\n'))), { numRuns: 20_000 });
	});
});
