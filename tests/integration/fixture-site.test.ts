import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture, removeDir, runAstro } from '../helpers/astro.ts';

const made: string[] = [];
afterAll(async () => Promise.all(made.map(removeDir)));

async function fixture(name: string): Promise<string> {
	const dir = await copyFixture(name);
	made.push(dir);
	return dir;
}

describe('a fixture site with candor() in its integrations', () => {
	it('builds every post, Markdown and MDX', async () => {
		const root = await fixture('basic-site');
		const result = await runAstro(root, ['build']);
		expect(result.code, result.output).toBe(0);
		expect(existsSync(join(root, 'dist/blog/checking-disk-space/index.html'))).toBe(true);
		const mdx = await readFile(join(root, 'dist/blog/rotating-logs/index.html'), 'utf8');
		expect(mdx).toContain('<p class="note">Test the configuration with <code>logrotate -d</code> first');
	});

	it('stops the build with a message naming a mistyped option', async () => {
		const root = await fixture('basic-site');
		const config = join(root, 'astro.config.mjs');
		const source = await readFile(config, 'utf8');
		await writeFile(config, source.replace("candor({ brand: ['Fixture Co'] })", "candor({ brand: ['Fixture Co'], thresold: 30 })"));
		const result = await runAstro(root, ['build']);
		expect(result.code).not.toBe(0);
		expect(result.output).toContain('unknown option `thresold`: did you mean `threshold`?');
		expect(existsSync(join(root, 'dist'))).toBe(false);
	});
});
