/** Options of the audit engine (the integration's options embed these). */
import type { AffiliateProgram } from './affiliates.js';
import type { Family, Severity } from './types.js';

export type RuleSetting = 'off' | number | { weight?: number; severity?: Severity };

export interface CustomRule {
	id: string;
	family: Family;
	phrases: string[];
	description?: string;
	weight?: number;
	severity?: Severity;
	message?: string;
	suggestion?: string;
}

export interface AuditOptions {
	/** Names of the company and its products: sentences that praise them are self-focus. */
	brand?: string[];
	/** Domains the site owns; relative links are always owned. */
	ownedDomains?: string[];
	/** Highest promotional share (0–100) a post may have. Default 25. */
	threshold?: number;
	/** Per rule: `off`, a new weight, or `{ weight, severity }`. */
	rules?: Record<string, RuleSetting>;
	/** Phrase rules of the site's own, given as data. */
	customRules?: CustomRule[];
	/** Affiliate programs of the site's own, added to the built-in list. */
	affiliatePrograms?: AffiliateProgram[];
}

/**
 * Calibrated on the evaluation set (`npm run eval`): honest posts score 0–5% with a tail to
 * about 12%, while real adverts, which mix in plenty of plain description, score 10–50%.
 * 10% fails few honest posts and most adverts; see the README for the figures.
 */
export const DEFAULT_THRESHOLD = 10;
