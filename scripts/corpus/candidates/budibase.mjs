// Budibase (budibase.com), low-code internal-tools platform. Hugo site; the blog is filed by
// directory, which is the site's own genre navigation:
//   content/blog/tutorials/**   step-by-step build guides (61)
//   content/blog/updates/**     product releases, launches, funding, certifications, company
//                               news (about 45)
//   content/customers/*/        customer case studies (7), `type: customers`
// The other blog folders (inside-it, ai-agents, data, automation, app-building, alternatives,
// loose posts) are search-driven articles and competitor comparisons whose genre the metadata
// does not state: left as other. Landing pages (templates, integrations, industries) are not
// blog posts and are not read.
export default {
	company: 'budibase',
	field: 'low-code internal tools platform',
	repo: 'Budibase/website',
	commit: '5dbfc9409da136ab7f3942be8d4d84786c3573ba',
	posts: ['content/blog/**/*.md', 'content/customers/*/index.md', 'content/customers/*.md'],
	exclude: ['**/_index.md'],
	brands: ['Budibase', 'Budibase Cloud', 'Budibase Enterprise', 'Budibase AI'],
	ownedDomains: ['budibase.com', 'budibase.app'],
	label({ path, frontmatter }) {
		if (frontmatter.draft === true || frontmatter.draft === 'true') return undefined;
		if (path.startsWith('content/customers/')) return { label: 'promo', strength: 1, category: 'case-study' };
		if (path.startsWith('content/blog/updates/')) return { label: 'promo', strength: 1, category: 'company-update' };
		if (path.startsWith('content/blog/tutorials/')) return { label: 'expertise', strength: 1, category: 'tutorial' };
		const folder = path.split('/')[2];
		const sections = ['inside-it', 'ai-agents', 'data', 'automation', 'app-building', 'alternatives'];
		return { label: 'other', strength: 1, category: sections.includes(folder) ? folder : 'blog' };
	},
	clean(body) {
		return body.replace(/\{\{[<%][\s\S]*?[%>]\}\}/g, '');
	},
};
