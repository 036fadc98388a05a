/**
 * The bad-input corpus: every kind of post that could crash an audit or slip through it.
 * Small cases are files in tests/fixtures/bad-input/; large and binary ones are made here.
 * Each states its outcome: audited with valid positions, or refused with its reason.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditPost, type PostAudit } from '../../integrations/candor/src/core/index.ts';
import { repoRoot } from '../helpers/astro.ts';

const fixture = (name: string) => readFileSync(join(repoRoot, 'tests/fixtures/bad-input', name), 'utf8');
const bin = join(repoRoot, 'integrations/candor/dist/cli/bin.js');

function positionsInside(source: string, audit: PostAudit) {
	const lines = source.split('\n');
	for (const item of [...audit.findings, ...audit.sentences]) {
		expect(item.line).toBeGreaterThanOrEqual(1);
		expect(item.line).toBeLessThanOrEqual(lines.length);
		expect(item.column).toBeLessThanOrEqual((lines[item.line - 1]?.length ?? 0) + 1);
		expect(item.endLine).toBeLessThanOrEqual(lines.length);
	}
}

function cli(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((done) =>
		execFile(process.execPath, [bin, 'audit', file, '--format', 'json', '--no-config'], { maxBuffer: 256 << 20 }, (error, stdout, stderr) =>
			done({ code: error ? Number(error.code) : 0, stdout, stderr }),
		),
	);
}

describe('bad input', () => {
	it('empty post: passes with no prose and no findings', () => {
		expect(auditPost(fixture('empty.md'))).toMatchObject({ verdict: 'pass', score: 0, findings: [], words: { total: 0 } });
	});

	it('frontmatter only: passes; its title is the only prose', () => {
		const audit = auditPost(fixture('frontmatter-only.md'));
		expect(audit).toMatchObject({ verdict: 'pass', score: 0, frontmatter: { title: 'Only frontmatter' } });
		expect(audit.sentences.map((s) => s.text)).toEqual(['Only frontmatter']);
	});

	it('invalid MDX: an error naming the line and the reason, never a pass', () => {
		const audit = auditPost(fixture('invalid.mdx'), { format: 'mdx' });
		expect(audit.verdict).toBe('error');
		expect(audit.findings[0]).toMatchObject({ ruleId: 'parse-error', severity: 'error', line: 7 });
		expect(audit.findings[0]!.message).toMatch(/closing tag for `<Callout>`/);
	});

	it('right-to-left and CJK text: audited, with positions inside the source', () => {
		const source = fixture('rtl-cjk.md');
		const audit = auditPost(source);
		positionsInside(source, audit);
		expect(audit.findings.map((f) => `${f.line} ${f.ruleId}`)).toContain('11 call-to-action');
	});

	it('emoji only: passes with no words', () => {
		expect(auditPost(fixture('emoji-only.md'))).toMatchObject({ verdict: 'pass', score: 0, words: { total: 0 } });
	});

	it('Windows line endings: positions count lines as editors do', () => {
		const source = fixture('windows-crlf.md');
		expect(source).toContain('\r\n');
		const audit = auditPost(source);
		expect(audit.findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`)).toEqual(['7:1 call-to-action', '7:23 offer']);
	});

	it('a 5 MB post: audited, judged as the paragraph it repeats, with positions inside the source', () => {
		const paragraph = 'Retry the job with jitter because clocks drift, and cap the delay at 30 seconds.\n\nSign up today for 20% off.\n\n';
		const source = paragraph.repeat(Math.ceil((5 << 20) / paragraph.length));
		const audit = auditPost(source);
		expect(audit.verdict).toBe('fail');
		// Judged as its paragraph is: repeating a paragraph neither hides its pitch nor multiplies it.
		const once = auditPost(paragraph);
		expect(once.score).toBeGreaterThan(0);
		expect(audit.score).toBeCloseTo(once.score, 0);
		expect(audit.verdict).toBe(once.verdict);
		expect(audit.words.pitch / audit.words.total).toBeCloseTo(once.words.pitch / once.words.total, 3);
		expect(audit.words.total).toBeGreaterThan(800_000);
		positionsInside(source, audit);
	});

	it('one 1 MB line: audited as one paragraph', () => {
		const source = 'Sign up today, because the queue retries each job. '.repeat(Math.ceil((1 << 20) / 52));
		const audit = auditPost(source);
		expect(audit.sentences.length).toBeGreaterThan(10_000);
		expect(audit.sentences.at(-1)!.line).toBe(1);
		positionsInside(source, audit);
	});

	it('lists and blockquotes nested 500 deep: audited without a crash', () => {
		const lists = Array.from({ length: 500 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth} sign up today`).join('\n');
		const quotes = Array.from({ length: 500 }, (_, depth) => `${'> '.repeat(depth + 1)}Level ${depth}: buy now.`).join('\n');
		for (const source of [lists, quotes]) {
			const audit = auditPost(source);
			expect(['pass', 'fail']).toContain(audit.verdict);
			positionsInside(source, audit);
		}
	});

	it('thousands of links: every promotional link is found', () => {
		const source = Array.from({ length: 5000 }, (_, i) => `See [plan ${i}](/pricing?utm_source=${i}).`).join('\n\n');
		const audit = auditPost(source);
		// The first 200 are listed, the rest counted (the cap per rule and post).
		expect(audit.findings.filter((f) => f.ruleId === 'promo-link')).toHaveLength(200);
		expect(audit.omittedFindings?.['promo-link']).toBe(4800);
	});

	it('a hostile post with tens of thousands of findings: 200 kept per rule, the rest counted and said', async () => {
		const line = 'Sign up today and get 30% off! Limited time only.';
		const source = `---\ntitle: Offers\n---\n\n${Array.from({ length: 20_000 }, () => line).join('\n\n')}\n`;
		const audit = auditPost(source);
		expect(audit.verdict).toBe('fail');
		const kept = new Map<string, number>();
		for (const f of audit.findings) kept.set(f.ruleId, (kept.get(f.ruleId) ?? 0) + 1);
		for (const ruleId of ['call-to-action', 'offer', 'urgency']) {
			expect(kept.get(ruleId), ruleId).toBe(200);
			expect(audit.omittedFindings?.[ruleId], ruleId).toBeGreaterThanOrEqual(19_800);
		}
		// The kept ones are the first in the post.
		expect(Math.max(...audit.findings.filter((f) => f.ruleId === 'offer').map((f) => f.line))).toBeLessThan(20_000 * 2 * 0.02);
		const dir = mkdtempSync(join(tmpdir(), 'candor-hostile-'));
		writeFileSync(join(dir, 'offers.md'), source);
		const result = await new Promise<{ code: number; stdout: string }>((done) =>
			execFile(process.execPath, [join(repoRoot, 'integrations/candor/dist/cli/bin.js'), 'audit', dir, '--no-config'], { maxBuffer: 64 << 20 }, (error, stdout) => done({ code: error ? Number(error.code) : 0, stdout })),
		);
		expect(result.code).toBe(1);
		expect(result.stdout).toMatch(/… and 19,8\d\d more offer findings in this file, not listed \(the first 200 of each rule are\)/);
	});

	it('a paragraph with more character references than the parser survives: refused with its reason', () => {
		const source = `Intro.\n\n${'t&#111;day '.repeat(20_000)}\n`;
		const audit = auditPost(source);
		expect(audit.verdict).toBe('error');
		expect(audit.findings[0]).toMatchObject({ ruleId: 'parse-error', line: 3 });
		expect(audit.findings[0]!.message).toContain('character references');
	});

	describe('files that are not UTF-8 text (CLI: exit 2, reason, other files still reported)', () => {
		const dir = mkdtempSync(join(tmpdir(), 'candor-bad-'));
		const random = Buffer.alloc(4096);
		for (let i = 0; i < random.length; i++) random[i] = (i * 2654435761) % 251;
		writeFileSync(join(dir, 'random-bytes.md'), random);
		writeFileSync(join(dir, 'utf16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Sign up today.', 'utf16le')]));
		writeFileSync(join(dir, 'latin1.md'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b, 0x0a]));
		writeFileSync(join(dir, 'fine.md'), 'Retry with jitter, because clocks drift.\n');

		it.each([
			['random-bytes.md', 'the file is binary (it contains NUL bytes), not Markdown text'],
			['utf16.md', 'the file is UTF-16; save it as UTF-8'],
			['latin1.md', 'the file is not valid UTF-8; save it as UTF-8'],
		])('%s', async (name, reason) => {
			const result = await cli(dir);
			expect(result.code).toBe(2);
			const reports = JSON.parse(result.stdout) as Array<{ file: string; verdict: string; findings: Array<{ message: string }> }>;
			expect(reports.find((r) => r.file.endsWith(name))).toMatchObject({ verdict: 'error', findings: [{ message: reason }] });
			expect(reports.find((r) => r.file.endsWith('fine.md'))?.verdict).toBe('pass');
			expect(result.stderr).toContain(`${name}: ${reason}`);
		});
	});
});
