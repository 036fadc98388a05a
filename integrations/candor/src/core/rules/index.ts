import type { ExpertiseFamily, PitchFamily, Rule } from '../types.js';
import { expertiseRules } from './expertise.js';
import { pitchRules } from './pitch.js';
import { policyRules } from './policy.js';

export { expertiseRules, pitchRules, policyRules };

/** Every built-in rule, in documentation order. */
export const builtinRules: readonly Rule[] = [...pitchRules, ...expertiseRules, ...policyRules];

export const PITCH_FAMILIES: readonly PitchFamily[] = [
	'call-to-action', 'offer', 'urgency', 'hype', 'self-focus', 'buzz', 'vanity-metric', 'social-proof', 'promo-link',
];
export const EXPERTISE_FAMILIES: readonly ExpertiseFamily[] = [
	'instruction', 'code', 'explanation', 'evidence', 'trade-off', 'answer', 'admission', 'alternative',
];
