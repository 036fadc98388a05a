// Metricly (metricly.com, formerly Netuitive), cloud monitoring and AWS cost tool. Hugo site,
// 2013-2019. Each blog post has one `category`:
//   product updates (69)  feature and release announcements
//   devops (68), cloud monitoring (35), cloud cost management (24)  topic categories that hold
//       the explanatory articles; a weaker, topic-level signal
// content/customers/*.md are case studies (`layout: case-study`, 4).
export default {
	company: 'metricly',
	field: 'cloud monitoring and cost management',
	repo: 'metricly/hugo-www-site',
	commit: 'a08f294aee209a79f979dd28c08320f3ca67b135',
	posts: ['content/blog/posts/**/*.md', 'content/customers/*.md'],
	exclude: ['**/_index.md'],
	brands: ['Metricly', 'Netuitive'],
	ownedDomains: ['metricly.com', 'netuitive.com'],
	label({ path, frontmatter }) {
		if (frontmatter.draft === true) return undefined;
		if (path.startsWith('content/customers/')) return { label: 'promo', strength: 1, category: 'case-study' };
		const cat = String(frontmatter.category ?? '').toLowerCase().trim();
		if (cat === 'product updates' || cat === 'product update') return { label: 'promo', strength: 1, category: 'product-update' };
		if (cat === 'devops' || cat === 'cloud monitoring' || cat === 'cloud cost management') return { label: 'expertise', strength: 0.5, category: cat.replace(/ /g, '-') };
		return { label: 'other', strength: 1, category: cat || 'uncategorized' };
	},
	clean(body) {
		return body.replace(/\{\{[<%][\s\S]*?[%>]\}\}/g, '');
	},
};
