// nuxt.com blog (Nuxt Content, content/blog). Each post has one `category`: Release,
// Announcement or Article. Posts migrated from the old nuxtjs.org blog (dated before 2021,
// the Nuxt 2 era) were bulk-filed under Release whatever they were (a fetch-hook tutorial,
// feature explainers), so those are not trusted. `Article` mixes engineering write-ups with
// product introductions, so it is only a weak expertise label.
export default {
	company: 'nuxt',
	field: 'web framework',
	repo: 'nuxt/nuxt.com',
	commit: 'a38a8bdcea23417ca2dff30c8d49a7e69a1476e2',
	posts: ['content/blog/*.md'],
	brands: ['Nuxt', 'Nuxt UI', 'Nuxt DevTools', 'Nuxt Image', 'Nuxt Icon', 'Nuxt Scripts', 'Nuxt Content', 'NuxtLabs', 'NuxtHub', 'Nitro'],
	ownedDomains: ['nuxt.com', 'nuxtjs.org', 'ui.nuxt.com', 'image.nuxt.com', 'content.nuxt.com', 'nuxtlabs.com', 'hub.nuxt.com', 'nitro.build'],
	label({ frontmatter }) {
		const category = String(frontmatter.category ?? '').toLowerCase().trim();
		const d = frontmatter.date instanceof Date ? frontmatter.date : new Date(String(frontmatter.date ?? ''));
		const migrated = !Number.isNaN(d.getTime()) && d.getUTCFullYear() < 2021;
		if (category === 'release') return migrated ? { label: 'other', strength: 1, category: 'migrated-release' } : { label: 'promo', strength: 1, category: 'release' };
		if (category === 'announcement') return { label: 'promo', strength: 1, category: 'announcement' };
		if (category === 'article') return { label: 'expertise', strength: 0.5, category: 'article' };
		return { label: 'other', strength: 1, category: category || 'uncategorised' };
	},
	clean(body) {
		return body
			.replace(/^([ \t]*)::+[\w-]+[^\n]*\n[ \t]*---[ \t]*\n[\s\S]*?\n[ \t]*---[ \t]*$/gm, '') // component + YAML props
			.replace(/^[ \t]*::+[\w-]*(?:\{[^\n]*\})?[ \t]*$/gm, '') // block component fences
			.replace(/^[ \t]*#[\w-]+[ \t]*$/gm, '') // slot markers (#title, #default)
			.replace(/:[\w-]+\[([^\]\n]*)\]\{[^}\n]*\}/g, '$1') // :comp[text]{props} -> text
			.replace(/(^|[\s(])(?::[\w-]+\{[^}\n]*\})/g, '$1') // :comp{props}
			.replace(/```(\w+)\s*\{[^}\n]*\}/g, '```$1') // ```ts {lang=...}
			.replace(/\n{3,}/g, '\n\n');
	},
};
