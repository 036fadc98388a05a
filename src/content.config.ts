import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { candorFrontmatter } from 'astro-candor';

// The blog: Markdown and MDX posts in content/blog/. Candor's frontmatter pieces
// (`sponsorship`, `candor`) are spread in exactly as any other site would do it.
const blog = defineCollection({
	loader: glob({ pattern: '**/*.{md,mdx}', base: './content/blog' }),
	schema: z.object({
		title: z.string().min(1),
		description: z.string().min(1),
		pubDate: z.coerce.date(),
		updatedDate: z.coerce.date().optional(),
		author: z.string().min(1),
		tags: z.array(z.string().min(1)).default([]),
		draft: z.boolean().default(false),
		...candorFrontmatter,
	}),
});

export const collections = { blog };
