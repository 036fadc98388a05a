// npm run eval: the audit engine against the labelled evaluation set in tests/eval/posts.
// Each post's frontmatter carries its label (pitch | expertise, written before any tuning),
// its company's brand names and owned domains (as that site would configure candor()).
// Prints ROC AUC of the score, precision/recall at the default threshold, a threshold sweep
// and the posts it gets wrong, so the figures in the README can be checked by anyone.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createAuditor, DEFAULT_THRESHOLD } from '../integrations/candor/dist/core/index.js';

const dir = new URL('../tests/eval/posts/', import.meta.url).pathname;
const posts = readdirSync(dir)
	.filter((f) => /\.mdx?$/.test(f))
	.sort()
	.map((file) => {
		const source = readFileSync(join(dir, file), 'utf8');
		const meta = parse(/^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '') ?? {};
		const audit = createAuditor({ brand: meta.brand ?? [], ownedDomains: meta.ownedDomains ?? [] }).audit(source, file.endsWith('.mdx') ? 'mdx' : 'md');
		return { file, label: meta.label, hard: Boolean(meta.hard), kind: meta.kind, score: audit.score, verdict: audit.verdict, words: audit.words.total };
	});

const bad = posts.filter((p) => p.label !== 'pitch' && p.label !== 'expertise');
if (bad.length) throw new Error(`posts without a pitch/expertise label: ${bad.map((p) => p.file).join(', ')}`);
const errors = posts.filter((p) => p.verdict === 'error');
if (errors.length) throw new Error(`posts the engine could not audit: ${errors.map((p) => p.file).join(', ')}`);

/** Probability that a random pitch post scores above a random expertise post (ties count half). */
function auc(items, scoreOf) {
	const pos = items.filter((p) => p.label === 'pitch');
	const neg = items.filter((p) => p.label === 'expertise');
	let wins = 0;
	for (const a of pos) for (const b of neg) wins += scoreOf(a) > scoreOf(b) ? 1 : scoreOf(a) === scoreOf(b) ? 0.5 : 0;
	return wins / (pos.length * neg.length);
}

function at(threshold, items = posts) {
	let tp = 0, fp = 0, fn = 0, tn = 0;
	for (const p of items) {
		const flagged = p.score > threshold;
		if (p.label === 'pitch') flagged ? tp++ : fn++;
		else flagged ? fp++ : tn++;
	}
	const precision = tp / (tp + fp || 1);
	const recall = tp / (tp + fn || 1);
	return { tp, fp, fn, tn, precision, recall, f1: (2 * precision * recall) / (precision + recall || 1), accuracy: (tp + tn) / items.length };
}

const pct = (x) => `${(100 * x).toFixed(1)}%`;
const pitchCount = posts.filter((p) => p.label === 'pitch').length;
console.log(`Evaluation set: ${posts.length} posts (${pitchCount} pitch, ${posts.length - pitchCount} expertise; ${posts.filter((p) => p.hard).length} hard cases)\n`);
console.log(`ROC AUC of the score:               ${auc(posts, (p) => p.score).toFixed(3)}`);
console.log(`ROC AUC on the hard cases only:     ${auc(posts.filter((p) => p.hard), (p) => p.score).toFixed(3)}`);
console.log(`ROC AUC of shortness (a baseline):  ${auc(posts, (p) => -p.words).toFixed(3)}  (how well post length alone would do)\n`);

const d = at(DEFAULT_THRESHOLD);
console.log(`At the default threshold (${DEFAULT_THRESHOLD}): precision ${pct(d.precision)}, recall ${pct(d.recall)}, F1 ${d.f1.toFixed(3)}, accuracy ${pct(d.accuracy)}`);
console.log(`  confusion: ${d.tp} pitch failed, ${d.fn} pitch passed, ${d.fp} expertise failed, ${d.tn} expertise passed`);
// The gate's verdict also fails posts for error findings (an undisclosed affiliate link, say).
const byVerdict = posts.reduce((r, p) => {
	const failed = p.verdict === 'fail';
	if (p.label === 'pitch') failed ? r.tp++ : r.fn++;
	else failed ? r.fp++ : r.tn++;
	return r;
}, { tp: 0, fp: 0, fn: 0, tn: 0 });
console.log(`  by the gate's verdict (score or error findings): ${byVerdict.tp} pitch failed, ${byVerdict.fn} pitch passed, ${byVerdict.fp} expertise failed, ${byVerdict.tn} expertise passed`);
const h = at(DEFAULT_THRESHOLD, posts.filter((p) => p.hard));
console.log(`  hard cases: accuracy ${pct(h.accuracy)} (${h.tp + h.tn} of ${h.tp + h.tn + h.fp + h.fn})\n`);

console.log('Threshold sweep (a post fails when its score is above the threshold):');
console.log('  threshold  precision  recall   F1     accuracy');
for (let t = 5; t <= 60; t += 5) {
	const r = at(t);
	console.log(`  ${String(t).padStart(9)}  ${pct(r.precision).padStart(9)}  ${pct(r.recall).padStart(6)}  ${r.f1.toFixed(3)}  ${pct(r.accuracy).padStart(8)}`);
}

// Calibration that does not grade its own homework: pick the threshold on one writer's half
// of the set (a-*), then report it on the other writer's half (b-*).
const half = (prefix) => posts.filter((p) => p.file.startsWith(prefix));
const candidates = Array.from({ length: 25 }, (_, i) => 2 + i * 2);
const bestOnA = candidates.reduce((best, t) => (at(t, half('a-')).f1 > at(best, half('a-')).f1 ? t : best), candidates[0]);
const onB = at(bestOnA, half('b-'));
console.log(`\nCalibrated on the a-* half: best F1 at threshold ${bestOnA}; on the held-out b-* half that threshold gives precision ${pct(onB.precision)}, recall ${pct(onB.recall)}, F1 ${onB.f1.toFixed(3)}, accuracy ${pct(onB.accuracy)}`);

console.log(`\nMisjudged at the default threshold:`);
for (const p of posts) {
	const flagged = p.score > DEFAULT_THRESHOLD;
	if (flagged !== (p.label === 'pitch')) console.log(`  ${p.file.padEnd(48)} label ${p.label.padEnd(9)} score ${String(p.score).padStart(5)}${p.hard ? '  (hard)' : ''}`);
}
console.log('\nScores by label (sorted):');
for (const label of ['pitch', 'expertise']) {
	console.log(`  ${label}: ${posts.filter((p) => p.label === label).map((p) => p.score).sort((a, b) => a - b).join(' ')}`);
}
