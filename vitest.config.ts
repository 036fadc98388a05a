import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/**/*.test.ts'],
		exclude: ['tests/.tmp/**', 'tests/fixtures/**', 'node_modules/**'],
		// Integration and browser tests run real `astro build`/`astro dev` processes; two builds of
		// the same site at once would share its `.astro/` folder, so files run one after another.
		fileParallelism: false,
		testTimeout: 180_000,
		hookTimeout: 180_000,
	},
});
