/**
 * Every rule's matcher runs in time linear in the input. Each rule gets 1 MB of its worst
 * input — its own phrases, complete and cut one word short, run together as one endless
 * sentence — and the audit's time is compared, as a ratio, with a plain scan of the same
 * text (splitting it into words) measured in the same test. A quadratic step would put a
 * 1 MB sentence thousands of times above the scan; the fixed factor leaves linear work room.
 */
import { describe, expect, it } from 'vitest';
import { builtinRules, createAuditor } from '../../integrations/candor/src/core/index.ts';
import { compilePattern } from '../../integrations/candor/src/core/phrases.ts';
import { fastest } from '../helpers/timing.ts';

const MB = 1 << 20;
/** The audit may cost this many plain scans of the same text, and no more. */
const FACTOR = 400;
const auditor = createAuditor({ brand: ['Acme', 'Acme Cloud'], ownedDomains: ['acme.example'] });

const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);

function scanRatio(text: string): number {
	const scan = fastest(() => text.split(/\s+/).filter(Boolean).length, 5);
	const audit = fastest(() => auditor.audit(text, 'md'), 1);
	return audit / Math.max(scan, 0.5);
}

/** Words that spell each phrase of a rule, then the same phrase cut one word short. */
function worstInput(phrases: readonly string[]): string {
	const words: string[] = [];
	for (const phrase of phrases) {
		for (const compiled of compilePattern(phrase).slice(0, 4)) {
			const spelled = compiled.slots.flatMap((slot) =>
				slot.kind === 'literal' ? [[...slot.values][0]!] : slot.kind === 'any' ? [slot.tokenKind === 'num' ? '7' : slot.tokenKind === 'code' ? '`c`' : 'x'] : [],
			);
			words.push(...spelled, ...spelled.slice(0, -1));
		}
	}
	return `${fill(`${words.join(' ')} `)}\n`;
}

describe('linear time', () => {
	const phraseRules = builtinRules.filter((rule) => rule.matcher.kind === 'phrases' && rule.matcher.phrases.length > 0);

	it.each(phraseRules.map((rule) => [rule.id, rule] as const))('rule %s stays within a fixed factor of a plain scan on 1 MB of its worst input', (_, rule) => {
		if (rule.matcher.kind !== 'phrases') return;
		const ratio = scanRatio(worstInput(rule.matcher.phrases));
		expect(ratio).toBeLessThan(FACTOR);
	});

	it.each([
		['links (promo, tracking, citation, affiliate)', fill('[plans](/pricing?utm_source=x) [book](https://www.amazon.com/dp/1?tag=a-20) [docs](https://example.org/d) ')],
		['quotations (mention is not use)', fill('"sign up today" "best-in-class" slogans like "act now" ')],
		['negations', fill("don't sign up never act now no special offer without hype ")],
		['blockquotes and lists', fill('> Sign up today\n>\n> - act now\n> - 50% off\n\n')],
		['entities and invisible characters', fill('Sign&#32;u\u200bp t&#111;day &amp; 30&percnt; o\u00adff. Ѕіgn uр tоdаy.\n\n')],
		['one endless sentence of plain words', fill('the queue retries each job with jitter because clocks drift ')],
	])('%s: within the same factor on 1 MB', (_, text) => {
		expect(scanRatio(text)).toBeLessThan(FACTOR);
	});
});
