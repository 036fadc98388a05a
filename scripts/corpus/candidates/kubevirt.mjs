// KubeVirt (kubevirt.io; CNCF project started at Red Hat). Jekyll site, _posts/*.md. The
// `category` field is uninformative (news 93, updates 24, uncategorized 12, releases 3); the
// free-form `tags` list carries the genre: `release notes` / `changelog` / `release` (32
// per-release posts), event tags (event, kubecon, conference, cloudnativecon, gathering,
// party time: events, summits and milestone parties; weaker, since some of them carry a
// recorded talk). `talk` alone is a recorded technical talk: not an event label. Every other
// post is tagged with technical topics only (networking, storage, multus, cdi, live
// migration, ...): the how-to and design posts, a topic-level (weaker) signal. `community`, `cncf` and
// `milestone` alone are too broad (project news, graduation) and are left as other.
const PROMO = new Set(['release notes', 'changelog', 'release']);
const EVENT = new Set(['event', 'kubecon', 'conference', 'cloudnativecon', 'gathering', 'party time']);
const BROAD = new Set(['kubevirt', 'kubernetes', 'community', 'cncf', 'milestone', 'virtual machine', 'vm', 'hilights', 'website', 'video', 'review']);
export default {
	company: 'kubevirt',
	field: 'virtual machines on Kubernetes',
	repo: 'kubevirt/kubevirt.github.io',
	commit: '1a9fae231af78423a96f402fb5631cb54dee8f76',
	posts: ['_posts/**/*.md', '_posts/**/*.markdown'],
	brands: ['KubeVirt', 'CDI', 'Containerized Data Importer', 'HCO'],
	ownedDomains: ['kubevirt.io', 'kubevirt.github.io'],
	label({ frontmatter }) {
		const tags = [].concat(frontmatter.tags ?? []).map((t) => String(t).toLowerCase().trim());
		if (tags.some((t) => PROMO.has(t))) return { label: 'promo', strength: 1, category: 'release-notes' };
		if (tags.some((t) => EVENT.has(t))) return { label: 'promo', strength: 0.5, category: 'event' };
		if (tags.some((t) => !BROAD.has(t))) return { label: 'expertise', strength: 0.5, category: 'technical-topic' };
		return { label: 'other', strength: 1, category: tags.length ? 'project-news' : 'untagged' };
	},
	clean(body) {
		return body.replace(/\{%[\s\S]*?%\}/g, '').replace(/\{\{[\s\S]*?\}\}/g, '');
	},
};
