// GoReleaser blog (Hugo/Hextra, www/content/blog). Every post carries a genre tag:
// `announcements` (version release posts goreleaser-v*.md and project news) or `tutorials`.
export default {
	company: 'goreleaser',
	field: 'release automation tool',
	repo: 'goreleaser/goreleaser',
	commit: 'cd616d2c080b205bfe0833396e6f2d208253095e',
	posts: ['www/content/blog/*.md'],
	exclude: ['www/content/blog/_index.md'],
	brands: ['GoReleaser', 'GoReleaser Pro', 'GoReleaser OSS'],
	ownedDomains: ['goreleaser.com'],
	label({ path, frontmatter }) {
		const tags = (Array.isArray(frontmatter.tags) ? frontmatter.tags : []).map((t) => String(t).toLowerCase().trim());
		const promo = tags.includes('announcements') || tags.includes('announcement');
		const expertise = tags.includes('tutorials') || tags.includes('tutorial');
		if (promo && expertise) return { label: 'other', strength: 1, category: 'mixed' };
		if (promo) return { label: 'promo', strength: 1, category: /\/goreleaser-v\d[\w.-]*\.md$/.test(path) ? 'release' : 'announcement' };
		if (expertise) return { label: 'expertise', strength: 1, category: 'tutorial' };
		// One version post (goreleaser-v1.14) has only topic tags; its place in the versioned
		// release series (file name) still says release, weakly.
		if (/\/goreleaser-v\d[\w.-]*\.md$/.test(path)) return { label: 'promo', strength: 0.5, category: 'release' };
		return { label: 'other', strength: 1, category: 'untagged' };
	},
	clean(body) {
		return body.replace(/\{\{[<%][\s\S]*?[>%]\}\}/g, '').replace(/<!--\s*more\s*-->/g, '');
	},
};
