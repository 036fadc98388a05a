/**
 * Training and leave-one-company-out evaluation of Candor's linear scorer, shared by
 * `npm run train` (writes the shipped model) and `npm run eval` (prints the honest figures).
 *
 * Everything here is deterministic: posts are read in a fixed order, the optimiser is
 * full-batch L-BFGS from zero, and weights are rounded before they are written, so the same
 * corpus gives the same model byte for byte.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { auc } from './metrics.mjs';

export { auc };

const root = new URL('../../', import.meta.url).pathname;
const dist = process.env.CANDOR_CORE_DIST ?? join(root, 'integrations/candor/dist/core');
const core = await import(pathToFileURL(join(dist, 'index.js')).href);
const { scoreFeatures } = await import(pathToFileURL(join(dist, 'model/scorer.js')).href);
/** Cuts an n-gram feature's name into its words, as the scorer does (the shipped vocabulary). */
export const { gramOf } = await import(pathToFileURL(join(dist, 'model/feature-index.js')).href);

export const DEFAULTS = {
	/** An n-gram enters the vocabulary when posts of at least this many training companies use it. */
	minCompanies: 4,
	/** …and at least this many training posts. */
	minPosts: 10,
	/** L2 strength (objective: weighted mean log loss + λ/2‖w − prior‖²). 0.03 → 0.08 measured +0.2 points mean and +1.4 on the weakest company; 0.12 the same. */
	lambda: 8e-2,
	/** σ sharpness of passage probabilities (per unit of lean per 100 words). 2 → 1 measured +0.5 points mean once contributions count 2p − 1 (a sure passage counts whole, an undecided one nothing). */
	temperature: 1,
	/** Added to a passage's lean per 100 words. 0: a passage counts when it and its post lean to pitch (+0.3 once measured 0.5 points of AUC higher, but then a plain one-line note fails the gate; remeasured before 2p − 1 it was 0.3 points lower). */
	offset: 0,
	/** How much the post's logit moves each passage (0.3 → 0.8 measured +1.5 points of the score's AUC; 1.0 the same). */
	postWeight: 0.8,
	/** Posts shorter than this carry the bias into their passages in proportion to their words (a one-line note is little evidence); 150 measured as 1 (the full bias everywhere), 400 measured 0.2 points lower, 1,000 0.5. */
	biasWords: 150,
	/**
	 * A sentence counts as pitch only when the weights of the features it uses add up to more
	 * than this (its own words lean towards pitch)…
	 */
	minSentenceLean: 0,
	/**
	 * …and one of them weighs at least this much towards pitch, so every finding names a cue that
	 * weighs: plain words in a post's opening (counted twice there, as words and as opening words)
	 * add up to a small lean without any cue worth naming ("Some intro." before "Sign up today").
	 * Leave-one-company-out, 0.03 measured the same as no floor (mean 0.918); 0.05 cost a point
	 * (digitalgov −4.5). The lean floor it replaces (0.07) measured 1 point lower on the weakest
	 * company.
	 */
	minCue: 0.03,
	/**
	 * A passage counts as pitch from this probability up. 0.5 (more likely pitch than not)
	 * measured 0.3 points higher leave-one-company-out (0.918 vs 0.915; the weakest company the
	 * same, 0.860), but then a sentence the model can barely tell from plain prose, adding under a
	 * fifth of its words to the score, is reported as a finding: on our own set 228 findings in
	 * honest posts instead of 178, 50 of them such. Explanations an editor can act on come first.
	 */
	pitchProbability: 0.6,
	/** Words a sentence is judged with (its passage). */
	passageWords: 120,
	/** Shorter passages are judged as if padded with plain words to this length. */
	minPassageWords: 12,
	iterations: 150,
	/**
	 * Weights smaller than this (logit points per feature present) are dropped after fitting:
	 * leave-one-company-out they change nothing, and loading fewer weights keeps the model's
	 * start-up under its budget. Held-out figures are measured with them dropped.
	 */
	prune: 0.003,
};

/** Reads corpus/*.jsonl: the labelled posts (promo and expertise) and each source's settings. */
export function loadCorpus(dir = join(root, 'corpus')) {
	if (!existsSync(join(dir, 'manifest.json'))) {
		throw new Error(`No corpus at ${dir}: run \`npm run corpus\` first (it needs the fetched snapshots named in scripts/corpus/sources).`);
	}
	const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
	const posts = [];
	for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
		for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
			if (!line) continue;
			const post = JSON.parse(line);
			if (post.label === 'promo' || post.label === 'expertise') posts.push(post);
		}
	}
	return { manifest, posts };
}

