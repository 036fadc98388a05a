#!/usr/bin/env node
/**
 * npm run corpus [-- --only <company>] [--dry] [--sources <dir> --out <dir>]
 *
 * `--sources scripts/corpus/candidates --out corpus-heldout` builds the held-out companies
 * (never trained on) into a folder of their own, for `npm run eval -- --held-out corpus-heldout`.
 *
 * Reads each source of sources/*.mjs from its fetched snapshot (a bare git directory under
 * /work/.mirror, or $CANDOR_MIRRORS), at the commit the source names, labels the posts from
 * their own metadata and writes corpus/<company>.jsonl plus corpus/manifest.json. The corpus
 * folder is git-ignored: post text is never committed and never shipped.
 *
 * Boilerplate that repeats across a site's posts (newsletter footers, "join our Slack",
 * the same CTA under every post) is a property of the site, not of a post: a paragraph found
 * in many of one site's posts is dropped from all of them before anything learns from it.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import jsYaml from 'js-yaml';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const mirrors = process.env.CANDOR_MIRRORS ?? '/work/.mirror';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const dry = args.includes('--dry');
const valueOf = (flag, fallback) => (args.includes(flag) ? resolve(args[args.indexOf(flag) + 1]) : fallback);
const sourcesDir = valueOf('--sources', join(here, 'sources'));
const out = valueOf('--out', join(root, 'corpus'));

/** Paragraph-level boilerplate: present in at least this share of a site's posts (and in 5). */
const BOILERPLATE_SHARE = 0.05;
const MIN_WORDS = 60;

const files = readdirSync(sourcesDir).filter((f) => f.endsWith('.mjs')).sort();
const sources = [];
for (const file of files) {
	const source = (await import(pathToFileURL(join(sourcesDir, file)).href)).default;
	if (only && source.company !== only) continue;
	sources.push(source);
}
if (sources.length === 0) {
	console.error(only ? `No source named ${only} in ${sourcesDir}.` : `No sources in ${sourcesDir}.`);
	process.exit(2);
}

if (!dry) mkdirSync(out, { recursive: true });
const manifest = { generated: 'npm run corpus', boilerplateShare: BOILERPLATE_SHARE, minWords: MIN_WORDS, sources: [] };
for (const source of sources) {
	const result = await buildSource(source);
	manifest.sources.push(result.summary);
	printSummary(result.summary);
	if (!dry) writeFileSync(join(out, `${source.company}.jsonl`), result.posts.map((p) => JSON.stringify(p)).join('\n') + '\n');
}
if (!dry && !only) {
	writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
	// A full run is the whole corpus: files of sources no longer in sources/ would be trained on.
	const current = new Set(sources.map((s) => `${s.company}.jsonl`));
	for (const file of readdirSync(out)) if (file.endsWith('.jsonl') && !current.has(file)) rmSync(join(out, file));
}
if (!dry && only) {
	// Keep the other sources' entries of an earlier full run.
	let previous = { sources: [] };
	try {
		previous = JSON.parse((await import('node:fs')).readFileSync(join(out, 'manifest.json'), 'utf8'));
	} catch {}
	const others = previous.sources.filter((s) => s.company !== only);
	writeFileSync(join(out, 'manifest.json'), JSON.stringify({ ...manifest, sources: [...others, ...manifest.sources].sort((a, b) => a.company.localeCompare(b.company)) }, null, 2) + '\n');
}

async function buildSource(source) {
	const gitDir = join(mirrors, source.repo.replace('/', '+'), 'repo');
	if (!existsSync(gitDir)) throw new Error(`${source.company}: no snapshot of ${source.repo} at ${gitDir}; fetch github:${source.repo} first.`);
	const git = (...a) => execFileSync('git', ['--git-dir', gitDir, ...a], { encoding: 'utf8', maxBuffer: 1 << 30 });
	try {
		git('cat-file', '-e', `${source.commit}^{commit}`);
	} catch {
		throw new Error(`${source.company}: commit ${source.commit} is not in the snapshot of ${source.repo}.`);
	}
	const all = git('ls-tree', '-r', '--name-only', source.commit).split('\n').filter(Boolean);
	const include = picomatch(source.posts, { dot: false });
	const exclude = source.exclude?.length ? picomatch(source.exclude) : () => false;
	const paths = all.filter((p) => include(p) && !exclude(p)).sort();
	const metadataPaths = source.metadata ?? [];
	const texts = await readBlobs(gitDir, source.commit, [...metadataPaths, ...paths]);
	const metadata = Object.fromEntries(metadataPaths.map((p) => [p, texts.get(p) ?? '']));

	const skipped = { unlabelled: 0, frontmatter: 0, short: 0 };
	const posts = [];
	for (const path of paths) {
		const raw = texts.get(path);
		if (raw === undefined) continue;
		const { data, body, ok } = splitFrontmatter(raw);
		if (!ok) {
			skipped.frontmatter++;
			continue;
		}
		const labelled = source.label({ path, frontmatter: data, metadata });
		if (!labelled) {
			skipped.unlabelled++;
			continue;
		}
		const cleaned = (source.clean ? source.clean(body) : body).replace(/\r\n?/g, '\n');
		posts.push({ path, labelled, data, body: cleaned });
	}

	// Paragraphs repeated across the site's posts are the site's, not the post's.
	const seen = new Map();
	for (const post of posts) for (const para of new Set(paragraphs(post.body).map(key).filter(Boolean))) seen.set(para, (seen.get(para) ?? 0) + 1);
	const limit = Math.max(5, Math.ceil(BOILERPLATE_SHARE * posts.length));
	const boilerplate = new Set([...seen].filter(([, n]) => n >= limit).map(([k]) => k));

	const kept = [];
	for (const post of posts) {
		const body = paragraphs(post.body).filter((p) => !boilerplate.has(key(p))).join('\n\n');
		if (words(body) < MIN_WORDS) {
			skipped.short++;
			continue;
		}
		const front = {};
		for (const field of ['title', 'description']) if (typeof post.data[field] === 'string' && post.data[field].trim()) front[field] = post.data[field].trim();
		const text = `${Object.keys(front).length ? `---\n${stringifyYaml(front).trimEnd()}\n---\n\n` : ''}${body}\n`;
		kept.push({
			company: source.company,
			path: post.path,
			label: post.labelled.label,
			strength: post.labelled.strength ?? 1,
			category: post.labelled.category ?? '',
			format: post.path.endsWith('.mdx') ? 'mdx' : 'md',
			text,
		});
	}
	const counts = {};
	for (const post of kept) {
		counts[post.label] ??= { total: 0, byCategory: {} };
		counts[post.label].total++;
		counts[post.label].byCategory[post.category] = (counts[post.label].byCategory[post.category] ?? 0) + 1;
	}
	return {
		posts: kept,
		summary: {
			company: source.company,
			field: source.field,
			repo: source.repo,
			commit: source.commit,
			posts: source.posts,
			exclude: source.exclude ?? [],
			brands: source.brands ?? [],
			ownedDomains: source.ownedDomains ?? [],
			matched: paths.length,
			skipped,
			boilerplateParagraphs: boilerplate.size,
			counts,
			mapping: source.label.toString(),
		},
	};
}

