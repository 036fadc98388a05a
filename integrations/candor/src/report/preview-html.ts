/**
 * The editor's audit report as HTML: the list of posts and a detail view per post with its
 * flagged passages highlighted. Pure and self-contained (inline CSS and script, no external
 * files), so the same pages serve `astro dev`, an opted-in build and a single-file report for
 * CI artifacts. Every piece of post content is escaped.
 */
import type { AuditedSentence, Finding, PostAudit } from '../core/index.js';
import type { PostAuditSummary } from '../integration/summary.js';
import { builtinRules } from '../core/index.js';
import { sponsorshipsOf } from '../core/sponsorships.js';
import { CHART_STYLE, reportCharts } from './charts.js';

const FAMILY_OF = new Map(builtinRules.map((rule) => [rule.id, rule.family as string]));

/** The declared sponsorship kinds of a post, e.g. "gifted, affiliate". */
const sponsorKinds = (s: PostAuditSummary) => sponsorshipsOf(s.sponsorships ?? s.sponsorship).map((x) => String(x.kind)).join(', ');

export const escapeHtml = (text: unknown) =>
	String(text ?? '').replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

const FAMILY_COLOURS: Record<string, string> = {
	'call-to-action': '#ffd7d5',
	offer: '#ffd7d5',
	urgency: '#ffd7d5',
	hype: '#fff1c2',
	'self-focus': '#e7dcff',
	buzz: '#fff1c2',
	'vanity-metric': '#d8ecff',
	'social-proof': '#d8ecff',
	'promo-link': '#ffe2c2',
	disclosure: '#ffc9e1',
	policy: '#e1e4e8',
};

const STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --line: #d1d9e0; --fail: #b3261e; --pass: #1a7f37; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --line: #3d444d; --fail: #ff7b72; --pass: #3fb950; } mark { color: #1f2328; } }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
header, main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.25rem; }
a { color: inherit; }
a:focus-visible, button:focus-visible, select:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
.summary { display: flex; flex-wrap: wrap; gap: 1.5rem; padding: 0; list-style: none; }
.summary strong { display: block; font-size: 1.5rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.45rem 0.5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th button { font: inherit; font-weight: 700; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.verdict-fail { color: var(--fail); font-weight: 700; }
.verdict-pass { color: var(--pass); }
.verdict-error { color: var(--fail); font-weight: 700; }
.filters { display: flex; flex-wrap: wrap; gap: 1rem; margin: 1rem 0; }
.muted, .file { color: var(--muted); font-size: 0.85rem; }
.prose p { margin: 0.35rem 0; }
.sentence-pitch { background: rgba(255, 129, 130, 0.15); }
mark { padding: 0 0.1em; border-radius: 3px; border-bottom: 2px solid rgba(0,0,0,0.4); }
.findings li { margin: 0.75rem 0; }
.legend span { display: inline-block; padding: 0 0.4em; margin-right: 0.4em; border-radius: 3px; color: #1f2328; }
`;

function page(title: string, body: string, script = ''): string {
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}${CHART_STYLE}</style>
</head>
<body>
${body}
${script ? `<script>${script}</script>` : ''}
</body>
</html>
`;
}

const pct = (value: number | null) => (value === null ? '—' : `${Number.isInteger(value) ? value : value.toFixed(1)}%`);

export interface ReportLinks {
	/** URL of a post's detail view. */
	detail(summary: PostAuditSummary): string;
	/** URL of the list. */
	index: string;
}

/** The list of every audited post, sortable and filterable. */
export function reportIndexHtml(summaries: PostAuditSummary[], links: ReportLinks, errors: Array<{ path: string; message: string }> = []): string {
	return page('Candor audit report', indexBody(summaries, links, errors), INDEX_SCRIPT);
}

/**
 * The whole report in one self-contained file (for CI artifacts): the list, then every
 * post's detail, linked by anchors. Source positions are shown as `path:line:col`.
 */
export function reportSingleFileHtml(entries: Array<{ summary: PostAuditSummary; audit: PostAudit }>, errors: Array<{ path: string; message: string }> = []): string {
	const anchor = (s: PostAuditSummary) => `post-${s.slug.replace(/[^\w-]+/g, '-')}`;
	const links = { index: '#top', detail: (s: PostAuditSummary) => `#${anchor(s)}` };
	const details = entries
		.map(({ summary, audit }) => `<article id="${escapeHtml(anchor(summary))}" aria-labelledby="${escapeHtml(anchor(summary))}-title">${detailBody(summary, audit, { ...links, source: (line, column) => `${summary.path}:${line}:${column}` }, 'h2', `${anchor(summary)}-title`)}</article>`)
		.join('\n<hr>\n');
	return page('Candor audit report', `<div id="top"></div>${indexBody(entries.map((e) => e.summary), links, errors)}\n${details}`, INDEX_SCRIPT);
}

function indexBody(summaries: PostAuditSummary[], links: ReportLinks, errors: Array<{ path: string; message: string }>): string {
	const families = [...new Set(summaries.flatMap((s) => Object.keys(s.families)))].sort();
	const tags = [...new Set(summaries.flatMap((s) => s.tags))].sort();
	const failed = summaries.filter((s) => s.verdict === 'fail').length;
	const charts = reportCharts(summaries);
	const rows = summaries
		.map((s) => {
			const expertise = s.words.total ? Math.round((100 * s.words.expertise) / s.words.total) : 0;
			return `<tr data-verdict="${escapeHtml(s.verdict)}" data-families="${escapeHtml(Object.keys(s.families).join(' '))}" data-tags="${escapeHtml(s.tags.join(' '))}">
<td data-sort="${escapeHtml(s.title ?? s.path)}"><a href="${escapeHtml(links.detail(s))}">${escapeHtml(s.title ?? s.path)}</a><div class="file">${escapeHtml(s.path)}</div></td>
<td class="num" data-sort="${s.score ?? -1}">${pct(s.score)}</td>
<td class="num" data-sort="${s.threshold}">${pct(s.threshold)}</td>
<td data-sort="${escapeHtml(s.verdict)}" class="verdict-${escapeHtml(s.verdict)}">${s.verdict === 'fail' ? 'Fails' : s.verdict === 'pass' ? 'Passes' : 'Error'}${s.draft ? ' (draft)' : ''}${s.exception ? ' (exception)' : ''}</td>
<td class="num" data-sort="${expertise}">${expertise}%</td>
<td data-sort="${escapeHtml(sponsorKinds(s))}">${escapeHtml(sponsorKinds(s) || '—')}</td>
<td class="num" data-sort="${s.suppressed}">${s.suppressed}</td>
<td>${s.topRules.slice(0, 3).map((r) => `<code>${escapeHtml(r.ruleId)}</code> ×${r.count}`).join(', ') || '—'}</td>
</tr>`;
		})
		.join('\n');
	const option = (value: string) => `<option value="${escapeHtml(value)}">${escapeHtml(value)}</option>`;
	const body = `<header><h1>Candor audit report</h1></header>
<main>
<section aria-labelledby="summary-heading">
<h2 id="summary-heading">Site summary</h2>
<ul class="summary">
<li><strong>${summaries.length}</strong> posts audited</li>
<li><strong>${summaries.length - failed}</strong> pass</li>
<li><strong class="${failed ? 'verdict-fail' : ''}">${failed}</strong> fail</li>
<li><strong>${summaries.reduce((n, s) => n + s.suppressed, 0)}</strong> suppressed findings</li>
<li><strong>${summaries.filter((s) => s.exception).length}</strong> policy exceptions</li>
</ul>
${errors.length ? `<h3>Posts that could not be audited</h3><ul>${errors.map((e) => `<li><span class="verdict-error">${escapeHtml(e.path)}</span>: ${escapeHtml(e.message)}</li>`).join('')}</ul>` : ''}
</section>
${charts.length ? `<section aria-labelledby="charts-heading">
<h2 id="charts-heading">At a glance</h2>
<p class="muted">Shares are counted in words: the promotional words of the posts in a month, under a tag or by an author, over all their prose words. Bars above the threshold are red; each chart's numbers are in the table below it.</p>
<div class="charts">
${charts.join('\n')}
</div>
</section>
` : ''}<section aria-labelledby="posts-heading">
<h2 id="posts-heading">Posts</h2>
<form class="filters" aria-label="Filter posts">
<label>Verdict <select name="verdict"><option value="">all</option><option value="fail">fails</option><option value="pass">passes</option></select></label>
<label>Rule family <select name="family"><option value="">all</option>${families.map(option).join('')}</select></label>
<label>Tag <select name="tag"><option value="">all</option>${tags.map(option).join('')}</select></label>
</form>
<table id="posts">
<caption class="muted">Promotional share is the share of the post's prose, by words, that reads as pitch. Select a column heading to sort.</caption>
<thead><tr>
<th scope="col" aria-sort="none"><button type="button">Post</button></th>
<th scope="col" aria-sort="none" class="num"><button type="button">Promotional</button></th>
<th scope="col" aria-sort="none" class="num"><button type="button">Threshold</button></th>
<th scope="col" aria-sort="none"><button type="button">Verdict</button></th>
<th scope="col" aria-sort="none" class="num"><button type="button">Expertise</button></th>
<th scope="col" aria-sort="none"><button type="button">Sponsorship</button></th>
<th scope="col" aria-sort="none" class="num"><button type="button">Suppressed</button></th>
<th scope="col">Top rules</th>
</tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>
</main>`;
	return body;
}

const INDEX_SCRIPT = `
const table = document.getElementById('posts');
const body = table.tBodies[0];
table.querySelectorAll('th button').forEach((button, column) => {
  button.addEventListener('click', () => {
    const th = button.parentElement;
    const ascending = th.getAttribute('aria-sort') !== 'ascending';
    table.querySelectorAll('th').forEach((h) => h.hasAttribute('aria-sort') && h.setAttribute('aria-sort', 'none'));
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    const value = (row) => row.cells[column].dataset.sort ?? row.cells[column].textContent;
    const rows = [...body.rows].sort((a, b) => {
      const x = value(a), y = value(b), nx = Number(x), ny = Number(y);
      const order = !Number.isNaN(nx) && !Number.isNaN(ny) ? nx - ny : x.localeCompare(y);
      return ascending ? order : -order;
    });
    body.append(...rows);
  });
});
const form = document.querySelector('form.filters');
form.addEventListener('change', () => {
  const verdict = form.verdict.value, family = form.family.value, tag = form.tag.value;
  for (const row of body.rows) {
    const show = (!verdict || row.dataset.verdict === verdict) && (!family || row.dataset.families.split(' ').includes(family)) && (!tag || row.dataset.tags.split(' ').includes(tag));
    row.hidden = !show;
  }
});
`;

// Astro's dev server opens a file in the editor on a fetch of /__open-in-editor; a plain
// link would navigate away, so links that point there are fetched instead.
const OPEN_IN_EDITOR_SCRIPT = `
document.addEventListener('click', (event) => {
  const link = event.target.closest && event.target.closest('a[href^="/__open-in-editor"]');
  if (!link) return;
  event.preventDefault();
  fetch(link.getAttribute('href'));
});
`;

/** One post: its score, its findings with rule, reason, fix and a link to the source, and its text with the flagged passages highlighted. */
export function reportDetailHtml(
	summary: PostAuditSummary,
	audit: PostAudit,
	links: ReportLinks & { source(line: number, column: number): string },
): string {
	return page(`${summary.title ?? summary.path} · Candor`, detailBody(summary, audit, links, 'h1'), OPEN_IN_EDITOR_SCRIPT);
}

function detailBody(
	summary: PostAuditSummary,
	audit: PostAudit,
	links: ReportLinks & { source(line: number, column: number): string },
	heading: 'h1' | 'h2',
	headingId?: string,
): string {
	const sub = heading === 'h1' ? 'h2' : 'h3';
	const live = audit.findings.filter((f) => !f.suppressed);
	const suppressed = audit.findings.filter((f) => f.suppressed);
	const finding = (f: Finding) => `<li>
<mark style="background:${FAMILY_COLOURS[f.family] ?? '#e1e4e8'}">${escapeHtml(f.family)}</mark> <code>${escapeHtml(f.ruleId)}</code> (${escapeHtml(f.severity)}) at <a href="${escapeHtml(links.source(f.line, f.column))}">line ${f.line}, column ${f.column}</a>
<div>${escapeHtml(f.message)}</div>
<blockquote class="muted">${escapeHtml(f.excerpt)}</blockquote>
${f.suggestion ? `<div><strong>How to fix:</strong> ${escapeHtml(f.suggestion)}</div>` : ''}
${f.suppressed ? `<div class="muted">Suppressed on line ${f.suppressed.line}: ${escapeHtml(f.suppressed.reason)}</div>` : ''}
</li>`;
	const sentences = audit.sentences.map((sentence) => sentenceHtml(sentence)).join('\n');
	const families = [...new Set(live.map((f) => f.family))];
	const id = (name: string) => `${headingId ?? 'post'}-${name}`;
	return `<header><p><a href="${escapeHtml(links.index)}">← All posts</a></p><${heading}${headingId ? ` id="${escapeHtml(headingId)}"` : ''}>${escapeHtml(summary.title ?? summary.path)}</${heading}>
<p class="file">${escapeHtml(summary.path)}</p></header>
<main>
<section aria-labelledby="${id('verdict')}">
<${sub} id="${id('verdict')}">Verdict: <span class="verdict-${escapeHtml(audit.verdict)}">${audit.verdict === 'fail' ? 'fails the policy' : audit.verdict === 'pass' ? 'passes' : 'could not be audited'}</span></${sub}>
<p>${pct(audit.score)} of the prose is promotional; the threshold is ${pct(audit.threshold)}.${audit.exception ? ` Policy exception: ${escapeHtml(audit.exception.reason)}` : ''}</p>
</section>
<section aria-labelledby="${id('findings')}">
<${sub} id="${id('findings')}">Findings (${live.length})</${sub}>
${families.length ? `<p class="legend">${families.map((family) => `<span style="background:${FAMILY_COLOURS[family] ?? '#e1e4e8'}">${escapeHtml(family)}</span>`).join('')}</p>` : ''}
<ol class="findings">${live.map(finding).join('') || '<li>None.</li>'}</ol>
${suppressed.length ? `<${sub === 'h2' ? 'h3' : 'h4'}>Suppressed (${suppressed.length})</${sub === 'h2' ? 'h3' : 'h4'}><ol class="findings">${suppressed.map(finding).join('')}</ol>` : ''}
</section>
<section aria-labelledby="${id('text')}">
<${sub} id="${id('text')}">The post's prose</${sub}>
<p class="muted">Sentences that read as pitch have a tinted background; the passages that made them so are marked with their rule family.</p>
<div class="prose">${sentences}</div>
</section>
</main>`;
}

/** A sentence, with its counted pitch phrases marked (by family) and titled with their rule. */
function sentenceHtml(sentence: AuditedSentence): string {
	let html = escapeHtml(sentence.text);
	for (const signal of sentence.signals) {
		if (signal.orientation !== 'pitch' || signal.mention || signal.suppressed || signal.text.startsWith('(')) continue;
		const needle = escapeHtml(signal.text);
		const at = html.indexOf(needle);
		if (at < 0) continue;
		const colour = FAMILY_COLOURS[FAMILY_OF.get(signal.ruleId) ?? ''] ?? '#e1e4e8';
		html = `${html.slice(0, at)}<mark data-rule="${escapeHtml(signal.ruleId)}" title="${escapeHtml(signal.ruleId)}" style="background:${colour}">${needle}</mark>${html.slice(at + needle.length)}`;
	}
	return `<p class="sentence-${sentence.label}" data-line="${sentence.line}">${html}</p>`;
}
