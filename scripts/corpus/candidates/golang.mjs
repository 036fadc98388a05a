// The Go project's site (go.dev, golang/website). Two parts carry a genre in their own
// metadata:
//   _content/solutions/*.md, _content/solutions/google/*.md  `series: Case Studies` (31 customer
//       case studies, "How X uses Go") or `series: Use Cases` (4 landing pages: Go for cloud,
//       CLIs, DevOps, web development); the section's index pages have no series.
//   _content/blog/*.md  a free-form `tags` list (171 of 337 posts tagged). A few tags name a
//       genre: release (10), birthday (7 anniversary posts), conference (5), technical (32);
//       the rest are topics (concurrency, generics, testing, tools, debug, json, ...), weaker
//       evidence of a technical post. community/survey/proposals/talk/video are too broad
//       (survey results, proposal process, talk transcripts): left as other.
// Posts with a `redirect` field are stubs that point elsewhere: left out.
const TOPIC = new Set([
	'concurrency', 'generics', 'testing', 'tools', 'debug', 'gdb', 'json', 'interface', 'interfaces',
	'errors', 'error', 'cgo', 'modules', 'versioning', 'gofix', 'gofmt', 'godoc', 'protobuf',
	'cancellation', 'context', 'strings', 'bytes', 'runes', 'characters', 'slice', 'type parameters',
	'constants', 'defer', 'panic', 'recover', 'function', 'tracing', 'fuzz', 'coverage', 'http',
	'optimization', 'benchmark', 'static analysis', 'analysis framework', 'go vet', 'go fix',
	'modernizers', 'gopls', 'weak', 'finalizer', 'cleanup', 'image', 'gob', 'xml', 'type aliases',
	'syntax', 'language', 'type', 'workspaces', 'gopath', 'codewalk', 'programming', 'library', 'libraries',
	'flight recorder', 'memory', 'garbage collection', 'performance', 'pgo', 'inlining', 'compiler',
	'security', 'vulnerability', 'crypto', 'randomness', 'iterators', 'range', 'maps', 'swiss tables',
]);
export default {
	company: 'golang',
	field: 'programming language (Google)',
	repo: 'golang/website',
	commit: 'b02076ae6df08ee9d495fe4b283f88ac18e51012',
	posts: ['_content/blog/*.md', '_content/solutions/*.md', '_content/solutions/google/*.md'],
	exclude: ['_content/solutions/index.md', '_content/solutions/case-studies.md', '_content/solutions/use-cases.md', '_content/solutions/google/index.md'],
	brands: ['Go', 'Golang', 'The Go Programming Language', 'go.dev', 'Google'],
	ownedDomains: ['go.dev', 'golang.org', 'pkg.go.dev', 'blog.golang.org'],
	label({ path, frontmatter }) {
		if (frontmatter.redirect) return undefined;
		if (path.startsWith('_content/solutions/')) {
			const series = String(frontmatter.series ?? '').toLowerCase();
			if (series === 'case studies') return { label: 'promo', strength: 1, category: 'case-study' };
			if (series === 'use cases') return { label: 'promo', strength: 0.5, category: 'solution-page' };
			return { label: 'other', strength: 1, category: series || 'solutions' };
		}
		const tags = [].concat(frontmatter.tags ?? []).map((t) => String(t).toLowerCase().trim());
		const has = (t) => tags.includes(t);
		if (has('release')) return { label: 'promo', strength: 1, category: 'release' };
		if (has('technical')) return { label: 'expertise', strength: 1, category: 'technical' };
		if (has('birthday')) return { label: 'promo', strength: 0.5, category: 'anniversary' };
		if (has('conference')) return { label: 'promo', strength: 0.5, category: 'event' };
		if (tags.some((t) => TOPIC.has(t))) return { label: 'expertise', strength: 0.5, category: 'technical-topic' };
		return { label: 'other', strength: 1, category: tags.length ? 'topic-only' : 'untagged' };
	},
	// Go's site templates: {{raw ...}}, {{code ...}}, {{play ...}}, {{image ...}} and the like.
	clean(body) {
		return body.replace(/\{\{[\s\S]*?\}\}/g, '');
	},
};
