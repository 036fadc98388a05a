/**
 * The report's pictures, as inline SVG built from the posts' summaries (no network, no
 * library): the site's promotional share by month of publication, the distribution of scores
 * against the threshold, and the share by tag and by author. Each chart is a `<figure>` whose
 * SVG has a `<title>` and a `<desc>` saying what it shows, and whose numbers are also in a
 * table under `<details>`, so nothing in a picture is only in the picture.
 *
 * A share is counted in words, like a post's own score: the promotional words of the posts
 * in a month (tag, author) over all their prose words, each post's promotional words being
 * its score's share of its prose (a pitch sentence counts as surely as the scorer is sure of
 * it, so this can be less than the words of its pitch sentences).
 */
import type { PostAuditSummary } from '../integration/summary.js';

const escape = (text: unknown) =>
	String(text ?? '').replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
const percent = (value: number) => `${Math.round(value * 10) / 10}%`;

/** Posts grouped under one label, with their share in words. */
export interface ShareGroup {
	label: string;
	posts: number;
	failing: number;
	/** Promotional words over prose words, in percent (0 when the posts have no prose). */
	share: number;
}

function group(label: string, posts: PostAuditSummary[]): ShareGroup {
	const total = posts.reduce((n, s) => n + s.words.total, 0);
	const pitch = posts.reduce((n, s) => n + ((s.score ?? 0) * s.words.total) / 100, 0);
	return { label, posts: posts.length, failing: posts.filter((s) => s.verdict === 'fail').length, share: total ? (100 * pitch) / total : 0 };
}

/** Every month from the first post's to the last one's (`YYYY-MM`), with `undefined` for a month without posts. */
export function sharesByMonth(summaries: PostAuditSummary[]): Array<ShareGroup | undefined> {
	const byMonth = new Map<string, PostAuditSummary[]>();
	for (const s of summaries) if (s.date) byMonth.set(s.date.slice(0, 7), [...(byMonth.get(s.date.slice(0, 7)) ?? []), s]);
	const months = [...byMonth.keys()].sort();
	if (months.length === 0) return [];
	const out: Array<ShareGroup | undefined> = [];
	let [year, month] = months[0]!.split('-').map(Number) as [number, number];
	for (let key = months[0]!; key <= months.at(-1)!; key = `${year}-${String(month).padStart(2, '0')}`) {
		const posts = byMonth.get(key);
		out.push(posts ? group(key, posts) : undefined);
		[year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
	}
	return out;
}

/** `YYYY-MM` of the month `offset` months after `first` (a `YYYY-MM`), as `Mar 2025`. */
function monthName(first: string, offset: number): string {
	const [year, month] = first.split('-').map(Number) as [number, number];
	const index = year * 12 + month - 1 + offset;
	return `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][index % 12]} ${Math.floor(index / 12)}`;
}

/** The share per tag or per author, highest first (ties by name); posts without one are left out. */
export function sharesBy(summaries: PostAuditSummary[], key: 'tags' | 'author'): ShareGroup[] {
	const groups = new Map<string, PostAuditSummary[]>();
	for (const s of summaries) {
		for (const label of key === 'tags' ? s.tags : s.author ? [s.author] : []) groups.set(label, [...(groups.get(label) ?? []), s]);
	}
	return [...groups].map(([label, posts]) => group(label, posts)).sort((a, b) => b.share - a.share || a.label.localeCompare(b.label));
}

/** Posts per score band of 5 points (0–5 … 95–100); a score of exactly 100 is in the last band. */
export function scoreBands(summaries: PostAuditSummary[]): number[] {
	const bands = Array.from({ length: 20 }, () => 0);
	for (const s of summaries) if (s.score !== null) bands[Math.min(Math.floor(s.score / 5), 19)]!++;
	return bands;
}

/** The threshold most posts are held to (exceptions aside): the line drawn on the charts. */
export function siteThreshold(summaries: PostAuditSummary[]): number | undefined {
	const counts = new Map<number, number>();
	for (const s of summaries) if (!s.exception) counts.set(s.threshold, (counts.get(s.threshold) ?? 0) + 1);
	return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
}

const WIDTH = 640;
const PAD = { top: 16, right: 24, bottom: 36, left: 44 };

/** A round top for a percent axis that shows the threshold and the largest value. */
function axisTop(values: number[], threshold: number | undefined): number {
	return Math.min(100, Math.max(10, Math.ceil((Math.max(...values, (threshold ?? 0) * 1.25) + 1) / 10) * 10));
}

function figure(id: string, title: string, desc: string, svg: string, table: string): string {
	return `<figure class="chart" id="${id}">
<figcaption>${escape(title)}</figcaption>
<svg viewBox="0 0 ${WIDTH} ${svgHeight(svg)}" role="img" aria-labelledby="${id}-title ${id}-desc" data-chart="${id.replace(/^chart-/, '')}">
<title id="${id}-title">${escape(title)}</title>
<desc id="${id}-desc">${escape(desc)}</desc>
${svg}
</svg>
<details><summary>The numbers</summary>${table}</details>
</figure>`;
}
const svgHeight = (svg: string) => Number(/data-height="(\d+)"/.exec(svg)?.[1] ?? 220);

function table(headings: string[], rows: Array<Array<string | number>>): string {
	return `<table><thead><tr>${headings.map((h) => `<th scope="col">${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows
		.map((row) => `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row">${escape(cell)}</th>` : `<td class="num">${escape(cell)}</td>`)).join('')}</tr>`)
		.join('')}</tbody></table>`;
}

