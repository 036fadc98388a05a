/** The report's charts, on the demo blog's own audits and on hand-built summaries. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { auditPost, DEFAULT_THRESHOLD } from '../../integrations/candor/src/core/index.ts';
import { type PostAuditSummary, summarize } from '../../integrations/candor/src/integration/summary.ts';
import { storedAudit } from '../../integrations/candor/src/pool/audit-pool.ts';
import {
	monthlyShareChart,
	reportCharts,
	scoreBands,
	scoreDistributionChart,
	shareByChart,
	sharesBy,
	sharesByMonth,
	siteThreshold,
} from '../../integrations/candor/src/report/charts.ts';
import { reportIndexHtml } from '../../integrations/candor/src/report/preview-html.ts';
import { repoRoot } from '../helpers/astro.ts';

const blog = join(repoRoot, 'content/blog');
const files = readdirSync(blog).filter((f) => /\.mdx?$/.test(f)).sort();
/** The demo blog, audited as its build audits it. */
const demo: PostAuditSummary[] = files.map((file) => {
	const audit = auditPost(readFileSync(join(blog, file), 'utf8'), { brand: ['Kestrel', 'Kestrel Systems', 'Kestrel Queue', 'Kestrel Scheduler'], ownedDomains: ['kestrel.example'], format: file.endsWith('.mdx') ? 'mdx' : 'md' });
	return summarize(`content/blog/${file}`, `blog/${file.replace(/\.mdx?$/, '')}`, storedAudit(audit), 'test');
});
/** What the frontmatter says, read without Candor. */
const frontmatter = files.map((file) => {
	const text = readFileSync(join(blog, file), 'utf8');
	return { date: /^pubDate: (\S+)$/m.exec(text)?.[1], author: /^author: "([^"]+)"$/m.exec(text)?.[1], tags: JSON.parse(/^tags: (\[.*\])$/m.exec(text)?.[1] ?? '[]') as string[] };
});

const bars = (svg: string) => [...svg.matchAll(/<rect class="bar( over)?"/g)].length;

function summary(over: Partial<PostAuditSummary> & { pitch?: number; total?: number }): PostAuditSummary {
	const { pitch = 0, total = 100, ...rest } = over;
	return {
		path: 'content/blog/x.md',
		slug: 'blog/x',
		tags: [],
		topRules: [],
		score: total ? (100 * pitch) / total : 0,
		threshold: 16,
		verdict: total && (100 * pitch) / total > 16 ? 'fail' : 'pass',
		words: { total, pitch, expertise: 0, neutral: total - pitch },
		families: {},
		findings: 0,
		suppressed: 0,
		draft: false,
		engineVersion: 'test',
		optionsHash: 'test',
		...rest,
	} as PostAuditSummary;
}

describe('the summary carries what the charts need', () => {
	it('has every demo post’s publication date, author and tags from its frontmatter', () => {
		expect(demo.map((s) => s.date)).toEqual(frontmatter.map((f) => f.date));
		expect(demo.map((s) => s.author)).toEqual(frontmatter.map((f) => f.author));
		expect(demo.map((s) => s.tags)).toEqual(frontmatter.map((f) => f.tags));
	});
});

