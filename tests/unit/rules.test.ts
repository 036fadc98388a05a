/**
 * Every rule's own examples, run through the whole engine: the documentation of a rule
 * cannot drift from its behaviour.
 */
import { describe, expect, it } from 'vitest';
import { builtinRules, createAuditor } from '../../integrations/candor/src/core/index.ts';
import { compilePattern } from '../../integrations/candor/src/core/phrases.ts';

const auditor = createAuditor({ brand: ['Kestrel', 'Acme'], ownedDomains: ['kestrel.example', 'acme.example'] });

function hits(ruleId: string, text: string) {
	const audit = auditor.audit(text, /<[A-Z]|\{/.test(text) ? 'mdx' : 'md');
	const signals = audit.sentences.flatMap((s) => s.signals).filter((s) => s.ruleId === ruleId && !s.mention && !s.suppressed);
	const findings = audit.findings.filter((f) => f.ruleId === ruleId && !f.suppressed);
	return signals.length + findings.length;
}

describe('rule data', () => {
	it('has unique kebab-case ids, a description, a docs anchor and a message', () => {
		const ids = builtinRules.map((rule) => rule.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const rule of builtinRules) {
			expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
			expect(rule.description.length).toBeGreaterThan(10);
			expect(rule.docs).toMatch(/^#[a-z-]+$/);
			expect(rule.message.length).toBeGreaterThan(5);
			expect(rule.weight).toBeGreaterThanOrEqual(0);
		}
	});

	it('compiles every phrase pattern', () => {
		for (const rule of builtinRules) {
			if (rule.matcher.kind !== 'phrases') continue;
			for (const phrase of rule.matcher.phrases) expect(compilePattern(phrase).length, `${rule.id}: ${phrase}`).toBeGreaterThan(0);
		}
	});
});

describe.each(builtinRules.map((rule) => [rule.id, rule] as const))('rule %s', (id, rule) => {
	it('documents at least three sentences it flags and three it leaves alone', () => {
		expect(rule.examples.flag.length).toBeGreaterThanOrEqual(3);
		expect(rule.examples.pass.length).toBeGreaterThanOrEqual(3);
	});
	it.each(rule.examples.flag)('flags: %s', (text) => {
		expect(hits(id, text)).toBeGreaterThan(0);
	});
	it.each(rule.examples.pass)('leaves alone: %s', (text) => {
		expect(hits(id, text)).toBe(0);
	});
});