/** Vertical bars on a shared frame: a y axis with gridlines, labels under the bars, an optional threshold line. */
function columns(
	bars: Array<{ value: number; over: boolean; tip: string } | undefined>,
	axis: { top: number; unit: string; threshold?: { value: number; line: 'across' | 'up' } },
	/** Labels under the plot, each at a fraction (0–1) of its width. */
	labels: Array<{ at: number; text: string }>,
): string {
	const height = 220;
	const plotW = WIDTH - PAD.left - PAD.right;
	const plotH = height - PAD.top - PAD.bottom;
	const slot = plotW / Math.max(bars.length, 1);
	const y = (value: number) => PAD.top + plotH - (plotH * value) / axis.top;
	const ticks = [0, axis.top / 2, axis.top];
	const parts = [`<g class="axis" data-height="${height}">`];
	for (const tick of ticks) {
		parts.push(`<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(tick)}" y2="${y(tick)}"></line><text x="${PAD.left - 6}" y="${y(tick) + 4}" text-anchor="end">${escape(`${Math.round(tick)}${axis.unit}`)}</text>`);
	}
	parts.push('</g>');
	for (const label of labels) parts.push(`<text class="label" x="${(PAD.left + plotW * label.at).toFixed(1)}" y="${height - PAD.bottom + 14}" text-anchor="middle">${escape(label.text)}</text>`);
	bars.forEach((bar, i) => {
		const x = PAD.left + i * slot;
		if (!bar) return;
		// A month whose posts have no pitch at all still gets a sliver: it had posts.
		const top = Math.min(y(Math.min(bar.value, axis.top)), PAD.top + plotH - 2);
		parts.push(
			`<rect class="bar${bar.over ? ' over' : ''}" x="${(x + slot * 0.15).toFixed(1)}" y="${top.toFixed(1)}" width="${(slot * 0.7).toFixed(1)}" height="${(PAD.top + plotH - top).toFixed(1)}"><title>${escape(bar.tip)}</title></rect>`,
		);
	});
	if (axis.threshold) {
		const { value, line } = axis.threshold;
		const label = `threshold ${escape(percent(value))}`;
		if (line === 'across') {
			// A share: a level across the plot.
			parts.push(`<line class="threshold" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(value)}" y2="${y(value)}"></line><text class="threshold-label" x="${WIDTH - PAD.right}" y="${y(value) - 4}" text-anchor="end">${label}</text>`);
		} else {
			// A score band: the bands span 0–100 across the plot, so the threshold is a place on it.
			const x = PAD.left + (plotW * value) / 100;
			parts.push(`<line class="threshold" x1="${x}" x2="${x}" y1="${PAD.top}" y2="${PAD.top + plotH}"></line><text class="threshold-label" x="${x + 4}" y="${PAD.top + 10}">${label}</text>`);
		}
	}
	return parts.join('\n');
}

