/** Whole posts in, verdicts out: the cases users judge Candor by. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditPost } from '../../integrations/candor/src/core/index.ts';
import { repoRoot } from '../helpers/astro.ts';

const post = (name: string) => readFileSync(join(repoRoot, 'tests/fixtures/posts', name), 'utf8');
const options = { brand: ['Kestrel', 'Kestrel Scheduler', 'Acme', 'Acme Analytics', 'Nimbly', 'Nimbly Pro'], ownedDomains: ['nimbly.example'] };

describe('whole posts', () => {
	it('passes a how-to that names its own product a few times', () => {
		const audit = auditPost(post('product-how-to.md'), options);
		expect(audit.verdict).toBe('pass');
		expect(audit.score).toBeLessThan(10);
		expect(audit.words.expertise).toBeGreaterThan(audit.words.pitch);
	});

	it('passes an essay that quotes and criticises sales hype', () => {
		const audit = auditPost(post('hype-critique-essay.md'), options);
		expect(audit.verdict).toBe('pass');
		expect(audit.score).toBeLessThan(10);
		const mentions = audit.sentences.flatMap((s) => s.signals).filter((s) => s.mention);
		// The spam blockquote, the quoted slogans and the negated "act now" are all recognised as mentions.
		expect(new Set(mentions.map((m) => m.mention))).toEqual(new Set(['blockquote', 'quoted', 'negated']));
	});

	it('fails a launch post full of offers, naming the passages', () => {
		const audit = auditPost(post('launch-offers.md'), options);
		expect(audit.verdict).toBe('fail');
		expect(audit.score).toBeGreaterThan(50);
		const lines = audit.findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`);
		expect(lines).toContain('12:76 urgency');
		expect(lines).toContain('19:63 call-to-action');
		expect(lines).toContain('22:1 promo-link');
	});

	it('fails a customer story made of superlatives', () => {
		const audit = auditPost(post('superlative-customer-story.md'), options);
		expect(audit.verdict).toBe('fail');
		expect(audit.score).toBeGreaterThan(50);
		const families = new Set(audit.findings.map((f) => f.family));
		for (const family of ['hype', 'vanity-metric', 'social-proof', 'call-to-action']) expect(families).toContain(family);
	});

	it('scores the same text the same, byte for byte', () => {
		const a = JSON.stringify(auditPost(post('launch-offers.md'), options));
		const b = JSON.stringify(auditPost(post('launch-offers.md'), options));
		expect(a).toBe(b);
	});
});
