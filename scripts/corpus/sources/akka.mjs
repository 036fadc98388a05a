// akka.io blog (Jekyll). Genre comes from the frontmatter: `category` is news | article |
// external (a short excerpt linking elsewhere), and `tags` marks release posts (`releases`),
// announcements, roadmaps and the job ad (`work`).
export default {
	company: 'akka',
	field: 'distributed systems toolkit',
	repo: 'akka/akka.io',
	commit: '032822e79757dc7b4b7d33afb17484f83beceed1',
	posts: ['blog/_posts/*.md'],
	brands: ['Akka', 'Akka Streams', 'Akka HTTP', 'Akka Cluster', 'Akka Typed', 'Alpakka', 'Lightbend', 'Typesafe'],
	ownedDomains: ['akka.io', 'doc.akka.io', 'lightbend.com'],
	label({ frontmatter }) {
		const category = String(frontmatter.category ?? '').toLowerCase().trim();
		const tags = (Array.isArray(frontmatter.tags) ? frontmatter.tags : []).map((t) => String(t).toLowerCase().trim());
		if (category === 'external') return undefined; // excerpt + link to someone else's blog
		if (tags.includes('releases')) return { label: 'promo', strength: 1, category: 'release' };
		if (tags.includes('announcement') || tags.includes('roadmap')) return { label: 'promo', strength: 1, category: 'announcement' };
		if (tags.includes('work')) return { label: 'promo', strength: 1, category: 'hiring' };
		if (category === 'article') return { label: 'expertise', strength: tags.length ? 1 : 0.5, category: 'article' };
		// Other news: video posts, community updates/surveys, security advisories, course news.
		return { label: 'other', strength: 1, category: tags.includes('videos') ? 'video' : 'news' };
	},
	clean(body) {
		return body.replace(/\{%[\s\S]*?%\}/g, '').replace(/\{\{[\s\S]*?\}\}/g, '');
	},
};
