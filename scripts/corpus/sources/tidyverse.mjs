// tidyverse blog (tidyverse.org/blog), run by Posit's tidyverse team. Hugo (blogdown);
// posts are content/blog/<year>/<slug>/index.md or index.markdown (rendered from .Rmd /
// .Rmarkdown; posts rendered to .html only are left out). Frontmatter `categories`:
//   package     package release announcements ("dplyr 1.1.0"), named by a version in the
//               slug or title; without one, a post about a package (not a release)
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
	label({ path, frontmatter }) {
		const cats = [].concat(frontmatter.categories ?? []).map((c) => String(c).toLowerCase());
		const tags = [].concat(frontmatter.tags ?? []).map((t) => String(t).toLowerCase());
		const title = String(frontmatter.title ?? '');
		// The blog names a release by its version: slugs `<pkg>-<major>-<minor>[-<patch>]`, or a
		// version in the title. A slug with a topic after the version (`dplyr-1-1-0-joins`) walks
		// through one feature of a release: part announcement, part teaching, so a weaker example.
		const slug = String(frontmatter.slug ?? path.split('/')[3] ?? '');
		const versioned = /(?:^|-)\d+-\d+(?:-\d+)*(?:-|$)/.test(slug) || /\d+\.\d+/.test(slug) || /\b\d+\.\d+(?:\.\d+)?\b/.test(title) || /\bversion \d/i.test(title);
		const featureOfRelease = /^[a-z0-9.]+?-\d+-\d+(?:-\d+)*-[a-z]/.test(slug);
		const announced = /^announcing\b/i.test(title);
		const promo = cats.includes('package');
		const expertise = cats.some((c) => c === 'learn' || c === 'programming' || c === 'deep-dive');
		if (announced) return { label: 'promo', strength: 1, category: 'launch' };
		// A release filed under a teaching category is a mixed genre.
		if ((promo && expertise) || (expertise && versioned)) return { label: 'other', strength: 1, category: 'mixed' };
		if (promo) {
			// `package` without a version is a post about a package (its internals, a feature across
			// packages), unless its title says it is a release, a debut or updates.
			if (versioned) return { label: 'promo', strength: featureOfRelease ? 0.5 : 1, category: featureOfRelease ? 'release-feature' : 'release' };
			if (/\b(?:release[sd]?|debut|announc\w*|updates|new\b.*\bpackages?)\b/i.test(`${title} ${slug.replace(/-/g, ' ')}`)) return { label: 'promo', strength: 1, category: 'release' };
			return { label: 'other', strength: 1, category: 'package-feature' };
		}
		if (cats.includes('deep-dive')) return { label: 'expertise', strength: 1, category: 'deep-dive' };
		if (cats.includes('learn')) return { label: 'expertise', strength: 1, category: 'tutorial' };
		if (cats.includes('programming')) return { label: 'expertise', strength: 1, category: 'programming' };
		// The blog's own tags for its developer days and hiring, and internship calls.
		if (tags.includes('tidyverse-dev-day')) return { label: 'promo', strength: 1, category: 'event' };
		if (tags.includes('hiring') || /\binternships?\b/i.test(title)) return { label: 'promo', strength: 1, category: 'hiring' };
		return { label: 'other', strength: 1, category: cats[0] ?? 'uncategorized' };
	},
	// Hugo shortcodes (blogdown): drop the tags, keep what they wrap.
	clean(body) {
		return body.replace(/\{\{[<%][\s\S]*?[%>]\}\}/g, '');
	},
};
