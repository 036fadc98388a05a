// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import candor from 'astro-candor';

// The demo blog of Kestrel Systems, built through its own Candor gate.
export default defineConfig({
	site: 'https://blog.kestrel.example',
	integrations: [
		mdx(),
		candor({
			brand: ['Kestrel', 'Kestrel Systems', 'Kestrel Queue', 'Kestrel Scheduler'],
			ownedDomains: ['kestrel.example'],
			socialCards: { siteName: 'Kestrel Engineering' },
			// The "How we audit" page in the blog's own header and footer.
			auditPageLayout: './src/layouts/BaseLayout.astro',
		}),
	],
});
