/**
 * The report formats written one file at a time (what `candor audit` streams) against the
 * same reports written whole: real posts audited, the text compared and the SARIF validated.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { createAuditor } from '../../integrations/candor/dist/core/index.js';
import { fileReport, formatStylish, reportWriter, unreadableFile } from '../../integrations/candor/dist/report/index.js';
import { repoRoot } from '../helpers/astro.ts';

const dir = join(repoRoot, 'tests/fixtures/posts');
const auditor = createAuditor({ brand: ['Kestrel Scheduler'], threshold: 10 });
const reports = [
	...readdirSync(dir)
		.sort()
		.map((name) => fileReport(`tests/fixtures/posts/${name}`, auditor.audit(readFileSync(join(dir, name), 'utf8'), name.endsWith('.mdx') ? 'mdx' : 'md'))),
	unreadableFile('tests/fixtures/posts/gone.md', 10, 'no such file or folder'),
];

const streamed = (format: Parameters<typeof reportWriter>[0], list = reports) => {
	const writer = reportWriter(format);
	return list.map((r) => writer.file(r)).join('') + writer.end();
};

describe('streamed reports', () => {
	it('writes JSON byte for byte as JSON.stringify writes the whole array', () => {
		expect(reports.filter((r) => r.verdict === 'fail').length).toBeGreaterThan(0);
		for (const list of [reports, reports.slice(0, 1), []]) expect(streamed('json', list)).toBe(`${JSON.stringify(list, null, 2)}\n`);
	});

	it('counts the stylish summary as it goes', () => {
		const text = streamed('stylish');
		expect(text).toBe(formatStylish(reports));
		const failed = reports.filter((r) => r.verdict === 'fail').length;
		const passed = reports.filter((r) => r.verdict === 'pass').length;
		expect(text).toMatch(new RegExp(`${reports.length} files audited: ${passed} passed, ${failed} failed, 1 could not be audited;`));
	});

	it('writes valid SARIF 2.1.0 whose ruleIndex points at each result’s rule, for many files and for none', () => {
		const schema = createRequire(import.meta.url)('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
		const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
		addFormats(ajv);
		const validate = ajv.compile(schema);
		for (const list of [reports, []]) {
			const sarif = JSON.parse(streamed('sarif', list));
			expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
			const run = sarif.runs[0];
			expect(run.results).toHaveLength(list.flatMap((r) => r.findings).length);
			for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
			expect(new Set(run.tool.driver.rules.map((r: { id: string }) => r.id)).size).toBe(run.tool.driver.rules.length);
		}
	});
});

describe('verdict lines say what failed', () => {
	const post = '# Three lamps we tried\n\nThe brass one was the brightest, at 800 lumens, and the paper one the softest. [Buy the brass lamp](https://www.amazon.com/dp/B000TEST?tag=kestrel-20).\n';
	it('a post that fails only for an undisclosed affiliate link names the rule, not "FAIL: 0% promotional"', () => {
		const report = fileReport('lamps.md', createAuditor({ threshold: 100 }).audit(post));
		expect(report.verdict).toBe('fail');
		const heading = formatStylish([report]).split('\n')[0]!;
		expect(heading).toMatch(/^lamps\.md {2}FAIL: undisclosed-affiliate \([\d.]+% promotional, threshold 100%, within it\)$/);
	});
	it('a post over its threshold keeps its share first', () => {
		const report = fileReport('offer.md', auditor.audit('Sign up today and get 30% off every plan. Limited time only!\n'));
		expect(formatStylish([report]).split('\n')[0]).toMatch(/^offer\.md {2}FAIL: [\d.]+% promotional, threshold 10%$/);
	});
});
