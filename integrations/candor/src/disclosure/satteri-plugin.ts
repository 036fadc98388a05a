/**
 * The disclosure transform as a Sätteri hast plugin, for Astro 7's default Markdown
 * processor (Markdown and MDX alike). Same behaviour as the rehype plugin.
 */
import { defineHastPlugin, type HastPluginDefinition } from 'satteri';
import type { AffiliateProgram } from '../core/affiliates.js';
import { ENGINE_VERSION } from '../core/version.js';
import { type DisclosureSettings, disclosureElement, paidLinkRel, type Sponsorships } from './disclosure-tree.js';
import { firstContentIndex } from './rehype-plugin.js';

type Data = { astro?: { frontmatter?: Record<string, unknown> } };
const sponsorshipOf = (data: unknown) => (data as Data).astro?.frontmatter?.sponsorship as Sponsorships;

export function satteriCandorDisclosure(settings: DisclosureSettings, programs?: readonly AffiliateProgram[]): HastPluginDefinition {
	return defineHastPlugin({
		name: 'astro-candor:disclosure',
		// Astro keys its content cache on the config, plugins included: carrying the settings
		// here re-renders cached posts when the disclosure wording or the programs change.
		candorSettings: JSON.stringify({ version: ENGINE_VERSION, settings, programs }),
		before(root, ctx) {
			const aside = disclosureElement(sponsorshipOf(ctx.data), settings);
			if (aside) ctx.insertChildAt(root, firstContentIndex(root.children), aside as never);
		},
		element: {
			filter: ['a'],
			visit(node, ctx) {
				const { href, rel, target } = node.properties ?? {};
				const next = paidLinkRel({ href, rel, target }, sponsorshipOf(ctx.data), programs);
				if (next) ctx.setProperty(node, 'rel', next);
			},
		},
	});
}
