/** The fastest of `runs` timings of `fn`, in ms: the least disturbed by the machine's noise. */
export function fastest(fn: () => void, runs: number): number {
	let best = Infinity;
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		fn();
		best = Math.min(best, performance.now() - started);
	}
	return best;
}
