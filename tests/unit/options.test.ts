import { describe, expect, it } from 'vitest';
import { CANDOR_DEFAULTS, validateOptions } from '../../integrations/candor/src/options.ts';

function messageOf(input: unknown): string {
	try {
		validateOptions(input);
	} catch (error) {
		const { message, hint } = error as { message: string; hint?: string };
		return `${message}\nhint: ${hint}`;
	}
	throw new Error('expected validateOptions to throw');
}

describe('candor() options', () => {
	it('fills every default when no options are given', () => {
		expect(validateOptions(undefined)).toEqual(CANDOR_DEFAULTS);
		expect(validateOptions({})).toEqual(CANDOR_DEFAULTS);
	});

	it('keeps valid options as given', () => {
		const options = validateOptions({ threshold: 40, mode: 'warn', brand: ['Acme'] });
		expect(options.threshold).toBe(40);
		expect(options.mode).toBe('warn');
		expect(options.brand).toEqual(['Acme']);
	});

	it('names an unknown option and suggests the known one it resembles', () => {
		expect(messageOf({ thresold: 30 })).toMatchInlineSnapshot(`
			"Invalid \`candor()\` options:
			  - unknown option \`thresold\`: did you mean \`threshold\`?
			hint: Fix the options passed to \`candor()\` in your Astro config. Known options: \`collections\`, \`include\`, \`exclude\`, \`threshold\`, \`mode\`, \`failOnDrafts\`, \`maxDetailedPosts\`, \`warnings\`, \`brand\`, \`ownedDomains\`, \`rules\`, \`customRules\`, \`reports\`, \`publishReport\`, \`cache\`, \`disclosure\`, \`affiliatePrograms\`, \`badges\`, \`auditPage\`, \`auditPageLayout\`, \`socialCards\`."
		`);
	});

	it('names a mistyped option and what it expects', () => {
		expect(messageOf({ threshold: 'high', mode: 'loud' })).toContain('`threshold`: Invalid input: expected number, received string');
		expect(messageOf({ mode: 'loud' })).toContain('`mode`: Invalid option: expected one of "error"|"warn"');
		expect(messageOf({ threshold: 140 })).toContain('`threshold`: Too big');
	});

	it('does not suggest anything for an option that resembles nothing', () => {
		expect(messageOf({ colour: 'red' })).toContain('unknown option `colour`\n');
	});
});

describe('gate options', () => {
	it('names a mistyped nested option and an unknown rule id', () => {
		expect(messageOf({ reports: { jsn: 'r.json' } })).toContain('unknown option `reports.jsn`');
		expect(messageOf({ rules: { 'hpye': 'off' } })).toContain('`rules.hpye`: no rule has this id');
		expect(messageOf({ collections: [{ name: 'blog', treshold: 5 }] })).toContain('unknown option `collections.0.treshold`');
	});

	it('accepts per-collection thresholds, custom rules and settings for their ids', () => {
		const options = validateOptions({
			collections: ['blog', { name: 'news', threshold: 30 }],
			customRules: [{ id: 'old-slogan', family: 'hype', phrases: ['ship it faster'] }],
			rules: { 'old-slogan': 2, hype: { severity: 'error' } },
		});
		expect(options.collections).toEqual(['blog', { name: 'news', threshold: 30 }]);
		expect(options.rules).toEqual({ 'old-slogan': 2, hype: { severity: 'error' } });
	});
});