/**
 * Audits each post with the engine (as its site would configure Candor) and keeps what the
 * model reads: each sentence's features, words and mention flags.
 */
export function extractPosts(posts, manifest) {
	const settings = new Map(manifest.sources.map((s) => [s.company, s]));
	const auditors = new Map();
	const out = [];
	let failed = 0;
	for (const post of posts) {
		const source = settings.get(post.company) ?? {};
		let auditor = auditors.get(post.company);
		if (!auditor) auditors.set(post.company, (auditor = core.createAuditor({ brand: source.brands ?? [], ownedDomains: source.ownedDomains ?? [] })));
		let input = auditor.modelInput(post.text, post.format);
		if (!input && post.format === 'mdx') input = auditor.modelInput(post.text, 'md');
		if (!input || input.features.length === 0) {
			failed++;
			continue;
		}
		out.push({
			company: post.company,
			path: post.path,
			category: post.category,
			label: post.label,
			y: post.label === 'promo' ? 1 : 0,
			strength: post.strength ?? 1,
			features: input.features,
			flags: input.flags,
			// The same features as integer ids, per sentence (training works on these).
			ids: input.features.map((s) => Int32Array.from(s.features, intern)),
		});
	}
	return { posts: out, failed };
}

/** Every feature name seen, by id: training counts ids, not strings. */
const featureNames = [];
const featureIds = new Map();
function intern(name) {
	let id = featureIds.get(name);
	if (id === undefined) {
		featureIds.set(name, (id = featureNames.length));
		featureNames.push(name);
	}
	return id;
}

const isNgram = (name) => /^(?:L:)?[wb]:/.test(name);

/** Features used by several companies (n-grams), plus every class, shape and rule feature. */
export function buildVocabulary(posts, { minCompanies, minPosts }) {
	const docs = new Int32Array(featureNames.length);
	const companies = new Int32Array(featureNames.length);
	const lastCompany = new Int32Array(featureNames.length).fill(-1);
	const lastPost = new Int32Array(featureNames.length).fill(-1);
	const companyIndex = new Map();
	posts.forEach((post, p) => {
		const c = companyIndex.get(post.company) ?? companyIndex.set(post.company, companyIndex.size).get(post.company);
		for (const sentence of post.ids) {
			for (const id of sentence) {
				if (lastPost[id] === p) continue;
				lastPost[id] = p;
				docs[id]++;
				if (lastCompany[id] !== c) {
					lastCompany[id] = c;
					companies[id]++;
				}
			}
		}
	});
	const vocabulary = [];
	for (let id = 0; id < featureNames.length; id++) {
		if (docs[id] === 0) continue;
		if (!isNgram(featureNames[id]) || (companies[id] >= minCompanies && docs[id] >= minPosts)) vocabulary.push(featureNames[id]);
	}
	vocabulary.sort();
	// Column of each feature id (−1: not in the vocabulary).
	const column = new Int32Array(featureNames.length).fill(-1);
	vocabulary.forEach((name, j) => (column[featureIds.get(name)] = j));
	return { names: vocabulary, column };
}

/** A post as the model's input: which features it uses (presence, 1); mention sentences add nothing. */
function vectorize(post, { column }) {
	const present = new Set();
	post.features.forEach((s, i) => {
		if (post.flags[i].mention || post.flags[i].suppressed) return;
		for (const id of post.ids[i]) {
			const j = column[id];
			if (j >= 0) present.add(j);
		}
	});
	const index = Int32Array.from([...present].sort((a, b) => a - b));
	const value = new Float64Array(index.length).fill(1);
	return { index, value };
}

/**
 * Each company weighs the same, and within it each class. Within a class, each of the
 * company's own categories weighs as the square root of its size, so a blog with hundreds of
 * release notes and a dozen case studies still teaches what a case study sounds like.
 */
function sampleWeights(posts) {
	const key = (p, ...more) => [p.company, p.y, ...more].join('\0');
	const strength = new Map();
	const count = new Map();
	for (const p of posts) {
		strength.set(key(p, p.category), (strength.get(key(p, p.category)) ?? 0) + p.strength);
		count.set(key(p, p.category), (count.get(key(p, p.category)) ?? 0) + 1);
	}
	const classTotal = new Map();
	for (const [k, n] of count) {
		const [company, y] = k.split('\0');
		const ck = [company, y].join('\0');
		classTotal.set(ck, (classTotal.get(ck) ?? 0) + Math.sqrt(n));
	}
	const companies = new Set(posts.map((p) => p.company)).size;
	return posts.map((p) => {
		const share = Math.sqrt(count.get(key(p, p.category))) / classTotal.get(key(p));
		return (share * p.strength) / (2 * companies * strength.get(key(p, p.category)));
	});
}

