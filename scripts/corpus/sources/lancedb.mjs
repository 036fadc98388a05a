// LanceDB blog (lancedb.com/blog). Hugo site; one frontmatter field carries the genre:
//   categories: Engineering | Community | Case Study | Announcement | Newsletter
// (plus occasional industry tags next to it: FinTech, Gaming, Autonomous Vehicles).
// content/blog/drafts/ holds unpublished drafts (draft: true): left out.
export default {
	company: 'lancedb',
	field: 'multimodal vector database',
	repo: 'lancedb/blog-lancedb',
	commit: '0a83ecf1bde6d1236db31452e3256c73518ef41f',
	posts: ['content/blog/*.md'],
	exclude: ['content/blog/_index.md', 'content/blog/drafts/**'],
	brands: ['LanceDB', 'Lance', 'LanceDB Cloud', 'LanceDB Enterprise', 'Geneva'],
	ownedDomains: ['lancedb.com', 'lancedb.github.io'],
	label({ frontmatter }) {
		if (frontmatter.draft === true) return undefined;
		const cats = [].concat(frontmatter.categories ?? []).map((c) => String(c).toLowerCase());
		const has = (c) => cats.includes(c);
		const promo = has('case study') || has('announcement');
		const expertise = has('engineering');
		if (promo && expertise) return { label: 'other', strength: 1, category: 'mixed' };
		if (has('case study')) return { label: 'promo', strength: 1, category: 'case-study' };
		if (has('announcement')) return { label: 'promo', strength: 1, category: 'announcement' };
		if (expertise) return { label: 'expertise', strength: 1, category: 'engineering' };
		// Monthly newsletters: company news, releases and case-study teasers.
		if (has('newsletter')) return { label: 'promo', strength: 0.5, category: 'newsletter' };
		// Community-written tutorials and walkthroughs; a weaker genre signal.
		if (has('community')) return { label: 'expertise', strength: 0.5, category: 'community' };
		return { label: 'other', strength: 1, category: cats[0] ?? 'uncategorized' };
	},
	// Hugo shortcodes: drop the tags, keep what they wrap.
	clean(body) {
		return body.replace(/\{\{[<%][\s\S]*?[%>]\}\}/g, '');
	},
};
