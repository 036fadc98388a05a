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

type Plugin = Extract<NonNullable<ViteUserConfig['plugins']>[number], { name: string }>;

const LAYOUT_ID = 'virtual:astro-candor/audit-layout';
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
			return id === LAYOUT_ID ? file : undefined;
		},
	};
}
