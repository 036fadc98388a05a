// 18F (GSA Technology Transformation Services) blog, Eleventy site. The only genre signal is
// the free-form `tags` list in each post's frontmatter; a few of those tags name a genre
// (product launch, join us, guides, ...). Tags like "how we work" / "tools you can use" are
// too broad (culture posts, tool announcements, process write-ups) and are ignored, and so is
// `guides`: it names 18F's Guides product line (posts about a guide's release or update), while
// the how-to genre has its own tag, `technical guides`.
export default {
	company: '18f',
	field: 'government digital services consultancy',
	repo: '18F/18f.gsa.gov',
	commit: '0a55c75e6d9bc71c80136a3867dac52356177443',
	posts: ['content/posts/**/*.md'],
	brands: ['18F', 'Technology Transformation Services', 'TTS', 'General Services Administration', 'GSA', 'cloud.gov', 'login.gov', 'Federalist', 'U.S. Web Design System', 'USWDS'],
	ownedDomains: ['18f.gsa.gov', 'gsa.gov', 'cloud.gov', 'login.gov', 'designsystem.digital.gov'],
	label({ path, frontmatter }) {
		// tag -> [side, strength, category]
		const map = {
			'product launch': ['promo', 1, 'launch'],
			'join us': ['promo', 1, 'hiring'],
			events: ['promo', 0.5, 'event'],
			hackathons: ['promo', 0.5, 'event'],
			'demo day': ['promo', 0.5, 'event'],
			anniversary: ['promo', 0.5, 'company-news'],
			'second anniversary': ['promo', 0.5, 'company-news'],
			'technical guides': ['expertise', 1, 'guide'],
			tutorial: ['expertise', 1, 'tutorial'],
			'best practices': ['expertise', 0.5, 'best-practices'],
			'lessons learned': ['expertise', 0.5, 'lessons-learned'],
		};
		const tags = (Array.isArray(frontmatter.tags) ? frontmatter.tags : []).map((t) => String(t).toLowerCase().trim());
		// The Speaker Series hosted outside speakers: Q&As with the guest and write-ups of their talks
		// (the guest's expertise, an interview), not 18F promoting an event.
		if (tags.includes('speaker series')) return { label: 'other', strength: 1, category: 'guest-talk' };
		const hits = { promo: [], expertise: [] };
		for (const t of tags) if (map[t]) hits[map[t][0]].push(map[t]);
		// The blog's own headline and slug convention for a launch ("Announcing …", "Introducing …",
		// "… launches", slugs like `cloud-gov-launch`) counts as the `product launch` tag.
		const title = String(frontmatter.title ?? '').trim();
		const slug = path.split('/').pop().replace(/^\d{4}-\d{1,2}-\d{1,2}-/, '').replace(/\.md$/, '');
		if (/^(?:announcing|introducing)\b/i.test(title) || /\blaunches\b/i.test(title) || /(?:-launch|-launch-post)$|announc|annoucing/i.test(slug)) hits.promo.push(map['product launch']);
		const best = (side) => hits[side].slice().sort((a, b) => b[1] - a[1])[0];
		const p = best('promo');
		const e = best('expertise');
		if (p && e) {
			// Mixed genre tags: a strong tag on one side against only weak ones on the other
			// still leans that way, weakly; otherwise it is mixed.
			if (p[1] === 1 && e[1] < 1) return { label: 'promo', strength: 0.5, category: p[2] };
			if (e[1] === 1 && p[1] < 1) return { label: 'expertise', strength: 0.5, category: e[2] };
			return { label: 'other', strength: 1, category: 'mixed' };
		}
		if (p) return { label: 'promo', strength: p[1], category: p[2] };
		if (e) return { label: 'expertise', strength: e[1], category: e[2] };
		return { label: 'other', strength: 1, category: tags.length ? 'topic-only' : 'untagged' };
	},
	clean(body) {
		return body
			.replace(/\{%-?\s*(?:end)?raw\s*-?%\}/g, '')
			.replace(/\{\{-?\s*"([^"]*)"\s*\|\s*url\s*-?\}\}/g, '$1') // {{ "/path/" | url }}
			.replace(/\{\{[\s\S]*?\}\}/g, '')
			.replace(/\{%[\s\S]*?%\}/g, '');
	},
};
