// The audit reads a post through numbered features (core/model/feature-index.ts); training
// reads the same post by feature name (featuresOf + scoreFeatures). The two must agree on
// every sentence: its probability, label, contribution and cues. Random posts are built from
// words the model weighs, word-class members (hyphenated entries included), symbols,
// numbers, brands and names, so every branch of the traversal is taken.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEXICON } from '../../integrations/candor/src/core/model/lexicon.ts';
import { createScorer, type ScorableSentence, scoreFeatures, type SentenceFlags, withOverrides } from '../../integrations/candor/src/core/model/scorer.ts';
import { shippedModel } from '../../integrations/candor/src/core/model/shipped.ts';
import type { Signal } from '../../integrations/candor/src/core/types.ts';

const model = shippedModel();
const lexiconWords = Object.values(LEXICON).flat();
const words = [
	...lexiconWords.slice(0, 80),
	...lexiconWords.filter((w) => w.includes('-')),
	'we', "we're", 'excited', 'to', 'announce', 'our', 'new', 'the', 'cache', 'keeps', 'entries', 'per', 'shard', 'join', 'us',
	'customers', 'trust', 'today', 'release', 'how', 'it', 'works', 'you', 'can', 'try', 'now', 'free', 'is', 'a', 'of',
	'!', '?', '%', '$', '#', '&', '42', '3.5', 'Kestrel', 'Kestrel Queue', 'Mira', 'Ostrava', 'https://kestrel.example/x', '`code`',
];
const ruleIds = ['urgency', 'promotional-language', 'call-to-action', 'measurement', 'not-a-rule'];

const signal = fc.record({ ruleId: fc.constantFrom(...ruleIds), mention: fc.boolean(), suppressed: fc.boolean() }).map(
	({ ruleId, mention, suppressed }): Signal => ({ ruleId, orientation: 'pitch', text: ruleId, ...(mention ? { mention: true } : {}), ...(suppressed ? { suppressed: true } : {}) }),
);
const sentence = fc.record({
	words: fc.array(fc.constantFrom(...words), { minLength: 0, maxLength: 30 }),
	signals: fc.array(signal, { maxLength: 2 }),
	heading: fc.boolean(),
});
const post = fc.array(fc.record({ sentence, group: fc.nat(3), mention: fc.boolean(), suppressed: fc.boolean() }), { minLength: 1, maxLength: 25 });

/** A site's rule settings replace weights (0 removes one): both paths must read them alike. */
const OVERRIDES = new Map([['rule:urgency', 2.5], ['lex:peacock', 0], ['rule:not-a-rule', 1]]);
const setups = [undefined, OVERRIDES].map((overrides) => {
	const scorer = createScorer(model, { brand: ['Kestrel', 'Kestrel Queue'], ...(overrides ? { overrides } : {}) });
	return { scorer, weights: withOverrides(model, overrides ?? new Map()) };
});

function both(sentences: ScorableSentence[], flags: SentenceFlags[], override = false) {
	const { scorer, weights } = setups[override ? 1 : 0]!;
	return { fast: scorer.read(sentences).score(flags), named: scoreFeatures(model, scorer.featuresOf(sentences), flags, weights) };
}

describe('the audit’s numbered features', () => {
	it('score every sentence as the named features training reads do', () => {
		fc.assert(
			fc.property(post, fc.boolean(), (items, override) => {
				let group = 0;
				const sentences: ScorableSentence[] = items.map(({ sentence: s }) => ({ text: s.words.join(' '), signals: s.signals, shapes: s.heading ? ['heading'] : [] }));
				const flags: SentenceFlags[] = items.map((item) => ({ mention: item.mention, suppressed: item.suppressed, group: (group += item.group === 0 ? 1 : 0) }));
				const { fast, named } = both(sentences, flags, override);
				expect(fast).toEqual(named);
			}),
			{ numRuns: 300, seed: 12 },
		);
	});

	it('finds the cues of a plain announcement by name', () => {
		const sentences: ScorableSentence[] = [
			{ text: "We're excited to announce Kestrel Queue, the industry-leading, best-in-class queue!", signals: [] },
			{ text: 'Join us today and try it free.', signals: [] },
		];
		const flags: SentenceFlags[] = [{ mention: false, suppressed: false, group: 0 }, { mention: false, suppressed: false, group: 0 }];
		const { fast, named } = both(sentences, flags);
		expect(fast).toEqual(named);
		expect(fast.sentences[0]!.pitch).toBe(true);
		expect(fast.sentences[0]!.cues.map((cue) => cue.feature).join(' ')).toMatch(/excited|announce|lex:/);
	});
});