describe('charts of the demo blog', () => {
	it('has a bar for every month with posts, on a continuous run of months', () => {
		const months = sharesByMonth(demo);
		const withPosts = new Set(frontmatter.map((f) => f.date!.slice(0, 7)));
		expect(months).toHaveLength(15); // September 2025 to November 2026
		expect(months.filter(Boolean).map((m) => m!.label)).toEqual([...withPosts].sort());
		expect(months[5]).toBeUndefined(); // February 2026: no post
		const jan = months.find((m) => m?.label === '2026-01')!;
		const janPosts = demo.filter((s) => s.date!.startsWith('2026-01'));
		expect(jan.posts).toBe(2);
		// Each post's promotional words are its score's share of its prose.
		const promotional = (s: PostAuditSummary) => ((s.score ?? 0) * s.words.total) / 100;
		expect(jan.share).toBeCloseTo((100 * (promotional(janPosts[0]!) + promotional(janPosts[1]!))) / (janPosts[0]!.words.total + janPosts[1]!.words.total), 6);
		const svg = monthlyShareChart(demo)!;
		expect(bars(svg)).toBe(withPosts.size);
		expect(XMLValidator.validate(/<svg[\s\S]*<\/svg>/.exec(svg)![0])).toBe(true);
		expect(svg).toContain('<title id="chart-monthly-title">Promotional share by month of publication</title>');
		expect(svg).toMatch(new RegExp(String.raw`<desc id="chart-monthly-desc">14 months with posts, from 2025-09 to 2026-11; the highest share is [\d.]+% in \d{4}-\d\d; \d+ months? (is|are) above the ${DEFAULT_THRESHOLD}% threshold\.<\/desc>`));
		expect([...svg.matchAll(/<th scope="row">/g)]).toHaveLength(14);
	});

	it('counts every post in one score band and marks the threshold', () => {
		const bands = scoreBands(demo);
		expect(bands.reduce((a, b) => a + b, 0)).toBe(demo.length);
		const svg = scoreDistributionChart(demo)!;
		expect(bars(svg)).toBe(bands.filter(Boolean).length);
		expect(svg).toContain(`threshold ${DEFAULT_THRESHOLD}%`);
		expect(siteThreshold(demo)).toBe(DEFAULT_THRESHOLD);
	});

	it('has a bar per tag and per author, with their post counts', () => {
		const tags = new Set(frontmatter.flatMap((f) => f.tags));
		const byTag = sharesBy(demo, 'tags');
		expect(byTag.map((g) => g.label).sort()).toEqual([...tags].sort());
		expect(byTag.find((g) => g.label === 'queues')!.posts).toBe(frontmatter.filter((f) => f.tags.includes('queues')).length);
		expect(bars(shareByChart(demo, 'tags')!)).toBe(Math.min(tags.size, 15));
		const authors = sharesBy(demo, 'author');
		expect(authors.map((g) => g.posts)).toEqual([3, 3, 3, 3, 3]);
		expect(bars(shareByChart(demo, 'author')!)).toBe(5);
		// Highest share first.
		expect(authors.map((g) => g.share)).toEqual([...authors.map((g) => g.share)].sort((a, b) => b - a));
	});

	it('puts the four charts in the report, each with a text alternative and its numbers', () => {
		const html = reportIndexHtml(demo, { index: '/_candor/', detail: (s) => `/_candor/${s.slug}/` });
		expect([...html.matchAll(/<svg [^>]*role="img" aria-labelledby="(chart-[a-z]+)-title \1-desc"/g)].map((m) => m[1])).toEqual(['chart-monthly', 'chart-scores', 'chart-tag', 'chart-author']);
		expect([...html.matchAll(/<details><summary>The numbers<\/summary><table>/g)]).toHaveLength(4);
	});
});

describe('charts of hand-built summaries', () => {
	it("counts a month's share as its posts' scores weigh their words, like a post's own score", () => {
		// 50 of 100 words are in pitch sentences the scorer is barely sure of: the score is 10.
		const unsure = { ...summary({ date: '2025-01-05', pitch: 50 }), score: 10 };
		const sure = summary({ date: '2025-01-20', pitch: 30, total: 300 });
		expect(sharesByMonth([unsure, sure])[0]!.share).toBeCloseTo((100 * (10 + 30)) / 400, 6);
	});
	it('shows a month above the threshold in red, and says so', () => {
		const svg = monthlyShareChart([summary({ date: '2025-01-05', pitch: 5 }), summary({ date: '2025-03-01', pitch: 40 }), summary({})])!;
		expect([...svg.matchAll(/<rect class="bar( over)?"/g)].map((m) => m[1] ?? '')).toEqual(['', ' over']);
		expect(svg).toContain('2 months with posts, from 2025-01 to 2025-03; the highest share is 40% in 2025-03; 1 month is above the 16% threshold. 1 post has no date and is not shown.');
		expect(svg).toContain('<title>2025-03: 40% promotional across 1 post (1 failing)</title>');
		expect(svg).toContain('>Jan 2025</text>');
		expect(svg).toContain('>Mar 2025</text>');
	});

	it('leaves out the charts the posts have nothing for', () => {
		expect(reportCharts([summary({})]).map((c) => /id="(chart-[a-z]+)"/.exec(c)![1])).toEqual(['chart-scores']);
		expect(reportCharts([])).toEqual([]);
	});

	it('escapes tags and authors', () => {
		const svg = shareByChart([summary({ tags: ['<img src=x onerror=alert(1)>'], author: 'A & B' })], 'tags')!;
		expect(svg).not.toContain('<img');
		expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(shareByChart([summary({ author: 'A & B' })], 'author')).toContain('A &amp; B');
	});

	it('puts a score of exactly 100 in the last band', () => {
		expect(scoreBands([summary({ pitch: 100 }), summary({ pitch: 0 })])).toEqual([1, ...Array(18).fill(0), 1]);
	});
});
