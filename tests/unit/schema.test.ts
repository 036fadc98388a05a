import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { candorFrontmatter, SPONSORSHIP_KINDS } from '../../integrations/candor/src/schema.ts';

const post = z.object({ title: z.string(), ...candorFrontmatter });

describe('candor frontmatter schema', () => {
	it('accepts a post with neither block', () => {
		expect(post.parse({ title: 'Plain' })).toEqual({ title: 'Plain' });
	});

	it.each(SPONSORSHIP_KINDS)('accepts sponsorship kind %s', (kind) => {
		const parsed = post.parse({ title: 'T', sponsorship: { kind, sponsor: 'Acme', url: 'https://acme.example/' } });
		expect(parsed.sponsorship?.kind).toBe(kind);
	});

	it('rejects an unknown sponsorship kind and a missing sponsor', () => {
		expect(post.safeParse({ title: 'T', sponsorship: { kind: 'paid', sponsor: 'Acme' } }).success).toBe(false);
		expect(post.safeParse({ title: 'T', sponsorship: { kind: 'sponsored' } }).success).toBe(false);
		expect(post.safeParse({ title: 'T', sponsorship: { kind: 'sponsored', sponsor: '  ' } }).success).toBe(false);
	});

	it('requires threshold and a non-empty public reason together for an exception', () => {
		expect(post.safeParse({ title: 'T', candor: { threshold: 40, reason: 'Release notes for our own product.' } }).success).toBe(true);
		expect(post.safeParse({ title: 'T', candor: { threshold: 40 } }).success).toBe(false);
		expect(post.safeParse({ title: 'T', candor: { reason: 'Launch post.' } }).success).toBe(false);
		const blank = post.safeParse({ title: 'T', candor: { threshold: 40, reason: ' ' } });
		expect(blank.success).toBe(false);
		expect(blank.error?.issues[0]?.message).toBe('a policy exception needs a public `reason` that readers will see');
	});
});
