/**
 * What an auditor precomputes once per set of options: the rules with the site's settings
 * applied, one phrase index over every phrase rule (and the brand names), and the lookups
 * the stages share. Compiling is the slow part; a build audits hundreds of posts with one.
 */
import { AFFILIATE_PROGRAMS, type AffiliateProgram } from '../affiliates.js';
import { type AuditOptions, type CustomRule, DEFAULT_THRESHOLD } from '../options.js';
import { PhraseIndex } from '../phrases.js';
import { builtinRules, EXPERTISE_FAMILIES } from '../rules/index.js';
import { tokenize } from '../tokens.js';
import { createScorer, type Scorer, weightOf } from '../model/scorer.js';
import { shippedModel } from '../model/shipped.js';
import type { Rule } from '../types.js';

export interface CompiledRules {
	/** The rules in force, built-in first, then the site's own. */
	rules: Rule[];
	byId: Map<string, Rule>;
	/** Every phrase of every phrase rule (and each brand name, for `self-focus`). */
	index: PhraseIndex;
	/** The rule each pattern of `index` belongs to. */
	ruleOfPattern: Map<string, Rule>;
	/** Per rule id: the phrases that cancel its matches in the same sentence. */
	unlessIndex: Map<string, PhraseIndex>;
	linkRules: Rule[];
	/** Expertise rules that also test a sentence's shape (a numbered step, a question). */
	shapeRules: Rule[];
	/** The site's domains, lower case, without a leading `*.`. */
	owned: string[];
	programs: AffiliateProgram[];
	defaultThreshold: number;
	/** Ids a suppression may name: every built-in rule, even one turned off, and the site's. */
	knownRuleIds: Set<string>;
	/** The learned scorer, with the site's brand names masked. */
	scorer: Scorer;
}

/** Compiles the rules for a set of options. */
export function compileRules(options: AuditOptions): CompiledRules {
	const rules = resolveRules(options);
	const byId = new Map(rules.map((rule) => [rule.id, rule]));
	const patterns: string[] = [];
	const ruleOfPattern = new Map<string, Rule>();
	for (const rule of rules) {
		if (rule.matcher.kind !== 'phrases') continue;
		for (const phrase of rule.matcher.phrases) {
			if (!ruleOfPattern.has(phrase)) patterns.push(phrase);
			ruleOfPattern.set(phrase, rule);
		}
	}
	const selfFocus = byId.get('self-focus');
	if (selfFocus) {
		for (const name of options.brand ?? []) {
			const phrase = brandPattern(name);
			if (!phrase || ruleOfPattern.has(phrase)) continue;
			patterns.push(phrase);
			ruleOfPattern.set(phrase, selfFocus);
		}
	}
	return {
		rules,
		byId,
		index: new PhraseIndex(patterns),
		ruleOfPattern,
		unlessIndex: new Map(
			rules.flatMap((rule) => (rule.matcher.kind === 'phrases' && rule.matcher.unless ? [[rule.id, new PhraseIndex(rule.matcher.unless)] as const] : [])),
		),
		linkRules: rules.filter((rule) => rule.matcher.kind === 'link'),
		shapeRules: rules.filter((rule) => rule.matcher.kind === 'phrases' && rule.matcher.sentence && rule.orientation === 'expertise'),
		owned: (options.ownedDomains ?? []).map((domain) => domain.toLowerCase().replace(/^\*?\./, '')),
		programs: [...AFFILIATE_PROGRAMS, ...(options.affiliatePrograms ?? [])],
		defaultThreshold: options.threshold ?? DEFAULT_THRESHOLD,
		knownRuleIds: new Set(builtinRules.map((rule) => rule.id).concat(rules.map((rule) => rule.id))),
		scorer: scorerFor(rules, options),
	};
}

/**
 * The learned scorer with the site's rule settings applied: a rule turned off no longer
 * weighs, a reweighted built-in rule weighs its learned weight times new ÷ old, and a site's
 * own rule weighs the prior the built-in rules were trained towards, times its weight.
 */
function scorerFor(rules: readonly Rule[], options: AuditOptions): Scorer {
	const model = options.model ?? shippedModel();
	const builtin = new Map(builtinRules.map((rule) => [rule.id, rule]));
	const inForce = new Set(rules.map((rule) => rule.id));
	const overrides = new Map<string, number>();
	for (const rule of builtinRules) if (!inForce.has(rule.id)) overrides.set(`rule:${rule.id}`, 0);
	for (const rule of rules) {
		const feature = `rule:${rule.id}`;
		const original = builtin.get(rule.id);
		if (!original) overrides.set(feature, (rule.orientation === 'pitch' ? 1 : -1) * model.rulePrior * rule.weight);
		else if (rule.weight !== original.weight) {
			const learned = weightOf(model, feature) ?? 0;
			overrides.set(feature, original.weight > 0 ? (learned * rule.weight) / original.weight : (rule.orientation === 'pitch' ? 1 : -1) * model.rulePrior * rule.weight);
		}
	}
	return createScorer(model, { brand: options.brand ?? [], overrides });
}

/** Built-in rules with the site's settings applied, then the site's own phrase rules. */
function resolveRules(options: AuditOptions): Rule[] {
	const settings = options.rules ?? {};
	const custom = (options.customRules ?? []).map(customRule);
	const all = [...builtinRules, ...custom];
	const ids = new Set(all.map((rule) => rule.id));
	for (const id of Object.keys(settings)) {
		if (!ids.has(id)) throw new Error(`Unknown rule \`${id}\` in the \`rules\` option.`);
	}
	return all.flatMap((rule) => {
		const setting = settings[rule.id];
		if (setting === undefined) return [rule];
		if (setting === 'off') return [];
		if (typeof setting === 'number') return [{ ...rule, weight: setting }];
		return [{ ...rule, weight: setting.weight ?? rule.weight, severity: setting.severity ?? rule.severity }];
	});
}

function customRule(rule: CustomRule): Rule {
	const orientation = (EXPERTISE_FAMILIES as readonly string[]).includes(rule.family) ? 'expertise' : 'pitch';
	return {
		id: rule.id,
		family: rule.family,
		orientation,
		description: rule.description ?? `Site rule: ${rule.phrases.slice(0, 3).join(', ')}`,
		weight: rule.weight ?? 1,
		severity: rule.severity ?? (orientation === 'pitch' ? 'warning' : 'info'),
		message: rule.message ?? (orientation === 'pitch' ? `Matches the site rule \`${rule.id}\`.` : 'Expertise signal.'),
		...(rule.suggestion ? { suggestion: rule.suggestion } : {}),
		docs: '#custom-rules',
		matcher: { kind: 'phrases', phrases: rule.phrases },
		examples: { flag: [], pass: [] },
	};
}

/** A brand name as a phrase pattern: its words in order. */
function brandPattern(name: string): string | undefined {
	const words = tokenize(name.normalize('NFKC')).map((token) => token.value);
	return words.length ? words.map((word) => `[${word}]`).join(' ') : undefined;
}
