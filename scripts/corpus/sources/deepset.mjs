// Substitute for an assigned repository that was refused as too large to fetch
// (huggingface/blog, qdrant/landing_page, duckdb/duckdb-web, weaviate/weaviate-io, pulumi/docs).
// deepset's Haystack site (Hugo): content/release-notes/*.md are release notes by their
// directory; content/blog/<slug>/index.md carry a `tags` list and, for posts that pair with a
// cookbook notebook, a `cookbook` field.
const TECH = new Set([
  'llm', 'rag', 'retrieval', 'generative ai', 'nlp', 'agent', 'prompting', 'embeddings',
  'deployment', 'mlops', 'model training', 'advanced use cases', 'evaluation', 'python',
  'question answering', 'vector databases', 'text embeddings', 'multimodality', 'sql',
  'function calling', 'gpt', 'research', 'context engineering', 'hayhooks', 'semantic search',
  'monitoring', 'tracing',
]);

export default {
  company: 'deepset',
  field: 'LLM application framework',
  repo: 'deepset-ai/haystack-home',
  commit: 'd24c82d83e1e2cdddd6924a323e15d1b8ab98f6b',
  posts: ['content/blog/*/index.md', 'content/blog/*.md', 'content/release-notes/*.md'],
  exclude: ['**/_index.md'],
  brands: ['Haystack', 'deepset', 'deepset Studio', 'deepset Cloud', 'deepset AI Platform', 'Hayhooks'],
  ownedDomains: ['haystack.deepset.ai', 'deepset.ai'],
  label({ path, frontmatter }) {
    if (path.startsWith('content/release-notes/')) return { label: 'promo', strength: 1, category: 'release-notes' };
    let tags = frontmatter.tags ?? [];
    if (!Array.isArray(tags)) tags = [tags];
    tags = tags.map((t) => String(t).trim().toLowerCase());
    if (tags.includes('user story') || tags.includes('case study')) return { label: 'promo', strength: 1, category: 'user-story' };
    if (frontmatter.cookbook) return { label: 'expertise', strength: 1, category: 'cookbook-companion' };
    if (tags.includes('community')) return { label: 'promo', strength: 0.5, category: 'community' };
    if (tags.includes('integration') || tags.includes('integrations')) return { label: 'other', strength: 1, category: 'integration' };
    if (tags.length && tags.some((t) => TECH.has(t))) return { label: 'expertise', strength: 0.5, category: 'technical-topic' };
    return { label: 'other', strength: 1, category: 'untagged' };
  },
  clean(body) {
    return body.replace(/\{\{[<%][\s\S]*?[%>]\}\}/g, '');
  },
};
