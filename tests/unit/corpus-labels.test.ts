/**
 * The development corpus's labels come only from each blog's own metadata (paths, tags,
 * titles, slugs), never from a post's text. These pin the mapping rules whose reasons are
 * written in the source modules, so a change to one is a decision, not an accident.
 */
import { describe, expect, it } from 'vitest';
import digitalgov from '../../scripts/corpus/sources/digitalgov.mjs';
import eighteenF from '../../scripts/corpus/sources/18f.mjs';
import tidyverse from '../../scripts/corpus/sources/tidyverse.mjs';

type Labelled = { label: string; strength: number; category: string } | undefined;
const labelOf = (source: { label(input: { path: string; frontmatter: Record<string, unknown> }): Labelled }, path: string, frontmatter: Record<string, unknown>) =>
	source.label({ path, frontmatter });

describe('18F', () => {
	it('reads a launch from the blog’s headline and slug convention as well as from its tag', () => {
		expect(labelOf(eighteenF, 'content/posts/2015-06-01-cloud-gov-launch.md', { title: 'To always be shipping', tags: [] })?.label).toBe('promo');
		expect(labelOf(eighteenF, 'content/posts/2016-01-01-x.md', { title: 'Announcing the handbook', tags: ['best practices'] })).toMatchObject({ label: 'promo', strength: 0.5 });
		expect(labelOf(eighteenF, 'content/posts/2016-01-01-x.md', { title: 'Introduction to remote usability testing', tags: ['best practices'] })?.label).toBe('expertise');
	});
	it('reads the Speaker Series as guests’ talks, not 18F’s events, and `guides` as the product line', () => {
		expect(labelOf(eighteenF, 'content/posts/2016-01-01-x.md', { title: 'Five questions with a guest', tags: ['speaker series', 'events'] })?.label).toBe('other');
		expect(labelOf(eighteenF, 'content/posts/2016-01-01-x.md', { title: 'Updates to the content guide', tags: ['guides'] })?.label).toBe('other');
		expect(labelOf(eighteenF, 'content/posts/2016-01-01-x.md', { title: 'Shared infrastructure as code', tags: ['technical guides'] })?.label).toBe('expertise');
	});
});

describe('DigitalGov', () => {
	it('keeps event pages promotional, except the USWDS call archive', () => {
		expect(labelOf(digitalgov, 'content/events/2023/05/2023-05-01-plain-language-summit.md', { title: 'Plain Language Summit' })?.label).toBe('promo');
		expect(labelOf(digitalgov, 'content/events/2024/03/2024-03-21-uswds-monthly-call-march-2024.md', { title: 'USWDS Monthly Call - March 2024' })?.label).toBe('other');
	});
	it('leaves out legacy policy stubs and the guides of GSA’s own services', () => {
		expect(labelOf(digitalgov, 'content/resources/plain-writing-act.md', { title: 'Plain Writing Act of 2010', topics: ['public-policy'] })?.label).toBe('other');
		expect(labelOf(digitalgov, 'content/resources/gov-domains.md', { title: 'Requirements for .gov domains', topics: ['public-policy'], weight: 1 })?.label).toBe('expertise');
		expect(labelOf(digitalgov, 'content/guides/dap/add-your-site.md', { title: 'Add your site to DAP' })?.label).toBe('other');
		expect(labelOf(digitalgov, 'content/guides/hcd/discovery.md', { title: 'Discovery' })?.label).toBe('expertise');
	});
});

describe('tidyverse', () => {
	const post = (slug: string, categories: string[], title = slug, tags: string[] = []) => labelOf(tidyverse, `content/blog/2023/${slug}/index.md`, { title, categories, tags });
	it('reads `package` as a release only with a version, a topic after it as a weaker one', () => {
		expect(post('dplyr-1-1-0', ['package'])).toMatchObject({ label: 'promo', strength: 1 });
		expect(post('dplyr-1-1-0-joins', ['package'])).toMatchObject({ label: 'promo', strength: 0.5 });
		expect(post('parsnip-internals', ['package'], 'How parsnip works')?.label).toBe('other');
		expect(post('gargle-debut', ['package'], 'gargle’s debut on CRAN')?.label).toBe('promo');
	});
	it('reads a release under a teaching category as mixed, and dev days and hiring as promotion', () => {
		expect(post('webr-0-2-0', ['deep-dive'], 'webR 0.2.0 has been released')?.label).toBe('other');
		expect(post('case-weights', ['learn'], 'Using case weights with tidymodels')?.label).toBe('expertise');
		expect(post('tdd-2025', ['other'], 'Tidyverse developer day 2025', ['tidyverse-dev-day'])?.label).toBe('promo');
	});
});
