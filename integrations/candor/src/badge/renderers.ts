/**
 * satori and resvg, imported the first time an image is actually drawn. Loading them costs a
 * fresh process about 0.35 s (satori, yoga's WebAssembly, resvg's native binding), which a
 * build whose badges all come from the cache, or a site without badges, never needs to pay.
 * The cache keys (badgeKey, cardKey) hash the template, font bytes and text, not these.
 */
import type { Resvg } from '@resvg/resvg-js';
import type satori from 'satori';

let satoriModule: Promise<typeof satori> | undefined;
let resvgModule: Promise<typeof Resvg> | undefined;

export function loadSatori(): Promise<typeof satori> {
	satoriModule ??= import('satori').then((m) => m.default);
	return satoriModule;
}

export function loadResvg(): Promise<typeof Resvg> {
	resvgModule ??= import('@resvg/resvg-js').then((m) => m.Resvg);
	return resvgModule;
}
