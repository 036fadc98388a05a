/**
 * Text hidden by raw HTML that spans several Markdown blocks: an HTML block opens an element,
 * blank lines follow, Markdown blocks sit inside, and a later HTML block closes it. Browsers
 * render those blocks inside the element, so a hidden element hides them: they are audited
 * like visible prose and flagged as hidden-text, each at its own place in the source.
 */
import { describe, expect, it } from 'vitest';
import { auditPost, createAuditor } from '../../integrations/candor/src/core/index.ts';
import { fastest } from '../helpers/timing.ts';

type Format = 'md' | 'mdx';

const audit = (text: string, format: Format = 'md') => auditPost(text, { format });
/** `line:column-endLine:endColumn excerpt` of every hidden-text finding. */
const hidden = (text: string, format: Format = 'md') =>
	audit(text, format)
		.findings.filter((f) => f.ruleId === 'hidden-text')
		.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.excerpt}`);
/** Every finding but hidden-text, with its place. */
const others = (text: string, format: Format = 'md') =>
	audit(text, format)
		.findings.filter((f) => f.ruleId !== 'hidden-text')
		.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId}`);
/** The same post with its HTML tag lines blanked out: the plain Markdown, on the same lines. */
const withoutTags = (text: string) =>
	text
		.split('\n')
		.map((line) => (/^\s*<\/?[a-z][^>]*>\s*$/i.test(line) ? '' : line))
		.join('\n');

const POST = `Visible intro about retries.

<div style="display:none">

Sign up today and get 50% off, best-in-class platform.

- Book a demo now

</div>

Visible outro.
`;

describe('an HTML element around Markdown blocks', () => {
	it('hides every block between the opening and the closing HTML block', () => {
		expect(hidden(POST)).toEqual([
			'5:1-5:55 Sign up today and get 50% off, best-in-class platform.',
			'7:3-7:18 Book a demo now',
		]);
	});

	it('audits the hidden blocks exactly as the plain text: same score, same findings at the same places', () => {
		const plain = withoutTags(POST);
		expect(plain).not.toContain('<div');
		expect(hidden(plain)).toEqual([]);
		expect(audit(POST).score).toBe(audit(plain).score);
		expect(audit(POST).score).toBeGreaterThan(50);
		expect(others(POST)).toEqual(others(plain));
		expect(audit(POST).sentences.map((s) => [s.text, s.label])).toEqual(audit(plain).sentences.map((s) => [s.text, s.label]));
	});

	it('scores the same as the text inside the div on one line', () => {
		const blocks = 'Visible intro about retries.\n\n<div hidden>\n\nSign up today and get 50% off, best-in-class platform.\n\n</div>\n';
		const oneLine = 'Visible intro about retries.\n\n<div hidden>Sign up today and get 50% off, best-in-class platform.</div>\n';
		expect(audit(blocks).score).toBe(audit(oneLine).score);
		expect(hidden(blocks).map((f) => f.replace(/^\S+ /, ''))).toEqual(hidden(oneLine).map((f) => f.replace(/^\S+ /, '')));
	});

	it.each([
		['hidden', '<div hidden>'],
		['aria-hidden="true"', '<div aria-hidden="true">'],
		['display: none', '<section style="color: red; display: none">'],
		['visibility: hidden', '<div style="visibility:hidden">'],
		['font-size: 0', '<div style="font-size:0">'],
		['an inline element (a <span> holds the paragraph too)', '<span hidden>'],
	])('hides with %s', (_, open) => {
		const name = /^<(\w+)/.exec(open)![1];
		const text = `Intro.\n\n${open}\n\nSign up today and get 50% off.\n\n</${name}>\n\nOutro.\n`;
		expect(hidden(text)).toEqual(['5:1-5:31 Sign up today and get 50% off.']);
	});

	it('does not flag the visible text before the opening tag or after the closing tag', () => {
		const text = 'Book a demo now, intro.\n\n<div hidden>\n\nSign up today.\n\n</div>\n\nBook a demo now, outro.\n\n## Act now heading\n';
		expect(hidden(text)).toEqual(['5:1-5:15 Sign up today.']);
		expect(others(text)).toEqual(expect.arrayContaining(['1:1-1:12 call-to-action', '9:1-9:12 call-to-action']));
	});

	it('hides headings, blockquotes, tables and HTML blocks inside, each at its place', () => {
		const text = [
			'Intro.',
			'',
			'<div hidden>',
			'',
			'## Act now: 50% off',
			'',
			'> Sign up today.',
			'',
			'| Plan | Offer |',
			'| ---- | ----- |',
			'| Pro  | Book a demo now |',
			'',
			'<p>Best-in-class platform.</p>',
			'',
			'</div>',
			'',
			'Outro.',
			'',
		].join('\n');
		expect(hidden(text)).toEqual([
			'5:4-5:20 Act now: 50% off',
			'7:3-7:17 Sign up today.',
			'9:3-9:7 Plan',
			'9:10-9:15 Offer',
			'11:3-11:6 Pro',
			'11:10-11:25 Book a demo now',
			'13:4-13:27 Best-in-class platform.',
		]);
	});

	it('shows the text after the closing tag inside the same HTML block', () => {
		const text = 'Intro.\n\n<div hidden>\n\nSign up today.\n\n</div>\n<p>Book a demo now.</p>\n';
		expect(hidden(text)).toEqual(['5:1-5:15 Sign up today.']);
		expect(others(text)).toContain('8:4-8:15 call-to-action');
	});
});

