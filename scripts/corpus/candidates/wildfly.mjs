// WildFly (wildfly.org; Red Hat's Jakarta EE application server). Roq/Jekyll-style site:
// content/posts/*.md carry a space- or comma-separated `tags` string. The genre tags are
// `announcement` and `release` (about 120 posts: release announcements, roadmaps) and event
// tags (conference, wildfly-mini-conference, hacktoberfest, ghc/opensourceday). Every other
// post is tagged only with technical topics (galleon, elytron, oidc, openshift, microprofile,
// bootable-jar, ...): the engineering write-ups, a topic-level (weaker) signal.
// Posts that only link to an article elsewhere (`external_link`) have no body and drop out as
// too short. Posts are AsciiDoc under YAML frontmatter: the Open Liberty source's AsciiDoc
// cleaner turns them into Markdown-like text. content/guides/**/*.adoc (`layout: guide`) are the
// site's step-by-step guides: expertise by their section.
import openliberty from '../sources/openliberty.mjs';

const EVENT = new Set(['conference', 'wildfly-mini-conference', 'mini-conference', 'hacktoberfest', 'ghc', 'ghc23', 'osd', 'opensourceday', 'devconf', 'webinar', 'meetup']);
export default {
	company: 'wildfly',
	field: 'Jakarta EE application server (Red Hat)',
	repo: 'wildfly/wildfly.org',
	commit: '5274cd460366b7b07322766f342c0b891f8ca0fb',
	posts: ['content/posts/*.adoc', 'content/posts/*.md', 'content/guides/**/*.adoc'],
	brands: ['WildFly', 'JBoss', 'JBoss EAP', 'Red Hat', 'Galleon', 'Elytron', 'WildFly Glow'],
	ownedDomains: ['wildfly.org', 'jboss.org', 'redhat.com'],
	label({ path, frontmatter }) {
		if (path.startsWith('content/guides/')) return frontmatter.layout === 'guide' ? { label: 'expertise', strength: 1, category: 'guide' } : undefined;
		const raw = [].concat(frontmatter.tags ?? []).join(' ');
		const tags = raw.toLowerCase().split(/[\s,]+/).filter(Boolean);
		const has = (t) => tags.includes(t);
		if (has('release') || has('releas')) return { label: 'promo', strength: 1, category: 'release' };
		if (has('announcement')) return { label: 'promo', strength: 1, category: 'announcement' };
		if (tags.some((t) => EVENT.has(t))) return { label: 'promo', strength: 0.5, category: 'event' };
		if (tags.length) return { label: 'expertise', strength: 0.5, category: 'technical-topic' };
		return { label: 'other', strength: 1, category: 'untagged' };
	},
	clean(body) {
		return openliberty.clean(body);
	},
};