/**
 * Where each weight is pulled to by the regulariser: 0 for words, and for a rule's own
 * signal its hand-set weight (pitch +, expertise −), so a rule the blogs rarely exercise
 * (prize claims, coupon codes) keeps the strength its authors gave it, while a rule the
 * data contradicts is corrected by the data.
 */
export const RULE_PRIOR = 0.2;
function priorOf(name) {
	if (!name.startsWith('rule:')) return 0;
	const rule = core.builtinRules.find((r) => r.id === name.slice(5));
	if (!rule) return 0;
	return (rule.orientation === 'pitch' ? 1 : -1) * RULE_PRIOR * rule.weight;
}

/** Trains the model on posts; returns it with per-word weights ready to ship. */
export function train(posts, params = {}) {
	const p = { ...DEFAULTS, ...params };
	const vocabulary = buildVocabulary(posts, p);
	const { names } = vocabulary;
	const X = posts.map((post) => vectorize(post, vocabulary));
	const y = posts.map((post) => post.y);
	const a = sampleWeights(posts);
	const n = names.length + 1; // last = bias
	const prior = Float64Array.from(names, priorOf);
	const objective = (w, grad) => {
		grad.fill(0);
		let loss = 0;
		const bias = w[n - 1];
		for (let i = 0; i < X.length; i++) {
			const { index, value } = X[i];
			let z = bias;
			for (let k = 0; k < index.length; k++) z += w[index[k]] * value[k];
			// log(1 + e^{-z}) for y = 1, log(1 + e^{z}) for y = 0, written stably.
			const s = y[i] ? -z : z;
			loss += a[i] * (s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s)));
			const g = a[i] * (1 / (1 + Math.exp(-z)) - y[i]);
			for (let k = 0; k < index.length; k++) grad[index[k]] += g * value[k];
			grad[n - 1] += g;
		}
		for (let j = 0; j < n - 1; j++) {
			const d = w[j] - prior[j];
			loss += 0.5 * p.lambda * d * d;
			grad[j] += p.lambda * d;
		}
		return loss;
	};
	const w = lbfgs(objective, new Float64Array(n), p.iterations);
	const weights = {};
	names.forEach((name, j) => {
		const value = round(w[j], 5);
		if (Math.abs(value) >= p.prune) weights[name] = value;
	});
	return {
		format: 'candor-presence-1',
		bias: round(w[n - 1], 5),
		temperature: p.temperature,
		offset: p.offset,
		postWeight: p.postWeight,
		biasWords: p.biasWords,
		minSentenceLean: p.minSentenceLean,
		minCue: p.minCue,
		pitchProbability: p.pitchProbability,
		passageWords: p.passageWords,
		minPassageWords: p.minPassageWords,
		rulePrior: RULE_PRIOR,
		weights,
	};
}

/** Scores held-out posts exactly as the engine would (shared scoreFeatures). */
export function scorePosts(model, posts) {
	const weights = new Map(Object.entries(model.weights));
	return posts.map((post) => ({ post, ...scoreFeatures(model, post.features, post.flags, weights) }));
}

/** Limited-memory BFGS with a backtracking line search; deterministic. */
function lbfgs(f, x, iterations, memory = 10) {
	const n = x.length;
	let g = new Float64Array(n);
	let fx = f(x, g);
	const S = [];
	const Y = [];
	const dot = (u, v) => {
		let s = 0;
		for (let i = 0; i < n; i++) s += u[i] * v[i];
		return s;
	};
	for (let it = 0; it < iterations; it++) {
		// Two-loop recursion for the direction.
		const q = Float64Array.from(g);
		const alpha = [];
		for (let k = S.length - 1; k >= 0; k--) {
			const rho = 1 / dot(Y[k], S[k]);
			const al = rho * dot(S[k], q);
			alpha[k] = al;
			for (let i = 0; i < n; i++) q[i] -= al * Y[k][i];
		}
		let gamma = S.length ? dot(S.at(-1), Y.at(-1)) / dot(Y.at(-1), Y.at(-1)) : 1 / Math.max(1e-12, Math.sqrt(dot(g, g)));
		for (let i = 0; i < n; i++) q[i] *= gamma;
		for (let k = 0; k < S.length; k++) {
			const rho = 1 / dot(Y[k], S[k]);
			const beta = rho * dot(Y[k], q);
			for (let i = 0; i < n; i++) q[i] += S[k][i] * (alpha[k] - beta);
		}
		const d = q.map((v) => -v);
		let slope = dot(g, d);
		if (slope >= 0) {
			for (let i = 0; i < n; i++) d[i] = -g[i];
			slope = dot(g, d);
		}
		let step = 1;
		const xNew = new Float64Array(n);
		const gNew = new Float64Array(n);
		let fNew;
		for (let tries = 0; tries < 30; tries++) {
			for (let i = 0; i < n; i++) xNew[i] = x[i] + step * d[i];
			fNew = f(xNew, gNew);
			if (fNew <= fx + 1e-4 * step * slope) break;
			step *= 0.5;
		}
		const s = xNew.map((v, i) => v - x[i]);
		const yv = gNew.map((v, i) => v - g[i]);
		if (dot(s, yv) > 1e-12) {
			S.push(s);
			Y.push(yv);
			if (S.length > memory) {
				S.shift();
				Y.shift();
			}
		}
		const improvement = fx - fNew;
		x = xNew;
		g = gNew;
		fx = fNew;
		if (improvement >= 0 && improvement < 1e-10 * Math.max(1, Math.abs(fx))) break;
	}
	return x;
}

