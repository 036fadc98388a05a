/** What `npm pack` puts in the tarball a user installs: the package's front door and its data. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/astro.ts';

const pkg = join(repoRoot, 'integrations/candor');

function packedFiles(): Promise<string[]> {
	return new Promise((done, fail) =>
		execFile('npm', ['pack', '--dry-run', '--json'], { cwd: pkg }, (error, stdout) => {
			if (error) return fail(error);
			done((JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path));
		}),
	);
}

describe('the packed astro-candor tarball', () => {
	it('carries a README of its own, a LICENSE, the bin, the model and its manifest', async () => {
		const files = await packedFiles();
		for (const file of ['README.md', 'LICENSE', 'package.json', 'bin/candor.js', 'dist/cli/bin.js', 'dist/core/model/weights.generated.js', 'model/manifest.json']) {
			expect(files, file).toContain(file);
		}
		const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { bin: Record<string, string>; license: string };
		expect(files).toContain(manifest.bin.candor!.replace(/^\.\//, ''));
		expect(manifest.license).toBe('MIT');
		const readme = readFileSync(join(pkg, 'README.md'), 'utf8');
		expect(readme).toContain('npm install astro-candor');
		expect(readme).toContain("import candor from 'astro-candor'");
		expect(readFileSync(join(pkg, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
	});

	it('ships no corpus and no post text', async () => {
		const files = await packedFiles();
		expect(files.filter((f) => /corpus|\.jsonl$/.test(f))).toEqual([]);
	});
});
