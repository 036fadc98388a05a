// The contenders of the engine benchmark. Each `setup()` loads what it needs (so a worker
// process only pays, in time and memory, for its own contender) and returns a function that
// processes one file's text and returns a number (summed by the worker so no work can be
// optimised away).

export const BRAND = ['Kestrel', 'Kestrel Systems', 'Kestrel Queue', 'Kestrel Scheduler'];
export const OWNED_DOMAINS = ['kestrel.example'];

export const contenders = {
	floor: {
		label: 'Floor: read + split words',
		async setup() {
			return (text) => text.split(/\s+/).length;
		},
	},
	satteri: {
		label: 'Sätteri markdownToMdast',
		detail: 'gfm + frontmatter, positions (as Candor calls it)',
		async setup({ format }) {
			const { markdownToMdast, mdxToMdast } = await import('satteri');
			const parse = format === 'mdx' ? mdxToMdast : markdownToMdast;
			const options = { position: true, features: { gfm: true, frontmatter: true } };
			return (text) => parse(text, options).children.length;
		},
	},
	remark: {
		label: 'remark fromMarkdown',
		detail: 'mdast-util-from-markdown + gfm + frontmatter, positions',
		async setup({ format }) {
			if (format !== 'md') throw new Error('the remark contender only parses .md');
			const { fromMarkdown } = await import('mdast-util-from-markdown');
			const { gfm } = await import('micromark-extension-gfm');
			const { gfmFromMarkdown } = await import('mdast-util-gfm');
			const { frontmatter } = await import('micromark-extension-frontmatter');
			const { frontmatterFromMarkdown } = await import('mdast-util-frontmatter');
			const options = {
				extensions: [gfm(), frontmatter(['yaml'])],
				mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
			};
			return (text) => fromMarkdown(text, options).children.length;
		},
	},
	candor: {
		label: 'Candor createAuditor().audit',
		detail: 'parse + prose + rules + score',
		async setup({ format }) {
			const { createAuditor } = await import(new URL('../integrations/candor/dist/core/index.js', import.meta.url).href);
			const auditor = createAuditor({ brand: BRAND, ownedDomains: OWNED_DOMAINS });
			return (text) => {
				const audit = auditor.audit(text, format);
				return audit.findings.length + (audit.score ?? 0);
			};
		},
	},
	alex: {
		label: 'alex markdown()',
		detail: 'remark + retext pipeline',
		async setup({ format }) {
			if (format !== 'md') throw new Error('the alex contender only checks .md');
			const { markdown } = await import('alex');
			return (text) => markdown(text).messages.length;
		},
	},
};
