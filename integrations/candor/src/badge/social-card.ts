/**
 * Open Graph images (1200×630): the post's title, author and audit badge, rendered with
 * satori and converted to PNG with @resvg/resvg-js. Cached like the badges.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { BadgeContent } from './badge-content.js';
import { loadResvg, loadSatori } from './renderers.js';

export const CARD_TEMPLATE_VERSION = '2';
const WIDTH = 1200;
const HEIGHT = 630;
const PADDING = 72;
const require = createRequire(import.meta.url);
let fonts: Promise<{ regular: Buffer; bold: Buffer; hash: string }> | undefined;

function cardFonts() {
	fonts ??= Promise.all([
		readFile(require.resolve('@fontsource/inter/files/inter-latin-400-normal.woff')),
		readFile(require.resolve('@fontsource/inter/files/inter-latin-700-normal.woff')),
	]).then(([regular, bold]) => ({ regular, bold, hash: createHash('sha256').update(regular).update(bold).digest('hex').slice(0, 16) }));
	return fonts;
}

export interface CardInput {
	title: string;
	author?: string;
	site?: string;
	badge: BadgeContent;
}

export async function cardKey(input: CardInput): Promise<string> {
	const { hash } = await cardFonts();
	return createHash('sha256').update(JSON.stringify([CARD_TEMPLATE_VERSION, hash, input.title, input.author, input.site, input.badge.state, input.badge.text])).digest('hex').slice(0, 20);
}

export async function renderSocialCard(input: CardInput): Promise<Buffer> {
	const [{ regular, bold }, satori, Resvg] = await Promise.all([cardFonts(), loadSatori(), loadResvg()]);
	const text = (children: string, style: Record<string, unknown>) => ({ type: 'div', props: { style: { display: 'flex', ...style }, children } });
	const svg = await satori(
		{
			type: 'div',
			props: {
				// satori sizes boxes without their padding (content-box), so the padding comes off the size.
				style: { display: 'flex', flexDirection: 'column', justifyContent: 'space-between', width: WIDTH - 2 * PADDING, height: HEIGHT - 2 * PADDING, padding: PADDING, background: '#fdfcf9', color: '#1d2428', fontFamily: 'Inter' },
				children: [
					text(input.site ?? '', { fontSize: 30, color: '#5b6770' }),
					text(input.title, { fontSize: input.title.length > 70 ? 54 : 66, fontWeight: 700, lineHeight: 1.15 }),
					{
						type: 'div',
						props: {
							style: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
							children: [
								text(input.author ?? '', { fontSize: 30 }),
								text(`Candor audit: ${input.badge.text}`, { fontSize: 26, padding: '10px 22px', borderRadius: 999, background: '#1f4e5f', color: '#ffffff' }),
							],
						},
					},
				],
			},
		} as never,
		{
			width: WIDTH,
			height: HEIGHT,
			fonts: [
				{ name: 'Inter', data: regular, weight: 400, style: 'normal' },
				{ name: 'Inter', data: bold, weight: 700, style: 'normal' },
			],
		},
	);
	return new Resvg(svg, { fitTo: { mode: 'width', value: WIDTH } }).render().asPng();
}
