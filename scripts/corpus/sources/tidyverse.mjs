// tidyverse blog (tidyverse.org/blog), run by Posit's tidyverse team. Hugo (blogdown);
// posts are content/blog/<year>/<slug>/index.md or index.markdown (rendered from .Rmd /
// .Rmarkdown; posts rendered to .html only are left out). Frontmatter `categories`:
//   package     package release announcements ("dplyr 1.1.0")
//   learn | programming | deep-dive   teaching posts
//   roundup | other
export default {
	company: 'tidyverse',
	field: 'R data science packages',
	repo: 'tidyverse/tidyverse.org',
	commit: '629770ba56de41795a54cc2b7bacdf0118d34651',
	posts: ['content/blog/**/index.md', 'content/blog/**/index.markdown'],
	brands: ['tidyverse', 'tidymodels', 'r-lib', 'Posit', 'RStudio'],
	ownedDomains: ['tidyverse.org', 'tidymodels.org', 'r-lib.org', 'posit.co', 'rstudio.com'],
	label({ frontmatter }) {
		const cats = [].concat(frontmatter.categories ?? []).map((c) => String(c).toLowerCase());
		const promo = cats.includes('package');
		const expertise = cats.some((c) => c === 'learn' || c === 'programming' || c === 'deep-dive');
		if (promo && expertise) return { label: 'other', strength: 1, category: 'mixed' };
		if (promo) return { label: 'promo', strength: 1, category: 'release' };
		if (cats.includes('deep-dive')) return { label: 'expertise', strength: 1, category: 'deep-dive' };
		if (cats.includes('learn')) return { label: 'expertise', strength: 1, category: 'tutorial' };
		if (cats.includes('programming')) return { label: 'expertise', strength: 1, category: 'programming' };
		return { label: 'other', strength: 1, category: cats[0] ?? 'uncategorized' };
	},
	// Hugo shortcodes (blogdown): drop the tags, keep what they wrap.
	clean(body) {
		return body.replace(/\{\{[<%][\s\S]*?[%>]\}\}/g, '');
	},
};