describe('nesting, unclosed and stray tags', () => {
	it('keeps an outer hidden element hidden after a nested element closes, and shows what follows its own end tag', () => {
		const text = [
			'Intro.',
			'',
			'<div hidden>',
			'',
			'<div>',
			'',
			'Sign up today.',
			'',
			'</div>',
			'',
			'Book a demo now.',
			'',
			'</div>',
			'',
			'Act now, 50% off.',
			'',
		].join('\n');
		expect(hidden(text)).toEqual(['7:1-7:15 Sign up today.', '11:1-11:17 Book a demo now.']);
	});

	it('hides with a hidden element nested inside a visible one, until the hidden one closes', () => {
		const text = '<div class="box">\n\nIntro.\n\n<div hidden>\n\nSign up today.\n\n</div>\n\nBook a demo now.\n\n</div>\n';
		expect(hidden(text)).toEqual(['7:1-7:15 Sign up today.']);
	});

	it('hides an unclosed element until the end of the document', () => {
		const text = 'Intro.\n\n<div hidden>\n\nSign up today.\n\n- Book a demo now\n\nAct now.\n';
		expect(hidden(text)).toEqual(['5:1-5:15 Sign up today.', '7:3-7:18 Book a demo now', '9:1-9:9 Act now.']);
	});

	it('hides an unclosed element until the end of its parent: a blockquote, a list item', () => {
		const quote = 'Intro.\n\n> <div hidden>\n>\n> Sign up today.\n>\n> Best-in-class.\n\nBook a demo now.\n';
		expect(hidden(quote)).toEqual(['5:3-5:17 Sign up today.', '7:3-7:17 Best-in-class.']);
		const item = '- <div hidden>\n\n  Sign up today.\n\n- Book a demo now.\n\nAct now.\n';
		expect(hidden(item)).toEqual(['3:3-3:17 Sign up today.']);
	});

	it('does not let an element opened inside a blockquote hide what follows the blockquote', () => {
		const text = '> <div hidden>\n\nSign up today.\n';
		expect(hidden(text)).toEqual([]);
	});

	it('ignores a stray end tag: it neither un-hides an outer hidden element nor fails', () => {
		const text = 'Intro.\n\n<div hidden>\n\n</span>\n\nSign up today.\n\n</section>\n\nBook a demo now.\n\n</div>\n\nAct now.\n';
		expect(hidden(text)).toEqual(['7:1-7:15 Sign up today.', '11:1-11:17 Book a demo now.']);
		expect(audit(text).verdict).not.toBe('error');
	});

	it('ignores stray end tags with nothing open, and a second end tag after the element closed', () => {
		const text = '</div>\n\nSign up today.\n\n<div hidden>\n\nBook a demo now.\n\n</div>\n\n</div>\n\nAct now.\n\n</p>\n\nBest-in-class.\n';
		expect(hidden(text)).toEqual(['7:1-7:17 Book a demo now.']);
		expect(audit(text).verdict).not.toBe('error');
	});

	it('closes a hidden <p> where the rendered Markdown paragraph starts, as a browser does', () => {
		// `<p hidden>` then `<p>Sign up today.</p>`: the second <p> ends the first.
		const text = 'Intro.\n\n<p hidden>\n\nSign up today.\n\n</p>\n';
		expect(hidden(text)).toEqual([]);
	});
});

describe('what opens nothing, and what is not hidden', () => {
	it.each([
		['<br>', '<br>'],
		['<img>', '<img src="x.png" hidden>'],
		['<hr>', '<hr hidden>'],
		['a self-closing <div/>', '<div hidden />'],
		['a self-closing custom element', '<x-box hidden/>'],
	])('%s opens nothing', (_, tag) => {
		const text = `Intro.\n\n${tag}\n\nSign up today.\n\n</div>\n\nBook a demo now.\n`;
		expect(hidden(text)).toEqual([]);
	});

	it('does not open an element on a self-closing tag inside a paragraph either', () => {
		expect(hidden('A <span hidden/> sign up today.\n')).toEqual([]);
	});

	it('leaves <details> visible: readers can open it', () => {
		const text = 'Intro.\n\n<details>\n<summary>Pricing</summary>\n\nSign up today and get 50% off.\n\n</details>\n\nOutro.\n';
		expect(hidden(text)).toEqual([]);
		expect(audit(text).score).toBe(audit(withoutTags(text)).score);
		expect(hidden('<details hidden>\n\nSign up today.\n\n</details>\n')).toEqual(['3:1-3:15 Sign up today.']);
	});

	it('reads a tag inside an HTML comment as no tag, and a comment as no text', () => {
		const text = 'Intro.\n\n<!-- <div hidden> -->\n\nSign up today.\n\n<!--\nBook a demo now, best-in-class.\n-->\n\nOutro.\n';
		expect(hidden(text)).toEqual([]);
		expect(others(text)).toEqual(['5:1-5:14 call-to-action']);
	});

	it('still reads suppressions in comments inside the hidden element', () => {
		const text = '<div hidden>\n\n<!-- candor-disable-next-line hidden-text, call-to-action -- a test fixture -->\nSign up today.\n\n</div>\n';
		const findings = audit(text).findings.filter((f) => f.ruleId === 'hidden-text' || f.ruleId === 'call-to-action');
		expect(findings.map((f) => [f.ruleId, f.line, Boolean(f.suppressed)])).toEqual(
			expect.arrayContaining([
				['hidden-text', 4, true],
				['call-to-action', 4, true],
			]),
		);
	});
});

