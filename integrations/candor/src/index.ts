import type { AstroIntegration } from 'astro';
import { type CandorOptions, validateOptions } from './options.js';

export type { CandorOptions, ResolvedCandorOptions } from './options.js';
export {
	candorFrontmatter,
	candorExceptionSchema,
	sponsorshipSchema,
	SPONSORSHIP_KINDS,
	type CandorException,
	type Sponsorship,
	type SponsorshipKind,
} from './schema.js';

/** The Candor integration: add `candor()` to `integrations` in `astro.config.mjs`. */
export default function candor(userOptions: CandorOptions = {}): AstroIntegration {
	// Validate when the factory is called, so a bad option stops Astro before anything runs.
	const options = validateOptions(userOptions);
	return {
		name: 'astro-candor',
		hooks: {
			'astro:config:done': ({ logger }) => {
				logger.debug(`auditing collections ${options.collections.join(', ')} at threshold ${options.threshold}%`);
			},
		},
	};
}
