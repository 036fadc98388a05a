/** The engine's contracts: positions, normalisation, mention-not-use, suppressions, safety. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditPost, createAuditor } from '../../integrations/candor/src/core/index.ts';

const short = (text: string, format: 'md' | 'mdx' = 'md') =>
	auditPost(text, { format, brand: ['Acme'], ownedDomains: ['acme.example'] }).findings.map(
		(f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId}${f.suppressed ? ' (suppressed)' : ''}`,
	);

describe('positions', () => {
	it('points at the phrase in the source, after frontmatter and markup', () => {
		expect(short('---\ntitle: x\n---\n\nSome intro.\n\n**Sign up today** and get 20% off.\n')).toEqual([
			'7:3-7:16 call-to-action',
			'7:27-7:34 offer',
		]);
	});

	it('maps through entities and escapes to the original characters', () => {
		// `&amp;` is five source characters for one character of text.
		expect(short('Tea &amp; cake: get 20&#37; off \\*today\\*.')).toEqual(['1:21-1:32 offer']);
	});

	it('points inside MDX components and at their prose props', () => {
		expect(short('<Card title="Book a demo today">\n\nUse code SPRING at checkout.\n\n</Card>\n', 'mdx')).toEqual([
			'1:14-1:25 call-to-action',
			'3:1-3:9 offer',
		]);
	});

	it('reads image alt text and link text as prose', () => {
		expect(short('![The revolutionary, best-in-class dashboard](x.png)')).toEqual(['1:7-1:20 hype', '1:22-1:35 hype']);
		expect(short('[Act now: 50% off ends tonight](https://shop.example/)')).toContain('1:2-1:9 urgency');
	});
});

describe('normalisation', () => {
	const plain = 'Sign up today and get 30% off.';
	const score = (text: string) => auditPost(text).score;

	it.each([
		['zero-width characters', 'Si\u200bgn u\u200dp to\u2060day and get 30% o\ufeffff.'],
		['soft hyphens', 'Sign up to\u00adday and get 30% of\u00adf.'],
		['Cyrillic and Greek look-alikes', 'Ѕіgn uр tоdаy and gеt 30% οff.'],
		['full-width letters', 'Ｓｉｇｎ ｕｐ ｔｏｄａｙ and get ３０％ off.'],
		['HTML entities', 'Sign&#32;up t&#111;day and get 30&percnt; off.'],
		['emphasis inside the phrase', '**Sign** up *today* and get 30% _off_.'],
	])('scores pitch hidden with %s as high as plain pitch', (_, text) => {
		expect(score(text)).toBe(score(plain));
		expect(score(text)).toBeGreaterThan(50);
	});
});

describe('evasion', () => {
	it('audits text hidden from readers and flags it as hidden-text', () => {
		const plain = auditPost('Visible intro about retries.\n\nSign up today and get 50% off, best-in-class platform.\n');
		const hidden = auditPost('Visible intro about retries.\n\n<div style="display:none">Sign up today and get 50% off, best-in-class platform.</div>\n');
		expect(hidden.score).toBe(plain.score);
		expect(hidden.findings.map((f) => f.ruleId)).toContain('hidden-text');
		const mdx = auditPost('Visible intro.\n\n<Box hidden>Sign up today and get 50% off.</Box>\n', { format: 'mdx' });
		expect(mdx.findings.find((f) => f.ruleId === 'hidden-text')).toMatchObject({ line: 3, excerpt: 'Sign up today and get 50% off.' });
	});

	it('scores pitch hidden with aria-hidden in MDX as high as plain pitch, and reads aria-label as prose', () => {
		const plain = auditPost('Sign up today and get 30% off.').score;
		const hidden = auditPost('<Box aria-hidden="true">Sign up today and get 30% off.</Box>\n', { format: 'mdx' });
		expect(hidden.score).toBe(plain);
		expect(hidden.words.total).toBe(7); // the switch value "true" is not a word of prose
		expect(hidden.findings.map((f) => f.ruleId)).toContain('hidden-text');
		const label = auditPost('<Button aria-label="Sign up today and get 30% off" aria-expanded="false">Go</Button>\n', { format: 'mdx' });
		expect(label.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['call-to-action', 'offer']));
	});

	it('does not count HTML comments, which readers never see', () => {
		const audit = auditPost('Retry with jitter, because clocks drift.\n\n<!-- Sign up today and get 50% off! Best-in-class! -->\n');
		expect(audit.score).toBe(0);
		expect(audit.findings).toEqual([]);
	});

	it('reads pitch passed to MDX components as props and a pitch split across links', () => {
		expect(short('<Hero heading="Act now: 50% off, today only" />\n', 'mdx')).toEqual(['1:16-1:23 urgency', '1:25-1:32 offer', '1:34-1:44 urgency']);
		expect(auditPost('[Sign](/a) [up](/b) [today](/c) and get 30% off.').sentences[0]!.label).toBe('pitch');
	});
});

describe('mention is not use', () => {
	const labels = (text: string) => auditPost(text).sentences.map((s) => s.label);

	it('does not count negated pitch', () => {
		expect(labels("Don't blast special offers at people.")).not.toContain('pitch');
		expect(labels('We will never tell readers to act now.')).toEqual(['neutral']);
	});

	it('does not count quoted slogans that the sentence criticises, but counts endorsed quotes', () => {
		expect(labels('Slogans like "Supercharge your workflow with our revolutionary platform!" tell readers nothing.')).not.toContain('pitch');
		expect(labels('"Acme is the best tool we have ever used, a total game-changer," says our happiest customer.')).toEqual(['pitch']);
	});

	it('does not count a blockquoted spam message introduced as one', () => {
		const text = 'Here is the spam email we received:\n\n> Act now! Limited time offer: 50% off. Book a demo today!\n';
		expect(auditPost(text).score).toBe(0);
		expect(auditPost('> Act now! Limited time offer: 50% off. Book a demo today!\n').score).toBeGreaterThan(50);
	});

	it('reads "start a free trial" as a call to action but "each free trial we ran" as a fact', () => {
		expect(labels('Start a free trial.')).toEqual(['pitch']);
		expect(labels('Each free trial we ran lasted two weeks.')).not.toContain('pitch');
	});
});

describe('suppressions', () => {
	it('suppresses the next line for the named rule and keeps the finding, marked', () => {
		const text = '<!-- candor-disable-next-line call-to-action -- quoting our 2019 homepage -->\nSign up today.\n';
		const audit = auditPost(text);
		expect(audit.score).toBe(0);
		expect(audit.findings).toMatchObject([{ ruleId: 'call-to-action', line: 2, suppressed: { reason: 'quoting our 2019 homepage', line: 1 } }]);
	});

	it('works with the MDX comment form and with blocks', () => {
		const mdx = '{/* candor-disable-next-line call-to-action -- a quoted reader complaint */}\nSign up today.\n';
		expect(auditPost(mdx, { format: 'mdx' }).score).toBe(0);
		const block = '<!-- candor-disable offer -- the price table -->\nSave 20% now.\n\nGet 30% off.\n<!-- candor-enable offer -->\n\nGet 40% off.\n';
		expect(short(block)).toEqual(['2:1-2:9 offer (suppressed)', '4:5-4:12 offer (suppressed)', '7:5-7:12 offer']);
	});

	it('ignores and reports a suppression without a reason or with an unknown rule', () => {
		expect(short('<!-- candor-disable-next-line call-to-action -->\nSign up today.\n')).toEqual([
			'1:1-1:49 invalid-suppression',
			'2:1-2:14 call-to-action',
		]);
		const audit = auditPost('<!-- candor-disable-next-line sign-up -- because -->\nText.\n');
		expect(audit.findings[0]?.message).toBe('Suppression ignored: it must name known rules (unknown: `sign-up`).');
	});
});