/** Horizontal bars, one per group, labelled on the left and with their share on the right. */
function rows(groups: ShareGroup[], threshold: number | undefined): string {
	const rowH = 22;
	const labelW = 170;
	const height = PAD.top + groups.length * rowH + 24;
	const plotW = WIDTH - labelW - 70;
	const top = axisTop(groups.map((g) => g.share), threshold);
	const x = (value: number) => labelW + (plotW * Math.min(value, top)) / top;
	const parts = [`<g class="axis" data-height="${height}"><line x1="${labelW}" x2="${labelW}" y1="${PAD.top - 4}" y2="${height - 20}"></line></g>`];
	groups.forEach((g, i) => {
		const y = PAD.top + i * rowH;
		const tip = `${g.label}: ${percent(g.share)} promotional across ${g.posts} ${g.posts === 1 ? 'post' : 'posts'}${g.failing ? ` (${g.failing} failing)` : ''}`;
		parts.push(
			`<text class="label" x="${labelW - 8}" y="${y + 15}" text-anchor="end">${escape(g.label.length > 24 ? `${g.label.slice(0, 23)}…` : g.label)}</text>`,
			`<rect class="bar${threshold !== undefined && g.share > threshold ? ' over' : ''}" x="${labelW}" y="${y + 3}" width="${Math.max(x(g.share) - labelW, 1).toFixed(1)}" height="${rowH - 6}"><title>${escape(tip)}</title></rect>`,
			`<text class="value" x="${(x(g.share) + 6).toFixed(1)}" y="${y + 15}">${escape(percent(g.share))}</text>`,
		);
	});
	if (threshold !== undefined) {
		parts.push(
			`<line class="threshold" x1="${x(threshold)}" x2="${x(threshold)}" y1="${PAD.top - 4}" y2="${height - 20}"></line><text class="threshold-label" x="${x(threshold)}" y="${height - 6}" text-anchor="middle">threshold ${escape(percent(threshold))}</text>`,
		);
	}
	return parts.join('\n');
}

/** The promotional share of the posts published each month, against the threshold. */
export function monthlyShareChart(summaries: PostAuditSummary[]): string | undefined {
	const months = sharesByMonth(summaries);
	const present = months.filter((m): m is ShareGroup => m !== undefined);
	if (present.length === 0) return undefined;
	const threshold = siteThreshold(summaries);
	const undated = summaries.filter((s) => !s.date).length;
	const highest = present.reduce((a, b) => (b.share > a.share ? b : a));
	const over = present.filter((m) => threshold !== undefined && m.share > threshold);
	const desc = `${present.length} ${present.length === 1 ? 'month' : 'months'} with posts, from ${present[0]!.label} to ${present.at(-1)!.label}; the highest share is ${percent(highest.share)} in ${highest.label}${threshold !== undefined ? `; ${over.length} ${over.length === 1 ? 'month is' : 'months are'} above the ${percent(threshold)} threshold` : ''}.${undated ? ` ${undated} ${undated === 1 ? 'post has' : 'posts have'} no date and ${undated === 1 ? 'is' : 'are'} not shown.` : ''}`;
	const bars = months.map((m) =>
		m && { value: m.share, over: threshold !== undefined && m.share > threshold, tip: `${m.label}: ${percent(m.share)} promotional across ${m.posts} ${m.posts === 1 ? 'post' : 'posts'}${m.failing ? ` (${m.failing} failing)` : ''}` },
	);
	const every = Math.ceil(months.length / 8);
	const labels = months.flatMap((_, i) => (i % every === 0 ? [{ at: (i + 0.5) / months.length, text: monthName(present[0]!.label, i) }] : []));
	const svg = columns(bars, { top: axisTop(present.map((m) => m.share), threshold), unit: '%', ...(threshold !== undefined ? { threshold: { value: threshold, line: 'across' as const } } : {}) }, labels);
	return figure('chart-monthly', 'Promotional share by month of publication', desc, svg, table(['Month', 'Posts', 'Failing', 'Promotional share'], present.map((m) => [m.label, m.posts, m.failing, percent(m.share)])));
}

