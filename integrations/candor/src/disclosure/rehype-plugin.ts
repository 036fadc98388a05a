/**
 * `rehypeCandorDisclosure`: the disclosure transform as a rehype plugin, for sites on
 * `markdown.processor: unified()` (the integration adds it) or any unified pipeline.
 * Reads the post's `sponsorship` from Astro's frontmatter on the vfile.
 */
import type { AffiliateProgram } from '../core/affiliates.js';
import { type DisclosureSettings, disclosureElement, paidLinkRel, type Sponsorships } from './disclosure-tree.js';

interface Node {
	type: string;
	tagName?: string;
	properties?: Record<string, unknown>;
	children?: Node[];
}

export interface RehypeCandorOptions extends Partial<DisclosureSettings> {
	/** The programs whose links are paid: the built-in list unless given (then pass it whole). */
	affiliatePrograms?: readonly AffiliateProgram[];
	/** Not read: it makes the options (part of Astro's config digest) change with the engine. */
	engineVersion?: string;
}

export function rehypeCandorDisclosure(options: RehypeCandorOptions = {}) {
	const settings: DisclosureSettings = { form: options.form ?? 'long', lang: options.lang ?? 'en', ...(options.label ? { label: options.label } : {}), ...(options.templates ? { templates: options.templates } : {}) };
	return (tree: Node, file: { data?: { astro?: { frontmatter?: Record<string, unknown> } } }) => {
		const sponsorship = file.data?.astro?.frontmatter?.sponsorship as Sponsorships;
		const walk = (node: Node) => {
			if (node.type === 'element' && node.tagName === 'a' && node.properties) {
				const rel = paidLinkRel({ href: node.properties.href, rel: node.properties.rel, target: node.properties.target }, sponsorship, options.affiliatePrograms);
				if (rel) node.properties.rel = rel;
			}
			for (const child of node.children ?? []) walk(child);
		};
		walk(tree);
		const aside = disclosureElement(sponsorship, settings);
		if (aside && tree.children) tree.children.splice(firstContentIndex(tree.children), 0, aside as unknown as Node);
	};
}

/** After any leading ESM (MDX imports), before the first paragraph and any link. */
export const firstContentIndex = (children: ReadonlyArray<{ type: string }>) => {
	const index = children.findIndex((child) => child.type !== 'mdxjsEsm');
	return index < 0 ? children.length : index;
};
