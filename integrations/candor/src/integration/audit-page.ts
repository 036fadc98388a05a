/**
 * The injected "How we audit" page renders inside a layout: the site's own when
 * `auditPageLayout` names one (so the page has the site's header, fonts and way back), else
 * Candor's default frame. The page imports `virtual:astro-candor/audit-layout`, which this
 * plugin resolves to that file.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ViteUserConfig } from 'astro';
import { AstroError } from 'astro/errors';
import { BADGE_STATES } from '../badge/badge-content.js';
import { MODEL_PITCH_PROBABILITY } from '../core/model/weights.generated.js';
import { builtinRules } from '../core/rules/index.js';
import { ENGINE_VERSION } from '../core/version.js';

type Plugin = Extract<NonNullable<ViteUserConfig['plugins']>[number], { name: string }>;

const LAYOUT_ID = 'virtual:astro-candor/audit-layout';
/**
 * What the page shows of the engine — the rules, the badge states, the engine's version, the
 * probability from which the shipped model counts a sentence as pitch — as
 * data. Importing `astro-candor/core` from the page instead made Vite bundle the whole engine
 * and its model into every site's server build (about half a second on a 5-post site).
 */
const PAGE_DATA_ID = 'virtual:astro-candor/audit-page-data';
const RESOLVED_PAGE_DATA_ID = `\0${PAGE_DATA_ID}`;
const DEFAULT_LAYOUT = fileURLToPath(new URL('../../components/AuditPageLayout.astro', import.meta.url));

/** The layout file the page renders in; a named layout that does not exist stops the build. */
export function auditLayoutFile(root: string, layout: string | undefined): string {
	if (!layout) return DEFAULT_LAYOUT;
	const file = resolve(root, layout);
	if (!existsSync(file)) {
		throw new AstroError(
			`Candor cannot find the layout \`${layout}\` named by \`auditPageLayout\`.`,
			'Give the path of an .astro layout from the project root, such as `./src/layouts/BaseLayout.astro`; it receives `title`, `description` and `frontmatter` props and renders the page in its `<slot />`.',
		);
	}
	return file;
}

export function auditLayoutVitePlugin(file: string): Plugin {
	return {
		name: 'astro-candor:audit-layout',
		resolveId(id) {
			if (id === PAGE_DATA_ID) return RESOLVED_PAGE_DATA_ID;
			return id === LAYOUT_ID ? file : undefined;
		},
		load(id) {
			if (id !== RESOLVED_PAGE_DATA_ID) return undefined;
			const rules = builtinRules.map(({ id: ruleId, orientation, family, description, examples }) => ({
				id: ruleId,
				orientation,
				family,
				description,
				examples: { flag: examples.flag.slice(0, 1) },
			}));
			return [
				`export const rules = ${JSON.stringify(rules)};`,
				`export const badgeStates = ${JSON.stringify(BADGE_STATES)};`,
				`export const engineVersion = ${JSON.stringify(ENGINE_VERSION)};`,
				`export const pitchProbability = ${JSON.stringify(MODEL_PITCH_PROBABILITY)};`,
			].join('\n');
		},
	};
}
