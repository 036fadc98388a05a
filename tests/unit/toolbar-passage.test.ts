import { describe, expect, it } from 'vitest';
import { findPassage, foldText } from '../../integrations/candor/src/toolbar/find-passage.ts';
import { placePassage } from '../../integrations/candor/src/toolbar/place-passage.ts';

/** The text a found passage covers in the nodes. */
function covered(nodes: string[], wanted: string): string | undefined {
	const found = findPassage(nodes, wanted);
	if (!found) return undefined;
	const { start, end } = found;
	if (start.node === end.node) return nodes[start.node]!.slice(start.offset, end.offset);
	return [nodes[start.node]!.slice(start.offset), ...nodes.slice(start.node + 1, end.node), nodes[end.node]!.slice(0, end.offset)].join('');
}

describe('finding a passage in the rendered page', () => {
	it('folds quotes, dashes, ellipses, white space and case', () => {
		expect(foldText('Don’t “wait” — it’s\u00a0 ending…').text).toBe('don\'t "wait" - it\'s ending...');
		expect(foldText('a -- b --- c').text).toBe('a - b - c');
	});

	it('matches a straight-quoted excerpt in smartypants text, and covers the page’s own characters', () => {
		const page = ['<p>', 'This offer ends Friday at\nmidnight, so don’t miss out!', '</p>'];
		expect(covered(page, "This offer ends Friday at midnight, so don't miss out!")).toBe('This offer ends Friday at\nmidnight, so don’t miss out!');
		expect(covered(['“Best” — really…'], '"best" -- really...')).toBe('“Best” — really…');
	});

	it('matches across the text nodes of links and emphasis', () => {
		const nodes = ['Start your ', 'free trial', ' today, ', 'no', ' credit card required.'];
		expect(findPassage(nodes, 'Start your free trial today, no credit card required.')).toEqual({ start: { node: 0, offset: 0 }, end: { node: 4, offset: 22 } });
		expect(covered(nodes, 'free trial today')).toBe('free trial today');
	});

	it('finds nothing for words that are not on the page', () => {
		expect(findPassage(['Run df -h before you deploy.'], 'get 40% off')).toBeUndefined();
		expect(findPassage(['anything'], '  ')).toBeUndefined();
	});
});

describe('placing the passage beside the app window', () => {
	// The dev toolbar's window: 640 px wide, centred, its top 348 px down a 900 px viewport.
	const window = { top: 348, bottom: 828, left: 320, right: 960 };
	const line = (top: number, left = 100, right = 1100) => ({ top, bottom: top + 24, left, right });

	it('scrolls a passage under the window into the band above it', () => {
		const place = placePassage(line(500), window, { height: 900, scrollY: 1000, maxScrollY: 4000 });
		// Centred in 16…332: the line's top lands at 162.
		expect(place).toEqual({ scrollTo: 1338, room: 0 });
		expect(500 - (place.scrollTo - 1000)).toBe(162);
	});

	it('leaves a passage that is already clear of the window where it is', () => {
		expect(placePassage(line(100), window, { height: 900, scrollY: 300, maxScrollY: 4000 })).toEqual({ scrollTo: 300, room: 0 });
	});

	it('asks for room below the content when the passage is too near the end of the page', () => {
		expect(placePassage(line(600), window, { height: 900, scrollY: 0, maxScrollY: 100 })).toEqual({ scrollTo: 438, room: 338 });
	});

	it('uses the whole viewport for a passage outside the window’s column', () => {
		expect(placePassage(line(890, 20, 300), window, { height: 900, scrollY: 0, maxScrollY: 4000 })).toEqual({ scrollTo: 452, room: 0 });
		expect(placePassage(line(800, 20, 300), window, { height: 900, scrollY: 0, maxScrollY: 4000 })).toEqual({ scrollTo: 0, room: 0 });
	});

	it('starts a passage taller than the band at the band’s top', () => {
		expect(placePassage({ top: 700, bottom: 1300, left: 100, right: 1100 }, window, { height: 900, scrollY: 0, maxScrollY: 4000 })).toEqual({ scrollTo: 684, room: 0 });
	});
});