/** Reads many blobs at one commit with a single `git cat-file --batch`. */
function readBlobs(gitDir, commit, paths) {
	return new Promise((resolve, reject) => {
		const child = spawn('git', ['--git-dir', gitDir, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'inherit'] });
		const chunks = [];
		child.stdout.on('data', (c) => chunks.push(c));
		child.on('error', reject);
		child.on('close', () => {
			const buffer = Buffer.concat(chunks);
			const result = new Map();
			let at = 0;
			for (const path of paths) {
				const nl = buffer.indexOf(10, at);
				const header = buffer.subarray(at, nl).toString('utf8');
				at = nl + 1;
				if (header.endsWith('missing')) continue;
				const size = Number(header.split(' ')[2]);
				result.set(path, buffer.subarray(at, at + size).toString('utf8'));
				at += size + 1;
			}
			resolve(result);
		});
		for (const path of paths) child.stdin.write(`${commit}:${path}\n`);
		child.stdin.end();
	});
}

/** YAML (`---`) or TOML (`+++`, keys read shallowly) frontmatter, and the body after it. */
function splitFrontmatter(raw) {
	const text = raw.replace(/^\uFEFF/, '');
	const yaml = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
	if (yaml) {
		// `yaml` is strict about continuation lines of quoted strings; js-yaml reads what Jekyll and Hugo accept.
		for (const read of [(t) => parseYaml(t, { uniqueKeys: false }), (t) => jsYaml.load(t)]) {
			try {
				const data = read(yaml[1]) ?? {};
				return { data: typeof data === 'object' ? data : {}, body: text.slice(yaml[0].length), ok: true };
			} catch {}
		}
		return { data: {}, body: '', ok: false };
	}
	const toml = /^\+\+\+\r?\n([\s\S]*?)\r?\n\+\+\+[ \t]*(?:\r?\n|$)/.exec(text);
	if (toml) return { data: shallowToml(toml[1]), body: text.slice(toml[0].length), ok: true };
	return { data: {}, body: text, ok: true };
}

function shallowToml(text) {
	const data = {};
	for (const line of text.split('\n')) {
		const m = /^\s*([A-Za-z_][\w-]*)\s*=\s*(.+?)\s*$/.exec(line);
		if (!m) continue;
		let value = m[2];
		if (/^".*"$|^'.*'$/.test(value)) value = value.slice(1, -1);
		else if (/^\[.*\]$/.test(value)) value = value.slice(1, -1).split(',').map((v) => v.trim().replace(/^["']|["']$/g, '')).filter(Boolean);
		data[m[1]] = value;
	}
	return data;
}

function paragraphs(body) {
	return body.split(/\n[ \t]*\n/).map((p) => p.trim()).filter(Boolean);
}

/** Paragraph identity for boilerplate: lower case, letters and digits only; short ones never count. */
function key(paragraph) {
	const k = paragraph.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
	return k.split(' ').length >= 4 ? k : '';
}

function words(text) {
	return (text.match(/\p{L}+/gu) ?? []).length;
}

function printSummary(s) {
	const parts = Object.entries(s.counts)
		.sort()
		.map(([label, c]) => `${label} ${c.total} (${Object.entries(c.byCategory).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k || '-'}:${n}`).join(', ')})`);
	console.log(`${s.company.padEnd(12)} ${s.repo}@${s.commit.slice(0, 10)}  matched ${s.matched}, skipped ${JSON.stringify(s.skipped)}, boilerplate ${s.boilerplateParagraphs}\n    ${parts.join('\n    ')}`);
}
