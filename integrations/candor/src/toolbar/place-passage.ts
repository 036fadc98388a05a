/**
 * Where to scroll so a highlighted passage is seen beside the toolbar's app window, not
 * under it. The window is fixed at the bottom of the viewport; the passage goes in the free
 * band above it (or anywhere in the viewport when the window is not in its column). Near
 * the end of a page there may be too little page left to scroll that far: then the page
 * needs some room added below its content, which the app adds as an empty spacer while it
 * is open. The window itself never moves, so nothing jumps under the pointer.
 * DOM-free: boxes are in viewport coordinates, as `getBoundingClientRect()` gives them.
 */

export interface Box {
	top: number;
	bottom: number;
	left: number;
	right: number;
}

export interface Placement {
	/** The page's new `scrollY`. */
	scrollTo: number;
	/** How many pixels of room the page needs below its content to scroll there (0: none). */
	room: number;
}

const MARGIN = 16;

/**
 * @param passage the passage's box now
 * @param window the app window's box
 * @param viewport the viewport's height, and the page's current and largest `scrollY`
 */
export function placePassage(passage: Box, window: Box, viewport: { height: number; scrollY: number; maxScrollY: number }): Placement {
	const besideWindow = passage.right <= window.left || passage.left >= window.right;
	const band = { top: MARGIN, bottom: (besideWindow ? viewport.height : window.top) - MARGIN };
	const height = passage.bottom - passage.top;
	const inside = passage.top >= band.top && passage.bottom <= band.bottom;
	// Centred in the band; a passage taller than the band starts at its top.
	const delta = inside ? 0 : height >= band.bottom - band.top ? passage.top - band.top : (passage.top + passage.bottom) / 2 - (band.top + band.bottom) / 2;
	const wanted = Math.round(Math.max(viewport.scrollY + delta, 0));
	return { scrollTo: wanted, room: Math.max(wanted - viewport.maxScrollY, 0) };
}
