import { type CollectionEntry, getCollection } from 'astro:content';

export type Post = CollectionEntry<'blog'>;

/** Published posts, newest first. Drafts show in `astro dev` only. */
export async function getPosts(): Promise<Post[]> {
	const posts = await getCollection('blog', ({ data }) => import.meta.env.DEV || !data.draft);
	return posts.sort((a, b) => b.data.pubDate.valueOf() - a.data.pubDate.valueOf());
}

/** Minutes to read at 230 words a minute, counting prose and code alike. */
export function readingMinutes(body: string | undefined): number {
	const words = (body ?? '').split(/\s+/).filter(Boolean).length;
	return Math.max(1, Math.round(words / 230));
}

export function tagsOf(posts: Post[]): Map<string, Post[]> {
	const byTag = new Map<string, Post[]>();
	for (const post of posts) {
		for (const tag of post.data.tags) byTag.set(tag, [...(byTag.get(tag) ?? []), post]);
	}
	return new Map([...byTag].sort(([a], [b]) => a.localeCompare(b)));
}

export const formatDate = (date: Date) =>
	date.toLocaleDateString('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
