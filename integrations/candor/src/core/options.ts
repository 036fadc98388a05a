/** Options of the audit engine (the integration's options embed these). */
import type { AffiliateProgram } from './affiliates.js';
import type { LinearModel } from './model/scorer.js';
import { MODEL_THRESHOLD } from './model/weights.generated.js';
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
	/** A scorer other than the shipped one (training and evaluation use this). */
	model?: LinearModel;
}

/**
 * Calibrated by `npm run train` on the development corpus of real company blogs, scored
 * leave-one-company-out: the lowest share at which at most 5% of expertise posts fail (mean
 * over companies). The README's quality section gives the figures.
 */
export const DEFAULT_THRESHOLD = MODEL_THRESHOLD;
