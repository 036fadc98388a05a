// Vector (vector.dev, by Datadog). The Hugo site lives in website/ of the main repository.
// Genre comes from the site's own structure and frontmatter:
//   website/content/en/highlights/*.md  per-release "what's new" posts; badges.type says
//                                       new feature / enhancement / announcement /
//                                       deprecation / breaking change (upgrade guides)
//   website/content/en/blog/*.md        badges.type announcement / retrospective / post
//   website/content/en/guides/**.md     the site's guides section (tags: guides)
// website/content/en/releases/*.md carry only frontmatter (bodies come from CUE data): left out.
export default {
	company: 'vector',
	field: 'observability data pipeline',
	repo: 'vectordotdev/vector',
	commit: 'c3445d42d2799eb9afe102b71cba7ae96a80942b',
	posts: ['website/content/en/highlights/*.md', 'website/content/en/blog/*.md', 'website/content/en/guides/**/*.md'],
	exclude: ['**/_index.md'],
	brands: ['Vector', 'Vector Remap Language', 'VRL', 'Datadog', 'Timber'],
	ownedDomains: ['vector.dev', 'datadoghq.com'],
	label({ path, frontmatter }) {
		const type = String(frontmatter.badges?.type ?? '').toLowerCase();
		if (path.startsWith('website/content/en/guides/')) return { label: 'expertise', strength: 1, category: 'guide' };
		if (path.startsWith('website/content/en/blog/')) {
			if (type === 'announcement') return { label: 'promo', strength: 1, category: 'announcement' };
			return { label: 'other', strength: 1, category: type || 'blog' };
		}
		// highlights
		if (type === 'new feature' || type === 'enhancement' || type === 'performance') return { label: 'promo', strength: 1, category: 'release' };
		if (type === 'announcement') return { label: 'promo', strength: 1, category: 'announcement' };
		if (type === 'deprecation') return { label: 'promo', strength: 0.5, category: 'release' };
		// Breaking-change highlights are release-bound upgrade guides: release notes and
		// how-to at once.
		if (type === 'breaking change') return { label: 'other', strength: 1, category: 'upgrade-guide' };
		return { label: 'other', strength: 1, category: type || 'highlight' };
	},
	// Hugo shortcodes: drop the tags, keep what they wrap.
	clean(body) {
		return body.replace(/\{\{[<%][\s\S]*?[%>]\}\}/g, '');
	},
};