describe('MDX', () => {
	const MDX = 'Visible intro about retries.\n\n<div hidden>\n\nSign up today and get 50% off, best-in-class platform.\n\n- Book a demo now\n\n</div>\n\nVisible outro. Book a demo now.\n';

	it('hides the Markdown children of a hidden JSX element written over blank lines', () => {
		expect(hidden(MDX, 'mdx')).toEqual([
			'5:1-5:55 Sign up today and get 50% off, best-in-class platform.',
			'7:3-7:18 Book a demo now',
		]);
		expect(others(MDX, 'mdx')).toContain('11:16-11:27 call-to-action');
	});

	it('scores them as the plain text, and as the same post in Markdown', () => {
		expect(audit(MDX, 'mdx').score).toBe(audit(withoutTags(MDX), 'mdx').score);
		expect(audit(MDX, 'mdx').score).toBe(audit(MDX, 'md').score);
		expect(others(MDX, 'mdx')).toEqual(others(withoutTags(MDX), 'mdx'));
	});

	it('nests: a visible component inside a hidden one stays hidden, what follows is visible', () => {
		const text = '<Box aria-hidden="true">\n\n<Card>\n\nSign up today.\n\n</Card>\n\n</Box>\n\nBook a demo now.\n';
		expect(hidden(text, 'mdx')).toEqual(['5:1-5:15 Sign up today.']);
	});
});

describe('linear time', () => {
	const auditor = createAuditor({});
	const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

	it.each([
		['hidden elements opened and closed around blocks', '<div hidden>\n\nSign up today and get 50% off.\n\n</div>\n\n'],
		['hidden elements never closed, nesting ever deeper', '<div hidden>\n\nSign up today and get 50% off.\n\n'],
		['ever deeper elements and stray end tags (each end tag scans the open ones)', '<div>\n\n</span>\n\nthe queue retries\n\n'],
		['hidden paragraphs closed by the Markdown paragraph after them', '<p hidden>\n\nSign up today.\n\n'],
		['inline hidden elements never closed, in one paragraph', '<span hidden>sign up '],
		['ever deeper elements and stray end tags inside one HTML block', '<div></span>'],
		['ever deeper hidden elements with text, inside one HTML block', '<div hidden>Sign up today. </i>'],
	])('%s: 8 times the text takes about 8 times as long, not 64', (_, unit) => {
		const small = fill(unit, 1 << 18);
		const large = fill(unit, 1 << 21);
		// The fastest of two runs of the large text: one run alone was above the bound once, on a busy machine.
		const ratio = fastest(() => auditor.audit(large, 'md'), 2) / fastest(() => auditor.audit(small, 'md'), 3);
		expect(ratio).toBeLessThan(24);
	}, 60_000);
});

describe('hidden text inside one HTML block', () => {
	it('reports the hidden words, not the line breaks around them', () => {
		expect(hidden('Intro about retries.\n\n<div hidden>\nSign up today and get 50% off.\n</div>\n')).toEqual(['4:1-4:31 Sign up today and get 50% off.']);
		expect(hidden('Intro.\n\n<div hidden>  Sign up today.  </div>\n')).toEqual(['3:15-3:29 Sign up today.']);
	});
});

describe('more elements open than a browser nests (512)', () => {
	it('keeps hidden what an element opened before them hides, to the end of the block', () => {
		const text = `Intro about retries.\n\n<div hidden>${'<b>'.repeat(600)}Sign up today and get 50% off.</div>\n`;
		expect(hidden(text)).toEqual([`3:${13 + 600 * 3}-3:${13 + 600 * 3 + 30} Sign up today and get 50% off.`]);
	});

	it('still reads the text after them, visible when nothing hid it', () => {
		const text = `Intro about retries.\n\n<div>${'<b>'.repeat(600)}Sign up today and get 50% off.</div>\n`;
		expect(hidden(text)).toEqual([]);
		expect(others(text).some((f) => f.endsWith('offer') || f.endsWith('call-to-action'))).toBe(true);
	});
});
