// Linear time: each rule on 1 MB of its worst input (the bench counterpart of
// tests/unit/linear-time.test.ts, run on the built dist and with the figures printed).
//
// For every built-in rule with phrase patterns, the worst input is the test's: each phrase
// spelled out, then the same phrase cut one word short, repeated to 1 MB as one endless
// sentence. The extra inputs of the test (links, quotations, negations, blockquotes and
// lists, entities and invisible characters, plain words) are measured the same way. Each
// input gets the audit's time (one pass, as in the test), a plain scan of the same text
// (split on whitespace, fastest of 5) and their ratio; 1 MB of ordinary generated prose
// gives the ratio a normal post costs. For a few rules the audit also runs on 2 MB of the
// same input, and the 2 MB ÷ 1 MB time shows whether the work grows linearly (≈ 2).
//
// The measurements run in a child process of their own (`node --expose-gc bench/linear.mjs
// --child <dist/core/> <seed>`, JSON on stdout) so the bench driver's heap and RSS stay out of it
// and a collection can run before every timed call.

import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generatePost } from './generate.mjs';

const MB = 1 << 20;
/** The test's bound: the audit may cost this many plain scans of the same text. */
export const LINEAR_FACTOR = 400;
/** Rules whose 2 MB ÷ 1 MB time is reported (falls back to the first phrase rules if absent). */
const SCALING_RULES = ['call-to-action', 'hype', 'undisclosed-sponsorship'];

const fillTo = (size, unit) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

const collect = () => globalThis.gc?.();

function fastest(fn, runs) {
	let best = Infinity;
	for (let i = 0; i < runs; i++) {
		collect();
		const started = performance.now();
		fn();
		best = Math.min(best, performance.now() - started);
	}
	return best;
}

/** Words that spell each phrase of a rule, then the same phrase cut one word short (as in the test). */
function worstUnit(phrases, compilePattern) {
	const words = [];
	for (const phrase of phrases) {
		for (const compiled of compilePattern(phrase).slice(0, 4)) {
			const spelled = compiled.slots.flatMap((slot) =>
				slot.kind === 'literal' ? [[...slot.values][0]] : slot.kind === 'any' ? [slot.tokenKind === 'num' ? '7' : slot.tokenKind === 'code' ? '`c`' : 'x'] : [],
			);
			words.push(...spelled, ...spelled.slice(0, -1));
		}
	}
	return `${words.join(' ')} `;
}
const worstInput = (unit, size) => `${fillTo(size, unit)}\n`;

const EXTRA_INPUTS = [
	['links (promo, tracking, citation, affiliate)', '[plans](/pricing?utm_source=x) [book](https://www.amazon.com/dp/1?tag=a-20) [docs](https://example.org/d) '],
	['quotations (mention is not use)', '"sign up today" "best-in-class" slogans like "act now" '],
	['negations', "don't sign up never act now no special offer without hype "],
	['blockquotes and lists', '> Sign up today\n>\n> - act now\n> - 50% off\n\n'],
	['entities and invisible characters', 'Sign&#32;u\u200bp t&#111;day &amp; 30&percnt; o\u00adff. Ѕіgn uр tоdаy.\n\n'],
	['one endless sentence of plain words', 'the queue retries each job with jitter because clocks drift '],
];

/** About 1 MB of ordinary generated posts: one frontmatter, then post bodies separated by blank lines. */
function ordinaryProse(seed) {
	const parts = [];
	let bytes = 0;
	for (let index = 0; bytes < MB; index++) {
		const { text } = generatePost({ index, seed, format: 'md' });
		const body = index === 0 ? text : text.replace(/^---\n[\s\S]*?\n---\n+/, '');
		parts.push(body.trimEnd());
		bytes += Buffer.byteLength(body) + 2;
	}
	return `${parts.join('\n\n')}\n`;
}

/**
 * Runs the section's measurements in a child process and returns its figures.
 * @param {{ distDir: URL, seed?: number }} options  distDir: the dist/core/ folder (a file: URL)
 */
export function runLinearBench({ distDir, seed = 1 }) {
	const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child', fileURLToPath(distDir), String(seed)], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
		maxBuffer: 16 * MB,
	});
	if (child.status !== 0) throw new Error(`bench/linear.mjs child exited ${child.status ?? child.signal ?? child.error?.message}`);
	return JSON.parse(child.stdout);
}

async function measureAll({ distDir, seed, log }) {
	const { builtinRules, createAuditor } = await import(new URL('index.js', distDir).href);
	const { compilePattern } = await import(new URL('phrases.js', distDir).href);
	const auditor = createAuditor({ brand: ['Acme', 'Acme Cloud'], ownedDomains: ['acme.example'] });
	const started = performance.now();

	const measure = (text) => {
		const scanMs = fastest(() => text.split(/\s+/).filter(Boolean).length, 5);
		const auditMs = fastest(() => auditor.audit(text, 'md'), 1);
		return { bytes: Buffer.byteLength(text), auditMs, scanMs, ratio: auditMs / Math.max(scanMs, 0.5) };
	};

	// Warm the auditor and the scan on a small mixed text so the first row is not the JIT's.
	const warm = EXTRA_INPUTS.map(([, unit]) => unit).join('\n\n').repeat(200);
	for (let i = 0; i < 3; i++) {
		auditor.audit(warm, 'md');
		warm.split(/\s+/).filter(Boolean);
	}

	const phraseRules = builtinRules.filter((rule) => rule.matcher.kind === 'phrases' && rule.matcher.phrases.length > 0);
	const rows = [];
	const units = new Map();
	for (const rule of phraseRules) {
		const unit = worstUnit(rule.matcher.phrases, compilePattern);
		units.set(rule.id, unit);
		log(`  linear: ${rule.id}`);
		rows.push({ kind: 'rule', label: rule.id, phrases: rule.matcher.phrases.length, ...measure(worstInput(unit, MB)) });
	}
	for (const [label, unit] of EXTRA_INPUTS) {
		log(`  linear: ${label}`);
		rows.push({ kind: 'extra', label, ...measure(fillTo(MB, unit)) });
	}
	log('  linear: ordinary prose');
	const prose = { label: 'ordinary generated prose', ...measure(ordinaryProse(seed)) };

	let picked = SCALING_RULES.filter((id) => units.has(id));
	if (picked.length === 0) picked = [...units.keys()].slice(0, 3);
	const scaling = picked.map((id) => {
		log(`  linear: ${id} at 1 and 2 MB`);
		const one = worstInput(units.get(id), MB);
		const two = worstInput(units.get(id), 2 * MB);
		let oneMs = Infinity;
		let twoMs = Infinity;
		for (let round = 0; round < 2; round++) { // interleaved, so drift in the machine hits both sizes
			oneMs = Math.min(oneMs, fastest(() => auditor.audit(one, 'md'), 1));
			twoMs = Math.min(twoMs, fastest(() => auditor.audit(two, 'md'), 1));
		}
		return { id, oneMs, twoMs, growth: twoMs / oneMs };
	});

	return { factor: LINEAR_FACTOR, rows, prose, scaling, seconds: (performance.now() - started) / 1000, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
}

if (process.argv[2] === '--child') {
	const [, , , dir, seed] = process.argv;
	const result = await measureAll({ distDir: pathToFileURL(dir.endsWith('/') ? dir : `${dir}/`), seed: Number(seed), log: (s) => process.stderr.write(`${s}\n`) });
	process.stdout.write(JSON.stringify(result));
}
