import { describe, expect, it } from 'vitest';
import { BADGE_THEME_DEFAULTS, badgeThemeCss } from '../../integrations/candor/src/badge/badge-theme.ts';
import { badgeTheme, validateOptions } from '../../integrations/candor/src/options.ts';

function messageOf(input: unknown): string {
	try {
		validateOptions(input);
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error('expected validateOptions to throw');
}

describe('the badge theme stylesheet', () => {
	it('shows the light image by default, the dark one for a dark OS, and lets the site’s markers win', () => {
		expect(badgeThemeCss({ darkSelector: 'html.dark', lightSelector: 'html.light' })).toBe(
			[
				'.candor-badge .candor-badge-dark { display: none; }',
				'@media (prefers-color-scheme: dark) {',
				'.candor-badge .candor-badge-light { display: none; }',
				'.candor-badge .candor-badge-dark { display: inline; }',
				'}',
				':is(html.dark) .candor-badge .candor-badge-light { display: none; }',
				':is(html.dark) .candor-badge .candor-badge-dark { display: inline; }',
				':is(html.light) .candor-badge .candor-badge-dark { display: none; }',
				':is(html.light) .candor-badge .candor-badge-light { display: inline; }',
			].join('\n'),
		);
	});

	it('covers the common conventions by default', () => {
		const css = badgeThemeCss();
		for (const marker of ['.dark', '[data-theme="dark"]', '[data-mode="dark"]', '[data-bs-theme="dark"]', '[data-color-mode="dark"]', '.light', '[data-theme="light"]']) {
			expect(css).toContain(marker);
		}
	});

	it('follows only the OS when the site turns its markers off', () => {
		const css = badgeThemeCss({ darkSelector: false, lightSelector: false });
		expect(css).not.toContain(':is(');
		expect(css).toContain('@media (prefers-color-scheme: dark)');
	});
});

describe('the `badges` option', () => {
	it('takes `true`, `false` or the site’s selectors, with the defaults for what it leaves out', () => {
		expect(badgeTheme(validateOptions({}))).toEqual(BADGE_THEME_DEFAULTS);
		expect(validateOptions({ badges: false }).badges).toBe(false);
		expect(badgeTheme(validateOptions({ badges: { darkSelector: 'body.night' } }))).toEqual({ darkSelector: 'body.night', lightSelector: BADGE_THEME_DEFAULTS.lightSelector });
		expect(badgeTheme(validateOptions({ badges: { lightSelector: false } })).lightSelector).toBe(false);
	});

	it('refuses a selector that would break out of the stylesheet, and a mistyped key', () => {
		expect(messageOf({ badges: { darkSelector: 'html.dark } body { display: none' } })).toContain(
			'`badges.darkSelector`: a CSS selector list such as `html.dark, [data-theme="dark"]` (no `{`, `}`, `<`, `;` or `@`), or `false`',
		);
		expect(messageOf({ badges: { darkSelector: '' } })).toContain('`badges.darkSelector`');
		expect(messageOf({ badges: { darkSelectors: '.dark' } })).toContain('unknown option `badges.darkSelectors`');
	});
});
