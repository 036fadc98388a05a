// Vespa blog (Jekyll, snapshot ends March 2024). Only a minority of posts carry a genre:
// `categories: [product updates]` and `[newsletter]` (monthly what's-new posts, also filed
// under _posts/product-updates/ and _posts/newsletter/) and the `company` tag (company news:
// spin-out, funding). The other posts have topic tags only (search, big data, embeddings...),
// so they are kept as `other`: nothing in their metadata says tutorial vs announcement.
export default {
	company: 'vespa',
	field: 'search and vector database engine',
	repo: 'vespa-engine/blog',
	commit: '34c806fe1f53dc16456d36faf0e83b29b884836e',
	posts: ['_posts/**/*.md'],
	brands: ['Vespa', 'Vespa.ai', 'Vespa Cloud'],
	ownedDomains: ['vespa.ai', 'blog.vespa.ai', 'docs.vespa.ai', 'cloud.vespa.ai'],
	label({ path, frontmatter }) {
		const list = (v) => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []).map((t) => String(t).toLowerCase().trim());
		const categories = list(frontmatter.categories);
		const tags = list(frontmatter.tags);
		if (categories.includes('newsletter') || path.startsWith('_posts/newsletter/')) return { label: 'promo', strength: 1, category: 'newsletter' };
		if (categories.includes('product updates') || path.startsWith('_posts/product-updates/')) return { label: 'promo', strength: 1, category: 'product-updates' };
		if (tags.includes('company')) return { label: 'promo', strength: 1, category: 'company-news' };
		return { label: 'other', strength: 1, category: path.startsWith('_posts/tumblr/') ? 'tumblr-topic-only' : 'topic-only' };
	},
	clean(body) {
		// 31 posts open their frontmatter with '--- ' (trailing space), which a strict reader
		// does not take for frontmatter: drop such a leading block so it does not become prose.
		return body
			.replace(/^---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*\r?\n/, '')
			.replace(/\{%[\s\S]*?%\}/g, '').replace(/\{\{[\s\S]*?\}\}/g, '');
	},
};
