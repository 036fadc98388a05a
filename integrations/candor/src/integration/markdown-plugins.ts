/**
 * Registers Candor's Markdown plugins on whichever processor the site uses, the way
 * Starlight does: Astro 7's default Sätteri processor takes hast plugins, `unified()` from
 * `@astrojs/markdown-remark` takes rehype plugins, and any other processor gets a warning
 * that names what will not run. MDX reuses the site's processor, so .mdx is covered too.
 */
import type { isSatteriProcessor } from '@astrojs/markdown-satteri';
import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import type { AffiliateProgram } from '../core/affiliates.js';
import { ENGINE_VERSION } from '../core/version.js';
import type { DisclosureSettings } from '../disclosure/disclosure-tree.js';
import { rehypeCandorDisclosure } from '../disclosure/rehype-plugin.js';
import { satteriCandorDisclosure } from '../disclosure/satteri-plugin.js';

export async function registerMarkdownPlugins(
	config: AstroConfig,
	logger: AstroIntegrationLogger,
	settings: DisclosureSettings,
	programs: readonly AffiliateProgram[],
): Promise<'satteri' | 'unified' | undefined> {
	const processor = config.markdown.processor as Parameters<typeof isSatteriProcessor>[0];
	// Imported here, not at load: Astro has already loaded its own processor's package, and a
	// Sätteri site never needs `@astrojs/markdown-remark` (0.4–0.8 s in a fresh process: shiki,
	// the unified plugins), which is optional anyway: without it no site can use unified().
	if ((await import('@astrojs/markdown-satteri')).isSatteriProcessor(processor)) {
		processor.options.hastPlugins.push(satteriCandorDisclosure(settings, programs));
		return 'satteri';
	}
	const unified = await import('@astrojs/markdown-remark').catch(() => null);
	if (unified?.isUnifiedProcessor(processor)) {
		// The options object is part of Astro's config digest, so changing them re-renders cached posts.
		processor.options.rehypePlugins.push([rehypeCandorDisclosure, { ...settings, affiliatePrograms: programs, engineVersion: ENGINE_VERSION }]);
		return 'unified';
	}
	logger.warn(
		`The Markdown processor \`${(processor as { name?: string }).name ?? 'unknown'}\` is not supported by Candor: sponsorship disclosures and rel="sponsored" will not be added to posts (the audit still runs). Use Astro's default processor or \`unified()\` from \`@astrojs/markdown-remark\`, or add \`rehypeCandorDisclosure\` from \`astro-candor\` to your pipeline.`,
	);
	return undefined;
}