/**
 * The naive baseline the issue asks to beat: 30 marketing words, their rate per 100 words
 * of the post's raw text.
 */
export const NAIVE_LEXICON =
	/\b(?:free|best|leading|innovative|revolutionary|exclusive|offer|discount|sale|buy|limited|now|today|new|announce|announcing|launch|proud|excited|thrilled|customers?|partners?|award|powerful|seamless|easy|amazing|ultimate|guaranteed?|save|join)\b/gi;
export function naiveScore(text) {
	const words = (text.match(/\p{L}+/gu) ?? []).length || 1;
	return (100 * (text.match(NAIVE_LEXICON) ?? []).length) / words;
}

export function round(value, digits) {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}

export { core };

/**
 * Leave-one-company-out: for each company, train on all the others and score its posts.
 * Returns the held-out scores of every post (each scored by a model that never saw its company).
 */
export function leaveOneCompanyOut(posts, params = {}) {
	const companies = [...new Set(posts.map((p) => p.company))].sort();
	const heldOut = [];
	for (const company of companies) {
		const model = train(posts.filter((p) => p.company !== company), params);
		heldOut.push(...scorePosts(model, posts.filter((p) => p.company === company)));
	}
	return heldOut;
}

/** Per company: AUC of the score, of the logit and of the naive baseline; fail rates at a threshold. */
export function companyTable(heldOut, threshold, naive = new Map()) {
	const companies = [...new Set(heldOut.map((h) => h.post.company))].sort();
	return companies.map((company) => {
		const rows = heldOut.filter((h) => h.post.company === company);
		const promo = rows.filter((h) => h.post.y === 1);
		const expertise = rows.filter((h) => h.post.y === 0);
		const strong = promo.filter((h) => h.post.strength >= 1);
		return {
			company,
			promo: promo.length,
			expertise: expertise.length,
			auc: auc(rows, (h) => h.score, (h) => h.post.y === 1),
			aucLogit: auc(rows, (h) => h.logit, (h) => h.post.y === 1),
			naive: auc(rows, (h) => naive.get(h.post) ?? 0, (h) => h.post.y === 1),
			expertiseFail: expertise.length ? expertise.filter((h) => h.score > threshold).length / expertise.length : NaN,
			promoFail: strong.length ? strong.filter((h) => h.score > threshold).length / strong.length : NaN,
		};
	});
}

/** The mean of `key` over the rows that have it (a company without a class has NaN there). */
export function meanOf(rows, key) {
	const values = rows.map((r) => r[key]).filter((v) => v !== null && v !== undefined && !Number.isNaN(v));
	return values.reduce((a, b) => a + b, 0) / values.length;
}

/** A company is held to the issue's bar when it has at least 20 posts of each class. */
export const heldToTheBar = (row) => row.promo >= 20 && row.expertise >= 20;

/**
 * The default threshold: the lowest at which, on held-out companies, at most `maxExpertiseFail`
 * of expertise posts fail, as a mean over every company with expertise posts and as a mean over
 * the companies held to the issue's bar (20 or more posts per class) — so that as many
 * promotional posts as possible fail. (Over every company alone, 19 met 5% there while the
 * companies held to the bar saw 5.6%.)
 */
export function calibrateThreshold(heldOut, maxExpertiseFail = 0.05) {
	const mean = (rows) => meanOf(rows, 'expertiseFail');
	for (let t = 0; t <= 100; t = round(t + 0.5, 1)) {
		const table = companyTable(heldOut, t);
		const held = table.filter(heldToTheBar);
		if (mean(table) <= maxExpertiseFail && (held.length === 0 || mean(held) <= maxExpertiseFail)) return t;
	}
	return 100;
}