/** How many posts score in each band of 5 points, with the threshold marked. */
export function scoreDistributionChart(summaries: PostAuditSummary[]): string | undefined {
	const scored = summaries.filter((s) => s.score !== null);
	if (scored.length === 0) return undefined;
	const bands = scoreBands(scored);
	const threshold = siteThreshold(summaries) ?? 0;
	const above = scored.filter((s) => s.score! > s.threshold).length;
	const label = (i: number) => `${i * 5}–${i * 5 + 5}%`;
	const desc = `${scored.length} ${scored.length === 1 ? 'post' : 'posts'}: ${scored.length - above} at or under ${scored.length - above === 1 ? 'its' : 'their'} threshold, ${above} above; most posts (${Math.max(...bands)}) score ${label(bands.indexOf(Math.max(...bands)))}. The line marks the ${percent(threshold)} threshold.`;
	const top = Math.max(2, Math.ceil(Math.max(...bands) / 2) * 2);
	const bars = bands.map((count, i) => (count ? { value: count, over: i * 5 >= threshold, tip: `${label(i)}: ${count} ${count === 1 ? 'post' : 'posts'}` } : undefined));
	const labels = Array.from({ length: 11 }, (_, k) => ({ at: k / 10, text: `${k * 10}%` }));
	const svg = columns(bars, { top, unit: '', threshold: { value: threshold, line: 'up' } }, labels);
	return figure('chart-scores', 'Posts by promotional share, against the threshold', desc, svg, table(['Score band', 'Posts'], bands.flatMap((count, i) => (count ? [[label(i), count]] : []))));
}

/** The share of the posts under each tag, or by each author; `undefined` when no post has one. */
export function shareByChart(summaries: PostAuditSummary[], key: 'tags' | 'author'): string | undefined {
	const groups = sharesBy(summaries, key);
	if (groups.length === 0) return undefined;
	const shown = groups.slice(0, 15);
	const threshold = siteThreshold(summaries);
	const name = key === 'tags' ? 'tag' : 'author';
	const over = groups.filter((g) => threshold !== undefined && g.share > threshold);
	const desc = `${groups.length} ${groups.length === 1 ? name : `${name}s`}${groups.length > shown.length ? ` (the ${shown.length} highest shown)` : ''}; the highest share is ${percent(groups[0]!.share)} (${groups[0]!.label})${threshold !== undefined ? `; ${over.length} above the ${percent(threshold)} threshold` : ''}.`;
	const title = `Promotional share by ${name}`;
	return figure(`chart-${name}`, title, desc, rows(shown, threshold), table([key === 'tags' ? 'Tag' : 'Author', 'Posts', 'Failing', 'Promotional share'], groups.map((g) => [g.label, g.posts, g.failing, percent(g.share)])));
}

/** All the charts the summaries allow, in reading order. */
export function reportCharts(summaries: PostAuditSummary[]): string[] {
	return [monthlyShareChart(summaries), scoreDistributionChart(summaries), shareByChart(summaries, 'tags'), shareByChart(summaries, 'author')].filter((c): c is string => c !== undefined);
}

export const CHART_STYLE = `
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(28rem, 1fr)); gap: 1.5rem 2rem; }
.chart { margin: 0; --bar: #0969da; }
@media (prefers-color-scheme: dark) { .chart { --bar: #58a6ff; } }
.chart svg { width: 100%; height: auto; color: var(--fg); font: 13px system-ui, sans-serif; }
.chart figcaption { font-weight: 600; margin: 0.25rem 0; }
.chart text { fill: currentColor; }
.chart .axis line { stroke: var(--line); }
.chart .bar { fill: var(--bar); }
.chart .bar.over { fill: var(--fail); }
.chart .threshold { stroke: var(--fail); stroke-width: 1.5; stroke-dasharray: 5 4; }
.chart .threshold-label { fill: var(--fail); }
.chart details { font-size: 0.85rem; }
.chart details table { width: auto; }
`;
