// Digital.gov (GSA), Hugo site. The genre is the content section each page lives in:
// content/events/ (event and webinar pages), content/guides/ (multi-page guides),
// content/resources/ (reference/explainer pages), content/news/ (the blog, labelled only by
// topic taxonomy, where only the `best-practices` topic names a genre).
export default {
	company: 'digitalgov',
	field: 'government digital services guidance',
	repo: 'GSA/digitalgov.gov',
	commit: '4979583206d90ff1707b097454a9b169ca9e95e4',
	posts: ['content/news/**/*.md', 'content/events/**/*.md', 'content/guides/**/*.md', 'content/resources/**/*.md'],
	exclude: ['content/news/_index.md', 'content/events/_index.md', 'content/guides/_index.md', 'content/resources/_index.md'],
	brands: ['Digital.gov', 'DigitalGov', 'General Services Administration', 'GSA', 'Technology Transformation Services', 'U.S. Web Design System', 'USWDS', 'Digital Analytics Program', 'Search.gov', 'Challenge.gov', 'USAGov'],
	ownedDomains: ['digital.gov', 'gsa.gov', 'designsystem.digital.gov', 'search.gov', 'challenge.gov', 'usa.gov', 'analytics.usa.gov'],
	label({ path, frontmatter }) {
		if (frontmatter.draft === true || frontmatter.redirectto) return undefined; // drafts and redirect stubs
		const section = path.split('/')[1];
		const topics = (Array.isArray(frontmatter.topics) ? frontmatter.topics : []).map((t) => String(t).toLowerCase().trim());
		const title = String(frontmatter.title ?? '');
		if (section === 'events') {
			// The USWDS Monthly Call pages double as the product team's call archive (slides and a
			// transcript mixing product news with teaching): neither an invitation nor expertise.
			if (/uswds-monthly-call|web-design-system-.*monthly-call|uswds-.*monthly-call/.test(path) || (/monthly call/i.test(title) && /uswds|web design system/i.test(title))) {
				return { label: 'other', strength: 1, category: 'event-archive' };
			}
			return { label: 'promo', strength: 1, category: 'event' };
		}
		if (section === 'guides') {
			// The Digital Analytics Program and Site Scanning guides are onboarding and terms pages of
			// GSA's own services (product documentation), not a practice shared with peers.
			if (/^content\/guides\/(?:dap|site-scanning)\//.test(path)) return { label: 'other', strength: 1, category: 'program-docs' };
			return { label: 'expertise', strength: 1, category: 'guide' };
		}
		if (section === 'resources') {
			// 2014–2016 catalogue entries on a law or memo (a summary and a PDF link) carry no `weight`,
			// which the template uses for the curated pages: they point to a statute, they share no practice.
			if (topics.includes('public-policy') && frontmatter.weight === undefined) return { label: 'other', strength: 1, category: 'policy-reference' };
			return { label: 'expertise', strength: 0.5, category: 'resource' };
		}
		if (topics.includes('best-practices')) return { label: 'expertise', strength: 0.5, category: 'best-practices' };
		return { label: 'other', strength: 1, category: 'news' };
	},
	clean(body) {
		return body
			.replace(/\{\{<\s*ref\s+"([^"]*)"\s*>\}\}/g, '$1') // link targets: keep the path
			.replace(/\{\{[<%][\s\S]*?[>%]\}\}/g, '') // other shortcodes (paired ones keep their inner text)
			.replace(/<!--[\s\S]*?-->/g, '');
	},
};
