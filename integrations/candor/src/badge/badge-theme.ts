/**
 * Which variant of a badge a page shows: the site's own theme toggle first (a class or a
 * data attribute on `<html>` or any ancestor of the badge), the reader's
 * `prefers-color-scheme` when the site sets nothing. The badge renders both images; this
 * stylesheet keeps exactly one of them displayed (a hidden image is not read aloud either).
 */

export interface BadgeTheme {
	/** Selectors of an ancestor that means "the site is dark"; `false` to follow only the OS. */
	darkSelector: string | false;
	/** Selectors of an ancestor that means "the site is explicitly light" (wins over a dark OS). */
	lightSelector: string | false;
}

/**
 * The conventions of common themes and frameworks: Tailwind's `.dark`, AstroPaper's and
 * Starlight's `data-theme`, Bootstrap's `data-bs-theme`, GitHub-style `data-color-mode`.
 */
export const BADGE_THEME_DEFAULTS = {
	darkSelector:
		'.dark, .theme-dark, [data-theme="dark"], [data-mode="dark"], [data-color-mode="dark"], [data-color-scheme="dark"], [data-bs-theme="dark"]',
	lightSelector:
		'.light, .theme-light, [data-theme="light"], [data-mode="light"], [data-color-mode="light"], [data-color-scheme="light"], [data-bs-theme="light"]',
} satisfies BadgeTheme;

/** Characters that cannot be part of a selector and would end the stylesheet or the rule. */
const UNSAFE = /[{}<;@]/;

/** Whether `selector` can be put in the badge stylesheet as it is (it is not checked for CSS validity: an invalid one matches nothing). */
export function isSafeSelector(selector: string): boolean {
	return selector.trim() !== '' && !UNSAFE.test(selector);
}

/**
 * The stylesheet that switches a badge's two images. `:is()` takes a forgiving selector
 * list, so one selector a browser does not know does not void the others; every site rule is
 * more specific than the `prefers-color-scheme` rule, so the site's toggle wins over the OS.
 */
export function badgeThemeCss(theme: BadgeTheme = BADGE_THEME_DEFAULTS): string {
	const show = (variant: 'light' | 'dark', scope = '') =>
		`${scope}.candor-badge .candor-badge-${variant === 'dark' ? 'light' : 'dark'} { display: none; }\n${scope}.candor-badge .candor-badge-${variant} { display: inline; }`;
	const rules = [
		'.candor-badge .candor-badge-dark { display: none; }',
		`@media (prefers-color-scheme: dark) {\n${show('dark')}\n}`,
	];
	if (theme.darkSelector) rules.push(show('dark', `:is(${theme.darkSelector.trim()}) `));
	// After the dark rule: a light section inside a dark page is light.
	if (theme.lightSelector) rules.push(show('light', `:is(${theme.lightSelector.trim()}) `));
	return rules.join('\n');
}
