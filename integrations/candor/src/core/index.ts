/** The pure audit core: text in, findings and scores out. No Astro, no file system. */
export { AFFILIATE_PROGRAMS, type AffiliateMatch, type AffiliateProgram, matchAffiliate } from './affiliates.js';
export { auditPost, createAuditor, type Auditor, type SourceFormat } from './audit.js';
export { type AuditOptions, type CustomRule, DEFAULT_THRESHOLD, type RuleSetting } from './options.js';
export { builtinRules, EXPERTISE_FAMILIES, PITCH_FAMILIES, RULES_FINGERPRINT } from './rules/index.js';
export type * from './types.js';
export { ENGINE_VERSION } from './version.js';
