// npm run train: learns Candor's scorer from the development corpus (npm run corpus) and
// writes it into the package as data:
//   integrations/candor/src/core/model/weights.generated.ts   the weights and the default threshold
//   integrations/candor/model/manifest.json                   sources @ commits, counts, label
//                                                             mappings, parameters, held-out metrics
// The default threshold is calibrated on leave-one-company-out scores: the lowest at which at
// most 5% of expertise posts fail (mean over companies, and over those with 20+ posts per class). Deterministic: the same corpus gives
// the same files byte for byte (no randomness; L-BFGS from zero; weights rounded).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { calibrateThreshold, companyTable, DEFAULTS, extractPosts, gramOf, heldToTheBar, leaveOneCompanyOut, loadCorpus, meanOf, naiveScore, round, train } from './model/train-lib.mjs';

const root = new URL('../', import.meta.url).pathname;
const weightsFile = join(root, 'integrations/candor/src/core/model/weights.generated.ts');
const manifestFile = join(root, 'integrations/candor/model/manifest.json');

const started = Date.now();
const { manifest: corpus, posts } = loadCorpus();
const { posts: extracted, failed } = extractPosts(posts, corpus);
console.log(`${extracted.length} labelled posts from ${new Set(extracted.map((p) => p.company)).size} companies (${failed} could not be read)`);

console.log('Leave-one-company-out, to calibrate the threshold and record the held-out figures…');
const heldOut = leaveOneCompanyOut(extracted);
const threshold = calibrateThreshold(heldOut);
const text = new Map(posts.map((p) => [`${p.company}\0${p.path}`, p.text]));
const naive = new Map(extracted.map((p) => [p, naiveScore(text.get(`${p.company}\0${p.path}`))]));
const table = companyTable(heldOut, threshold, naive);

console.log('Training on every company…');
const model = { ...train(extracted), threshold };
// Shipped as two parallel lists (names, weights): parsed several times faster than an object.
// With them, the n-grams' words (`tokens`) and each feature's word ids (`grams`): what the
// scorer would otherwise cut out of every name each time the model loads (see FeatureList).
const { weights, ...rest } = model;
const names = Object.keys(weights).sort();
const json = JSON.stringify({ ...rest, names: names.join('\n'), values: names.map((n) => weights[n]), ...vocabularyOf(names) });
writeFileSync(
	weightsFile,
	`// Written by \`npm run train\` from the development corpus; do not edit. See model/manifest.json.\nexport const MODEL_THRESHOLD = ${threshold};\nexport const MODEL_PITCH_PROBABILITY = ${model.pitchProbability};\nexport const MODEL_JSON = ${JSON.stringify(json)};\n`,
);

const mean = (key, rows = table) => round(meanOf(rows, key), 3);
const qualifying = table.filter(heldToTheBar);
mkdirSync(dirname(manifestFile), { recursive: true });
writeFileSync(
	manifestFile,
	`${JSON.stringify(
		{
			model: 'candor-presence-1',
			trainedBy: 'npm run train',
			seed: 'none: full-batch L-BFGS from zero weights, no sampling',
			parameters: DEFAULTS,
			features: Object.keys(model.weights).length,
			bias: model.bias,
			threshold,
			posts: { promo: extracted.filter((p) => p.y === 1).length, expertise: extracted.filter((p) => p.y === 0).length },
			heldOut: {
				method: 'leave-one-company-out: each company scored by a model trained on the others',
				meanAuc: mean('auc'),
				meanAucQualifying: mean('auc', qualifying),
				meanNaiveAuc: mean('naive'),
				meanExpertiseFail: mean('expertiseFail'),
				meanPromoFail: mean('promoFail'),
				companies: table.map((r) => ({ ...r, auc: round(r.auc, 3), aucLogit: round(r.aucLogit, 3), naive: round(r.naive, 3), expertiseFail: round(r.expertiseFail, 3), promoFail: round(r.promoFail, 3) })),
			},
			sources: corpus.sources.map(({ company, field, repo, commit, posts: globs, exclude, brands, ownedDomains, counts, mapping }) => ({
				company, field, repo, commit, posts: globs, exclude, brands, ownedDomains, counts, mapping,
			})),
		},
		null,
		'\t',
	)}\n`,
);
console.log(`Wrote ${Object.keys(model.weights).length} weights, threshold ${threshold}; held-out mean AUC ${mean('auc')} (naive ${mean('naive')}), expertise fail ${mean('expertiseFail')}, promo fail ${mean('promoFail')}; ${((Date.now() - started) / 1000).toFixed(0)} s`);

/** The n-grams' words, sorted, and each feature's two word ids in them (−1: none). */
function vocabularyOf(names) {
	const grams = names.map(gramOf);
	const tokens = [...new Set(grams.flatMap((gram) => (gram ? gram.filter((t) => t !== undefined) : [])))].sort();
	const id = new Map(tokens.map((t, i) => [t, i]));
	return { tokens: tokens.join('\n'), grams: grams.flatMap((gram) => (gram ? [id.get(gram[0]), gram[1] === undefined ? -1 : id.get(gram[1])] : [-1, -1])) };
}
