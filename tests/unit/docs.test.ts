import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules, DEFAULT_THRESHOLD } from '../../integrations/candor/src/core/index.ts';
import { affiliateProgramsMarkdown, modelCuesMarkdown, rulesMarkdown } from '../../integrations/candor/src/docs/rules-markdown.ts';
import { repoRoot } from '../helpers/astro.ts';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const packageReadme = readFileSync(join(repoRoot, 'integrations/candor/README.md'), 'utf8');

describe('README', () => {
	it('carries the rule reference generated from the rule data (run `npm run docs` after changing a rule)', () => {
		expect(readme).toContain(`-->\n${rulesMarkdown()}\n<!-- rules:end -->`);
		expect(readme).toContain(`-->\n${affiliateProgramsMarkdown()}\n<!-- affiliates:end -->`);
		expect(readme).toContain(`-->\n${modelCuesMarkdown()}\n<!-- cues:end -->`);
	});

	it('has an anchor for every rule documentation link', () => {
		for (const rule of builtinRules) {
			const anchor = rule.docs.slice(1);
			expect(readme, `${rule.id} → ${rule.docs}`).toMatch(new RegExp(`id="${anchor}"|^#+ ${anchor.replaceAll('-', '[ -]')}$`, 'mi'));
		}
	});

	it('states the calibrated default threshold, here and in the package README (`npm run train` moves it)', () => {
		expect(readme).toContain(`The default threshold is **${DEFAULT_THRESHOLD}%**`);
		expect(packageReadme).toContain(`(default ${DEFAULT_THRESHOLD}%, or set`);
		// Both options tables (the integration's and the engine's).
		expect(readme.match(/^\| `threshold` \| `([^`]+)` \|/gm)).toEqual([`| \`threshold\` | \`${DEFAULT_THRESHOLD}\` |`, `| \`threshold\` | \`${DEFAULT_THRESHOLD}\` |`]);
	});
});
