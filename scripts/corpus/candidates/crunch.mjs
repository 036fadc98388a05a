// Crunch.io (survey data analysis; YouGov). Hugo site with TOML frontmatter. Every section
// that holds dated articles is promotional by its own structure; the site has no
// expertise section, so this source only adds promo posts (no per-company AUC):
//   content/release-notes/*.md     release notes (92)
//   content/dev/features/*.md      feature announcements, `categories = ["feature"]` (65)
//   content/case-studies/*.md      customer case studies, `series = "case-studies"` (8)
//   content/resources/*.md         `series` webinars / events / videos / whitepapers (32):
//                                  webinars and events are event promotion; the rest other
export default {
	company: 'crunch',
	field: 'survey data analysis platform',
	repo: 'Crunch-io/ta-da',
	commit: 'b8573f395d25254e2212b4a6c1bbc0198ccefbda',
	posts: ['content/release-notes/*.md', 'content/dev/features/*.md', 'content/case-studies/*.md', 'content/resources/*.md'],
	exclude: ['**/_index.md'],
	brands: ['Crunch', 'Crunch.io', 'YouGov', 'Crunch AI'],
	ownedDomains: ['crunch.io', 'yougov.com'],
	label({ path, frontmatter }) {
		if (frontmatter.draft === true || frontmatter.draft === 'true') return undefined;
		if (path.startsWith('content/release-notes/')) return { label: 'promo', strength: 1, category: 'release-notes' };
		if (path.startsWith('content/dev/features/')) return { label: 'promo', strength: 1, category: 'feature-launch' };
		if (path.startsWith('content/case-studies/')) return { label: 'promo', strength: 1, category: 'case-study' };
		const series = String(frontmatter.series ?? '').toLowerCase();
		if (series === 'webinars' || series === 'webinar' || series === 'events') return { label: 'promo', strength: 0.5, category: 'event' };
		return { label: 'other', strength: 1, category: series || 'resource' };
	},
	clean(body) {
		return body.replace(/\{\{[<%][\s\S]*?[%>]\}\}/g, '');
	},
};
