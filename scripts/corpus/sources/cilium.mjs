// Cilium (cilium.io, Gatsby site; project started by Isovalent, now CNCF). Posts are
// src/posts/<date>-<slug>/index.md with frontmatter `categories` (the site's genre filter:
// Release, How-To, Technology, Community, Security) and free-form `tags`.
// Posts with `externalUrl` are cards linking to other sites (body is empty or a summary): left out.
const EVENT_TAGS = new Set(['conference', 'summit', 'kubecon', 'talks', 'installfest', 'cfp', 'webinar', 'meetup', 'event', 'events']);
const STORY_TAGS = new Set(['user story', 'user-story', 'case study', 'case-study']);

export default {
	company: 'cilium',
	field: 'cloud native networking and security (eBPF)',
	repo: 'cilium/cilium.io',
	commit: '6d48e8f97681601f90b670b70935375e7ddfad2c',
	posts: ['src/posts/**/*.md'],
	brands: ['Cilium', 'Hubble', 'Tetragon', 'Isovalent'],
	ownedDomains: ['cilium.io', 'isovalent.com'],
	label({ frontmatter }) {
		if (frontmatter.externalUrl || frontmatter.draft) return undefined;
		const cats = new Set((Array.isArray(frontmatter.categories) ? frontmatter.categories : [frontmatter.categories]).filter(Boolean).map((c) => String(c).trim()));
		const tags = new Set((Array.isArray(frontmatter.tags) ? frontmatter.tags : []).map((t) => String(t).trim().toLowerCase()));
		const has = (set) => [...tags].some((t) => set.has(t));
		if (cats.has('Release')) {
			if (cats.has('How-To') || cats.has('Technology')) return { label: 'other', strength: 1, category: 'mixed' };
			return { label: 'promo', strength: 1, category: 'release' };
		}
		if (cats.has('How-To')) {
			if (cats.has('Community')) return { label: 'other', strength: 1, category: 'mixed' };
			return { label: 'expertise', strength: 1, category: 'how-to' };
		}
		if (cats.has('Community')) {
			if (has(STORY_TAGS)) return { label: 'promo', strength: 1, category: 'case-study' };
			if (has(EVENT_TAGS)) return { label: 'promo', strength: 0.5, category: 'event' };
			if (tags.has('announcement')) return { label: 'promo', strength: 0.5, category: 'announcement' };
			if (cats.has('Technology')) return { label: 'other', strength: 1, category: 'mixed' };
			return { label: 'other', strength: 1, category: 'community' };
		}
		if (cats.has('Technology') || cats.has('Security')) {
			if (tags.has('guide') || tags.has('tutorial')) return { label: 'expertise', strength: 1, category: 'guide' };
			return { label: 'expertise', strength: 0.5, category: 'technology' };
		}
		return undefined;
	},
};