describe('options', () => {
	it('turns rules off, reweights them and adds site rules given as data', () => {
		const text = 'Get 30% off our flux capacitor kits.';
		const plain = auditPost(text);
		expect(plain.verdict).toBe('fail');
		expect(plain.findings.map((f) => f.ruleId)).toContain('offer');
		// Off: the rule neither reports nor weighs; the learned scorer still reads the words.
		const off = auditPost(text, { rules: { offer: 'off' } });
		expect(off.findings.map((f) => f.ruleId)).not.toContain('offer');
		expect(off.score).toBeLessThanOrEqual(plain.score);
		expect(auditPost(text, { rules: { offer: 0.1 } }).score).toBeLessThanOrEqual(plain.score);
		const custom = createAuditor({ rules: { offer: 'off' }, customRules: [{ id: 'flux-plug', family: 'self-focus', phrases: ['flux capacitor'], weight: 1.5 }] });
		expect(custom.audit(text).findings.map((f) => f.ruleId)).toContain('flux-plug');
		expect(custom.audit(text).findings.map((f) => f.ruleId)).not.toContain('offer');
		// A site's own rule weighs: a plain sentence becomes pitch when its phrase is the site's pitch.
		const plainFact = 'The flux capacitor kits ship in March from the warehouse in Leeds.';
		expect(auditPost(plainFact).verdict).toBe('pass');
		const weighed = createAuditor({ customRules: [{ id: 'flux-plug', family: 'self-focus', phrases: ['flux capacitor kits'], weight: 3 }] }).audit(plainFact);
		expect(weighed.verdict).toBe('fail');
		expect(weighed.findings.map((f) => f.ruleId)).toEqual(['flux-plug']);
	});

	it('uses a frontmatter exception as the threshold and rejects one without a reason', () => {
		const pitch = 'Sign up today. Get 30% off.\n';
		expect(auditPost(`---\ncandor:\n  threshold: 100\n  reason: Launch notes.\n---\n${pitch}`)).toMatchObject({
			verdict: 'pass',
			threshold: 100,
			exception: { threshold: 100, reason: 'Launch notes.' },
		});
		const bad = auditPost(`---\ncandor:\n  threshold: 100\n---\n${pitch}`);
		expect(bad.verdict).toBe('fail');
		expect(bad.findings[0]).toMatchObject({ ruleId: 'invalid-exception', severity: 'error', line: 1 });
	});
});

