// openSUSE News (news.opensuse.org), the openSUSE project's news site (sponsored by SUSE).
// Jekyll; genre comes from the frontmatter `categories` (several per post):
//   Events / Conference / Summit / Workshop / Hack Week   event posts and invitations
//   Tumbleweed / Leap / Distribution / ...                distribution release and update posts
//   Announcements                                         broad: project news, launches, op-eds
//   Weekly News / Planet                                  roundups
//   People of openSUSE / Heroes                           interviews
// The site has almost no teaching genre; the few posts tagged Guide / how to are kept as a
// weak expertise signal.
const EVENT = ['events', 'conference', 'summit', 'workshop', 'hack week', 'asia'];
const RELEASE = ['tumbleweed', 'leap', 'distribution', 'leap micro', 'microos', 'slowroll', 'kubic', 'aeon', 'kalpa', 'agama', 'myrlyn', 'factory', 'alp'];
const NEUTRAL = ['announcements', 'opensuse', 'opensuse community'];
export default {
	company: 'opensuse',
	field: 'Linux distribution',
	repo: 'openSUSE/news-o-o',
	commit: 'b49d7c96274ad3e86d6664a5545948ba9351da98',
	posts: ['_posts/**/*.md', '_posts/**/*.markdown'],
	brands: ['openSUSE', 'openSUSE Tumbleweed', 'openSUSE Leap', 'Tumbleweed', 'Leap', 'SUSE', 'Open Build Service', 'YaST'],
	ownedDomains: ['opensuse.org', 'suse.com'],
	label({ frontmatter }) {
		const cats = [].concat(frontmatter.categories ?? []).map((c) => String(c).toLowerCase());
		const tags = [].concat(frontmatter.tags ?? []).map((t) => String(t).toLowerCase());
		const has = (list) => cats.some((c) => list.includes(c));
		if (has(['weekly news', 'planet'])) return { label: 'other', strength: 1, category: 'roundup' };
		if (has(['people of opensuse', 'heroes'])) return { label: 'other', strength: 1, category: 'interview' };
		if (has(EVENT)) return { label: 'promo', strength: 1, category: 'event' };
		if (cats.length && has(RELEASE) && cats.every((c) => RELEASE.includes(c) || NEUTRAL.includes(c))) return { label: 'promo', strength: 1, category: 'release' };
		if (has(['board', 'board elections', 'governance', 'google summer of code', 'mentoring'])) return { label: 'other', strength: 1, category: 'project' };
		if (cats.includes('announcements')) return { label: 'promo', strength: 0.5, category: 'announcement' };
		if (tags.some((t) => t === 'guide' || t === 'how to')) return { label: 'expertise', strength: 0.5, category: 'guide' };
		return { label: 'other', strength: 1, category: cats[0] ?? 'uncategorized' };
	},
	// Liquid tags and output: drop them.
	clean(body) {
		return body.replace(/\{%[\s\S]*?%\}/g, '').replace(/\{\{[\s\S]*?\}\}/g, '');
	},
};
