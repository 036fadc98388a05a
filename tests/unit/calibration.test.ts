/**
 * How `npm run train` picks the default threshold from held-out scores: the lowest at which at
 * most 5% of expertise posts fail, over every company with expertise posts and over the
 * companies held to the bar (20 or more posts per class). Scores here are ours, chosen so the
 * two means disagree.
 */
import { describe, expect, it } from 'vitest';
import { calibrateThreshold, companyTable } from '../../scripts/model/train-lib.mjs';

type Row = { post: { company: string; y: number; strength: number }; score: number; logit: number };
const rows = (company: string, y: number, scores: number[]): Row[] => scores.map((score) => ({ post: { company, y, strength: 1 }, score, logit: score }));
const repeat = (n: number, score: number) => Array.from({ length: n }, () => score);

// "big": 20 expertise posts, 2 of them scoring 30 (10% fail below 30); 20 promo posts at 60.
// "small": 10 expertise posts (not held to the bar), all at 0; 5 promo posts.
// Over both companies, 30 fails nobody, and anything lower fails 10% at big and 0% at small:
// a mean of 5% over both, 10% over the companies held to the bar.
const heldOut = [
	...rows('big', 0, [...repeat(18, 0), 30, 30]),
	...rows('big', 1, repeat(20, 60)),
	...rows('small', 0, repeat(10, 0)),
	...rows('small', 1, repeat(5, 60)),
];

describe('the default threshold', () => {
	it('keeps expertise failures at 5% over the companies held to the bar, not only over all', () => {
		const threshold = calibrateThreshold(heldOut);
		expect(threshold).toBe(30);
		const table = companyTable(heldOut, threshold);
		expect(table.find((r) => r.company === 'big')!.expertiseFail).toBe(0);
		// One step lower, the mean over both companies would pass (5%) while big alone fails 10%.
		const lower = companyTable(heldOut, 29.5);
		expect(lower.find((r) => r.company === 'big')!.expertiseFail).toBeCloseTo(0.1);
		expect(lower.find((r) => r.company === 'small')!.expertiseFail).toBe(0);
	});
	it('is as low as those failures allow, so as many promotional posts as possible fail', () => {
		expect(calibrateThreshold([...rows('a', 0, repeat(20, 0)), ...rows('a', 1, repeat(20, 10))])).toBe(0);
	});
});