describe('bad input', () => {
	it('reports invalid MDX with its position instead of throwing', () => {
		const audit = auditPost('Intro.\n\n<Callout>never closed\n', { format: 'mdx' });
		expect(audit.verdict).toBe('error');
		expect(audit.findings[0]).toMatchObject({ ruleId: 'parse-error', severity: 'error', line: 3 });
	});

	it('reports invalid YAML frontmatter', () => {
		const audit = auditPost('---\ntitle: [unclosed\n---\n\nText.\n');
		expect(audit.verdict).toBe('error');
		expect(audit.findings[0]?.message).toMatch(/^Invalid YAML frontmatter/);
	});

	it('never throws, keeps positions inside the source, the score in 0–100, and is deterministic', () => {
		const markdownish = fc.array(
			fc.oneof(
				fc.string(),
				fc.string({ unit: 'binary' }),
				fc.constantFrom('# ', '> ', '- ', '1. ', '**', '_', '`', '```\n', '[', '](', ')', '<!--', '-->', '<Card>', '</Card>', '{', '}', '\n', '\n\n', '---\n', 'Sign up today', '30% off', '&amp;', '\u200b', 'ѕ'),
			),
			{ maxLength: 40 },
		);
		fc.assert(
			fc.property(markdownish.map((parts) => parts.join('')), fc.constantFrom('md', 'mdx'), (source, format) => {
				const audit = auditPost(source, { format: format as 'md' | 'mdx' });
				const lines = source.split('\n');
				expect(audit.score).toBeGreaterThanOrEqual(0);
				expect(audit.score).toBeLessThanOrEqual(100);
				for (const item of [...audit.findings, ...audit.sentences]) {
					expect(item.line).toBeGreaterThanOrEqual(1);
					expect(item.line).toBeLessThanOrEqual(lines.length);
					expect(item.column).toBeGreaterThanOrEqual(1);
					expect(item.column).toBeLessThanOrEqual((lines[item.line - 1]?.length ?? 0) + 1);
					expect(item.endLine).toBeLessThanOrEqual(lines.length);
				}
				expect(JSON.stringify(auditPost(source, { format: format as 'md' | 'mdx' }))).toBe(JSON.stringify(audit));
			}),
			{ numRuns: 300, seed: 20261123 },
		);
	});
});
