// Eclipse Vert.x blog (vertx.io/blog). Next.js site; every post's frontmatter has one
// `category`: releases | guides | news | security.
export default {
	company: 'vertx',
	field: 'reactive JVM toolkit',
	repo: 'vertx-web-site/vertx-web-site.github.io',
	commit: 'ed0af79dff642704ac392b810506244900976fe5',
	posts: ['blog/*.md', 'blog/*.mdx'],
	brands: ['Vert.x', 'Eclipse Vert.x', 'Vertx'],
	ownedDomains: ['vertx.io'],
	label({ frontmatter }) {
		const c = String(frontmatter.category ?? '').toLowerCase();
		if (c === 'releases') return { label: 'promo', strength: 1, category: 'release' };
		if (c === 'guides') return { label: 'expertise', strength: 1, category: 'guide' };
		// Project news: conference talks, GSoC, new modules, a success story, but also a few
		// technical write-ups: a weaker promo signal.
		if (c === 'news') return { label: 'promo', strength: 0.5, category: 'news' };
		// Security advisories: neither pitch nor tutorial.
		return { label: 'other', strength: 1, category: c || 'uncategorized' };
	},
};
