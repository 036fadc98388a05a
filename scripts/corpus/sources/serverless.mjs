// Substitute for an assigned repository that was refused as too large to fetch
// (huggingface/blog, qdrant/landing_page, duckdb/duckdb-web, weaviate/weaviate-io, pulumi/docs).
// Serverless, Inc.'s blog: posts/*.md, genre from the frontmatter `category` list
// (guides-and-tutorials, news, user-stories, operations-and-observability, engineering-culture).
const has = (cats, c) => cats.includes(c);

export default {
  company: 'serverless',
  field: 'serverless application framework',
  repo: 'serverless/blog',
  commit: 'f85963ba565c3f705af8917387e0330227430190',
  posts: ['posts/*.md'],
  exclude: ['posts/index.md', 'posts/contribute.md'],
  brands: ['Serverless', 'Serverless Framework', 'Serverless Inc', 'Serverless, Inc.', 'Serverless Components', 'Serverless Dashboard', 'Serverless Platform'],
  ownedDomains: ['serverless.com', 'serverless.io'],
  label({ frontmatter }) {
    let cats = frontmatter.category ?? frontmatter.categories;
    if (cats == null) return { label: 'other', strength: 1, category: 'uncategorized' };
    if (!Array.isArray(cats)) cats = [cats];
    cats = cats.map((c) => String(c).trim().toLowerCase());
    const guide = has(cats, 'guides-and-tutorials');
    const news = has(cats, 'news');
    const story = has(cats, 'user-stories');
    const ops = has(cats, 'operations-and-observability');
    const culture = has(cats, 'engineering-culture');
    // Both a promo genre and the tutorial genre: ambiguous.
    if ((news || story) && guide) return { label: 'other', strength: 1, category: 'mixed' };
    if (story) {
      if (culture) return { label: 'other', strength: 1, category: 'mixed' };
      return { label: 'promo', strength: 1, category: 'user-stories' };
    }
    if (news) {
      if (culture) return { label: 'promo', strength: 0.5, category: 'news+engineering-culture' };
      return { label: 'promo', strength: 1, category: 'news' };
    }
    if (guide) return { label: 'expertise', strength: 1, category: 'guides-and-tutorials' };
    if (ops) return { label: 'expertise', strength: 0.5, category: 'operations-and-observability' };
    if (culture) return { label: 'other', strength: 1, category: 'engineering-culture' };
    return { label: 'other', strength: 1, category: 'uncategorized' };
  },
};
