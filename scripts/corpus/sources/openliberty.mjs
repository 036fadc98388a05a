// Open Liberty blog (openliberty.io/blog). Posts are AsciiDoc files under posts/ with
// Jekyll frontmatter; the genre lives in blog_tags.json, which lists post slugs (file name
// without the date prefix) per tag. Genre tags: release, beta (GA/beta release posts),
// announcements, case-study, community. Everything else in blog_tags.json is a technology
// topic (microprofile, maven, security, kubernetes, ...).
let tagIndex;
let tagIndexSource;
function tagsFor(metadata, slug) {
	const text = metadata['blog_tags.json'] ?? '';
	if (tagIndexSource !== text) {
		tagIndexSource = text;
		tagIndex = new Map();
		let tags = [];
		try {
			tags = JSON.parse(text).blog_tags ?? [];
		} catch {}
		for (const tag of tags) for (const post of tag.posts ?? []) {
			if (!tagIndex.has(post)) tagIndex.set(post, new Set());
			tagIndex.get(post).add(tag.name);
		}
	}
	return tagIndex.get(slug) ?? new Set();
}

const GENRE = new Set(['release', 'beta', 'announcements', 'case-study', 'community']);

export default {
	company: 'openliberty',
	field: 'Java application server (open source runtime)',
	repo: 'OpenLiberty/blogs',
	commit: '996378dec5608225a330129839697a1c2b13bbfd',
	// English posts only; posts/ja and posts/zh-Hans hold translations.
	posts: ['posts/*.adoc'],
	metadata: ['blog_tags.json'],
	brands: ['Open Liberty', 'OpenLiberty', 'Liberty', 'WebSphere Liberty', 'Liberty InstantOn', 'Liberty Tools'],
	ownedDomains: ['openliberty.io'],
	label({ path, frontmatter, metadata }) {
		// Third-party posts are stubs that redirect to another site: no body of their own.
		if (frontmatter.redirect_link) return undefined;
		const slug = path.replace(/^posts\//, '').replace(/\.adoc$/, '').replace(/^\d{4}-\d{1,2}-\d{1,2}-/, '');
		const tags = tagsFor(metadata, slug);
		if (tags.has('case-study')) return { label: 'promo', strength: 1, category: 'case-study' };
		if (tags.has('release') || tags.has('beta')) return { label: 'promo', strength: 1, category: 'release' };
		// "announcements" without a release tag: feature launches, events, certifications,
		// but also a few feature deep dives, so a weaker label.
		if (tags.has('announcements')) return { label: 'promo', strength: 0.5, category: 'announcement' };
		if (tags.has('community')) return { label: 'other', strength: 1, category: 'community' };
		// No genre tag, only technology topic tags: the site's technical articles
		// (how-tos, explainers, feature walk-throughs).
		const topics = [...tags].filter((t) => !GENRE.has(t));
		if (topics.length) return { label: 'expertise', strength: 0.5, category: 'technical' };
		return { label: 'other', strength: 1, category: 'untagged' };
	},
	// AsciiDoc to Markdown-ish prose: headings, links, cross references, attributes,
	// block delimiters and comments.
	clean(body) {
		const out = [];
		let inBlock = false;
		let inComment = false;
		for (let line of body.replace(/\r\n?/g, '\n').split('\n')) {
			if (/^\/{4,}\s*$/.test(line)) {
				inComment = !inComment;
				continue;
			}
			if (inComment) continue;
			if (/^(-{4,}|\.{4,})\s*$/.test(line)) {
				out.push('```');
				inBlock = !inBlock;
				continue;
			}
			if (inBlock) {
				out.push(line);
				continue;
			}
			if (/^\/\//.test(line)) continue; // comment, including // tag::x[]
			if (/^:[\w-]+!?:/.test(line)) continue; // attribute entry
			if (/^\[[^\]]*\]\s*$/.test(line)) continue; // block attributes: [source,java], [#id], [.role]
			if (/^(image|video|include|toc)::/.test(line)) continue;
			if (/^(={4,}|\*{4,}|_{4,}|\+{4,})\s*$/.test(line)) continue; // example/sidebar/quote/pass delimiters
			if (/^\|===/.test(line)) continue;
			const heading = /^(=+)\s+(.*)$/.exec(line);
			if (heading) line = `${'#'.repeat(heading[1].length)} ${heading[2]}`;
			line = line
				.replace(/<<#?[^,>]+,\s*([^>]+)>>/g, '$1')
				.replace(/<<([^>]+)>>/g, '$1')
				.replace(/\blink:(\{[\w-]+\}|[^\s\[]*)\[([^\]]*)\]/g, (_, url, text) => text.replace(/\^$/, '') || url)
				.replace(/\b(https?:\/\/[^\s\[]+)\[([^\]]*)\]/g, (_, url, text) => text.replace(/\^$/, '') || url)
				.replace(/\bxref:[^\[]*\[([^\]]*)\]/g, '$1')
				.replace(/\bimage:[^\[]*\[[^\]]*\]/g, '')
				.replace(/\bkbd:\[([^\]]*)\]/g, '$1')
				.replace(/\{[\w-]+\}/g, '')
				.replace(/ \+$/, '');
			out.push(line);
		}
		return out.join('\n');
	},
};
