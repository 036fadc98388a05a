/**
 * The README's rule reference, generated from the rule data so documentation and
 * behaviour cannot drift (`npm run docs` writes it; a test fails when it is stale).
 */
import { AFFILIATE_PROGRAMS, builtinRules } from '../core/index.js';
import { ruleOfCue } from '../core/model/families.js';
import { describeCue, weightEntries, weightOf } from '../core/model/scorer.js';
import { shippedModel } from '../core/model/shipped.js';
import type { Rule } from '../core/types.js';

/** The shipped model's strongest pitch cues, per rule they are reported under (n-grams and word classes). */
function learnedCues(perRule = 8): Map<string, string[]> {
	const byRule = new Map<string, Array<[string, number]>>();
	for (const [feature, weight] of weightEntries(shippedModel())) {
		if (weight <= 0 || feature.startsWith('rule:') || feature.startsWith('mention:')) continue;
		const rule = ruleOfCue(feature) ?? 'promotional-language';
		(byRule.get(rule) ?? byRule.set(rule, []).get(rule)!).push([feature, weight]);
	}
	return new Map(
		// Each cue as an editor reads it, once ("<num>" and "^ <num>" read alike).
		[...byRule].map(([rule, cues]) => [rule, [...new Set(cues.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([f]) => describeCue(f)))].slice(0, perRule)]),
	);
}

/** The model's strongest cues either way, for the README's "how the scorer judges" section. */
export function modelCuesMarkdown(count = 15): string {
	const entries = weightEntries(shippedModel()).filter(([f]) => !f.startsWith('mention:'));
	const top = (sign: 1 | -1) =>
		entries
			.filter(([, w]) => sign * w > 0)
			.sort((a, b) => sign * (b[1] - a[1]) || (a[0] < b[0] ? -1 : 1))
			.slice(0, count)
			.map(([f, w]) => `${describeCue(f)} (${w > 0 ? '+' : ''}${w.toFixed(2)})`)
			.join(', ');
	return [`- Towards pitch: ${top(1)}`, `- Towards expertise: ${top(-1)}`].join('\n');
}

const FAMILY_TITLES: Record<string, string> = {
	pitch: 'Pitch rules (the phrase rules, and the rules the learned scorer reports under)',
	disclosure: 'Disclosure rules (about money, gifts and commissions behind a post)',
	expertise: 'Expertise rules (their signals weigh against pitch in the same sentence)',
	policy: 'Policy rules (raised by the engine about the post as a whole)',
};

export function rulesMarkdown(rules: readonly Rule[] = builtinRules): string {
	const out: string[] = [];
	const groups = {
		pitch: rules.filter((r) => r.orientation === 'pitch' && r.family !== 'policy' && r.family !== 'disclosure'),
		expertise: rules.filter((r) => r.orientation === 'expertise'),
		disclosure: rules.filter((r) => r.family === 'disclosure'),
		policy: rules.filter((r) => r.family === 'policy'),
	};
	out.push('| rule | family | weight | severity | what it finds |', '| --- | --- | --- | --- | --- |');
	for (const rule of rules) {
		out.push(`| [\`${rule.id}\`](${rule.docs}) | ${rule.family} | ${rule.weight} | ${rule.severity} | ${escapeCell(rule.description)} |`);
	}
	const cues = learnedCues();
	for (const [group, members] of Object.entries(groups)) {
		out.push('', `### ${FAMILY_TITLES[group]}`);
		for (const rule of members) {
			const anchor = rule.docs.slice(1);
			out.push('', `<a id="${anchor}"></a>`, `#### \`${rule.id}\``, '', `${rule.description} ${rule.message}`);
			out.push('', `- Flags: ${rule.examples.flag.slice(0, 2).map(quote).join('; ')}`);
			out.push(`- Leaves alone: ${rule.examples.pass.slice(0, 2).map(quote).join('; ')}`);
			if (rule.suggestion) out.push(`- How to fix: ${rule.suggestion}`);
			const learned = cues.get(rule.id);
			if (learned?.length) out.push(`- Strongest learned cues: ${learned.join(', ')}`);
			const weight = weightOf(shippedModel(), `rule:${rule.id}`);
			if (weight !== undefined) out.push(`- Learned weight of the rule's own signal: ${weight > 0 ? '+' : ''}${weight.toFixed(2)} (logit points the rule's presence adds to a post; training pulled it towards ${shippedModel().rulePrior} × the rule's hand-set weight, ± by its orientation)`);
		}
	}
	return out.join('\n');
}

const escapeCell = (text: string) => text.replaceAll('|', '\\|');
const quote = (text: string) => `\`${text.replaceAll('\n', '⏎').replaceAll('`', "'")}\``;

/** The affiliate programs Candor recognises, generated from their data. */
export function affiliateProgramsMarkdown(): string {
	const out = ['| program | recognised by | example | level |', '| --- | --- | --- | --- |'];
	for (const p of AFFILIATE_PROGRAMS) {
		const hosts = p.hosts.includes('*') ? 'any shop' : [...new Set(p.hosts.map((h) => h.replace(/^\*\./, '')))].slice(0, 4).join(', ') + (p.hosts.length > 8 ? ', …' : '');
		const how = [hosts, p.path ? `path \`${p.path}\`` : '', p.params ? `with ${p.params.map((x) => `\`${x}=\``).join(' or ')}` : ''].filter(Boolean).join(' ');
		out.push(`| ${p.program} | ${escapeCell(how)} | \`${p.example}\` | ${p.level} |`);
	}
	return out.join('\n');
}
