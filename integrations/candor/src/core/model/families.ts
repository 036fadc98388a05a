/**
 * Which of the model's rules a pitch passage is reported under: the family its strongest
 * learned cues belong to (announcement framing, customer-success narrative), else
 * customer-story when the sentence uses two or more success words (customers, delivers,
 * achieved), else the catch-all `promotional-language`, whose message names the cues. The
 * model decides whether a sentence is pitch; the family only names what kind of pitch it is.
 * Success words are the one class looked up beyond the cues: they are common in tutorials too
 * ("installed successfully"), so the model weighs them slightly away from pitch, yet in a
 * sentence it judged pitch they mark a customer story. (Announcement words weigh towards pitch
 * and show among the cues where they matter.)
 */
import { LEXICON } from './lexicon.js';
import type { Cue } from './scorer.js';

/**
 * Lexicon classes → the rule a cue of that class is reported under. Only the model's own
 * rules: a phrase rule (hype, offer) reports its phrases itself, and its examples stay its own.
 */
const CLASS_RULE: Readonly<Record<string, string>> = {
	announce: 'announcement',
	emotion: 'announcement',
	success: 'customer-story',
};

const ruleOfWord = new Map<string, string>();
for (const [cls, words] of Object.entries(LEXICON)) {
	const rule = CLASS_RULE[cls];
	if (!rule) continue;
	for (const word of words) if (!ruleOfWord.has(word)) ruleOfWord.set(word, rule);
}

/** The model's rule a cue points to, when it points to one. */
export function ruleOfCue(feature: string): string | undefined {
	const colon = feature.indexOf(':');
	const kind = feature.slice(0, colon);
	const rest = feature.slice(colon + 1);
	if (kind === 'L') return ruleOfCue(rest); // the same n-gram or class, in the post's opening
	if (kind === 'lex') return CLASS_RULE[rest];
	if (kind === 'w' || kind === 'b') {
		for (const word of rest.split(' ')) {
			const rule = ruleOfWord.get(word);
			if (rule) return rule;
		}
	}
	return undefined;
}

/** The rule a pitch sentence is reported under, from its cues (strongest first) and the rules in force. */
export function ruleOfSentence(cues: readonly Cue[], knownRules: ReadonlySet<string>, words: readonly string[] = []): string {
	const weightOf = new Map<string, number>();
	for (const cue of cues) {
		const rule = ruleOfCue(cue.feature);
		if (rule && knownRules.has(rule)) weightOf.set(rule, (weightOf.get(rule) ?? 0) + cue.weight);
	}
	let best = 'promotional-language';
	let bestWeight = 0;
	for (const [rule, weight] of weightOf) {
		if (weight > bestWeight || (weight === bestWeight && rule < best)) {
			best = rule;
			bestWeight = weight;
		}
	}
	if (best === 'promotional-language' && knownRules.has('customer-story') && words.filter((word) => ruleOfWord.get(word) === 'customer-story').length >= 2) return 'customer-story';
	return best;
}
