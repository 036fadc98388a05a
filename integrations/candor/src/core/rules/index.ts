import type { ExpertiseFamily, PitchFamily, Rule } from '../types.js';
import { disclosureRules } from './disclosure.js';
import { expertiseRules } from './expertise.js';
import { pitchRules } from './pitch.js';
import { policyRules } from './policy.js';

export { disclosureRules, expertiseRules, pitchRules, policyRules };

/** Every built-in rule, in documentation order. */
export const builtinRules: readonly Rule[] = [...pitchRules, ...expertiseRules, ...disclosureRules, ...policyRules];

export const PITCH_FAMILIES: readonly PitchFamily[] = [
	'call-to-action', 'offer', 'urgency', 'hype', 'self-focus', 'buzz', 'vanity-metric', 'social-proof', 'promo-link',
	'announcement', 'customer-story', 'promotion',
];
export const EXPERTISE_FAMILIES: readonly ExpertiseFamily[] = [
	'instruction', 'code', 'explanation', 'evidence', 'trade-off', 'answer', 'admission', 'alternative',
];

/**
 * The rule data as text (phrases, weights, and the source of link and shape tests): part of
 * every cache key, so editing a rule can never leave a stale verdict in a cache.
 */
export const RULES_FINGERPRINT = fingerprint(
	JSON.stringify(builtinRules, (_, value: unknown) => (typeof value === 'function' ? value.toString() : value)),
);

/** FNV-1a, 32 bits: a pure fingerprint (the core has no crypto), enough to tell versions apart. */
function fingerprint(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return (hash >>> 0).toString(16).padStart(8, '0');
}
