/**
 * Badges rendered with satori: a two-part pill, 20 px high, in a light and a dark variant,
 * with the text drawn as paths from an Inter font shipped by @fontsource (satori reads WOFF,
 * not WOFF2). The SVG carries a <title> with the finding in words for screen readers.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { BadgeContent, BadgeState } from './badge-content.js';
import { loadSatori } from './renderers.js';

/** Bump when the template changes: it is part of every badge's cache key. */
export const BADGE_TEMPLATE_VERSION = '1';
export const BADGE_HEIGHT = 20;
const FONT_SIZE = 11;
const LABEL = 'Candor';

export type BadgeVariant = 'light' | 'dark';

const COLOURS: Record<BadgeVariant, { label: [string, string]; states: Record<BadgeState, [string, string]> }> = {
	light: {
		label: ['#24292f', '#ffffff'],
		states: {
			'expertise-first': ['#1a7f37', '#ffffff'],
			'within-policy': ['#0969da', '#ffffff'],
			'above-policy': ['#cf222e', '#ffffff'],
			'policy-exception': ['#9a6700', '#ffffff'],
			sponsored: ['#8250df', '#ffffff'],
			affiliate: ['#8250df', '#ffffff'],
			gifted: ['#8250df', '#ffffff'],
			partner: ['#8250df', '#ffffff'],
			employee: ['#8250df', '#ffffff'],
		},
	},
	dark: {
		label: ['#e6edf3', '#1f2328'],
		states: {
			'expertise-first': ['#3fb950', '#0d1117'],
			'within-policy': ['#58a6ff', '#0d1117'],
			'above-policy': ['#ff7b72', '#0d1117'],
			'policy-exception': ['#d29922', '#0d1117'],
			sponsored: ['#bc8cff', '#0d1117'],
			affiliate: ['#bc8cff', '#0d1117'],
			gifted: ['#bc8cff', '#0d1117'],
			partner: ['#bc8cff', '#0d1117'],
			employee: ['#bc8cff', '#0d1117'],
		},
	},
};

const require = createRequire(import.meta.url);
let font: Promise<{ data: Buffer; hash: string }> | undefined;

/** The Inter font, loaded once per process. */
export function badgeFont(): Promise<{ data: Buffer; hash: string }> {
	font ??= readFile(require.resolve('@fontsource/inter/files/inter-latin-600-normal.woff')).then((data) => ({
		data,
		hash: createHash('sha256').update(data).digest('hex').slice(0, 16),
	}));
	return font;
}

/** Width of a text at 11 px in Inter semibold, from per-character advance estimates (rounded up). */
export function textWidth(text: string): number {
	let width = 0;
	for (const char of text) {
		if (char === ' ') width += 3.1;
		else if ('il.,:;|!\'·'.includes(char)) width += 3.3;
		else if ('fjrt()'.includes(char)) width += 4.4;
		else if ('mw%MW'.includes(char)) width += 9.6;
		else if (/[A-Z]/.test(char)) width += 7.6;
		else if (/[0-9]/.test(char)) width += 6.7;
		else width += 6.6;
	}
	return Math.ceil(width);
}

export function badgeSize(content: BadgeContent): { width: number; height: number } {
	return { width: textWidth(LABEL) + 14 + textWidth(content.text) + 16, height: BADGE_HEIGHT };
}

/** The cache key of a badge: template, font, variant and text. */
export async function badgeKey(content: BadgeContent, variant: BadgeVariant): Promise<string> {
	const { hash } = await badgeFont();
	return createHash('sha256').update(JSON.stringify([BADGE_TEMPLATE_VERSION, hash, variant, content.state, content.text, content.alt])).digest('hex').slice(0, 20);
}

export async function renderBadge(content: BadgeContent, variant: BadgeVariant): Promise<string> {
	const [{ data }, satori] = await Promise.all([badgeFont(), loadSatori()]);
	const { width, height } = badgeSize(content);
	const colours = COLOURS[variant];
	const [stateBackground, stateText] = colours.states[content.state];
	const segment = (text: string, background: string, color: string, grow: boolean) => ({
		type: 'div',
		props: {
			style: { display: 'flex', alignItems: 'center', justifyContent: 'center', height, padding: '0 7px', background, color, whiteSpace: 'nowrap', ...(grow ? { flexGrow: 1 } : {}) },
			children: text,
		},
	});
	const svg = await satori(
		{
			type: 'div',
			props: {
				style: { display: 'flex', width, height, borderRadius: height / 2, overflow: 'hidden', fontFamily: 'Inter', fontSize: FONT_SIZE, fontWeight: 600 },
				children: [segment(LABEL, colours.label[0], colours.label[1], false), segment(content.text, stateBackground, stateText, true)],
			},
		} as never,
		{ width, height, fonts: [{ name: 'Inter', data, weight: 600, style: 'normal' }] },
	);
	// Screen readers that open the SVG itself get the finding in words.
	return svg.replace(/^<svg\b([^>]*)>/, `<svg$1 role="img" aria-label="${escapeXml(content.alt)}"><title>${escapeXml(content.alt)}</title>`);
}

export function escapeXml(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&apos;');
}
