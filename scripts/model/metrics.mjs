/**
 * ROC AUC: the probability that a random positive item scores above a random negative one
 * (ties count half), by ranks. Used by training, `npm run eval` and the tests of our own set.
 */
export function auc(items, score, positive) {
	const pos = items.filter(positive).map(score);
	const neg = items.filter((i) => !positive(i)).map(score);
	if (!pos.length || !neg.length) return NaN;
	const all = [...pos.map((s) => [s, 1]), ...neg.map((s) => [s, 0])].sort((x, y) => x[0] - y[0]);
	let rankSum = 0;
	for (let i = 0; i < all.length; ) {
		let j = i;
		while (j < all.length && all[j][0] === all[i][0]) j++;
		const rank = (i + j + 1) / 2;
		for (let k = i; k < j; k++) if (all[k][1]) rankSum += rank;
		i = j;
	}
	return (rankSum - (pos.length * (pos.length + 1)) / 2) / (pos.length * neg.length);
}
