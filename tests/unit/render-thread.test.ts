/**
 * Badges and social cards drawn in the render thread are the very images drawn on the calling
 * thread, and a job the thread cannot draw fails with the reason instead of hanging. Runs the
 * built package (the worker is a compiled file).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { badgeContent } from '../../integrations/candor/dist/badge/badge-content.js';
import { renderBadge } from '../../integrations/candor/dist/badge/render-badge.js';
import { renderInThread, stopRenderThread, warmUpRenderThread } from '../../integrations/candor/dist/badge/render-thread.js';
import { renderSocialCard } from '../../integrations/candor/dist/badge/social-card.js';

afterAll(() => stopRenderThread());

const content = badgeContent({ score: 12.5, threshold: 30, verdict: 'pass', sponsorship: { kind: 'sponsored', sponsor: 'Acme <Labs>' } } as never)!;

describe('the render thread', () => {
	it('draws badges byte for byte as the calling thread does, light and dark', async () => {
		warmUpRenderThread();
		for (const variant of ['light', 'dark'] as const) {
			const drawn = await renderInThread({ kind: 'badge', content, variant });
			expect(typeof drawn).toBe('string');
			expect(drawn).toBe(await renderBadge(content, variant));
			expect(drawn).toContain('Acme &lt;Labs&gt;');
		}
	});

	it('draws a social card as the same PNG bytes, returned as a Buffer', async () => {
		const input = { title: 'What we learned running queues at scale', author: 'Ada', site: 'Acme blog', badge: content };
		const drawn = await renderInThread({ kind: 'card', input });
		expect(Buffer.isBuffer(drawn)).toBe(true);
		expect((drawn as Buffer).subarray(1, 4).toString()).toBe('PNG');
		expect(Buffer.compare(drawn as Buffer, await renderSocialCard(input))).toBe(0);
	});

	it('rejects a job it cannot draw with the reason, and draws the next one', async () => {
		await expect(renderInThread({ kind: 'badge', content: { ...content, state: 'no-such-state' as never }, variant: 'light' })).rejects.toThrow(/\S/);
		await expect(renderInThread({ kind: 'badge', content, variant: 'light' })).resolves.toContain('<svg');
	});

	it('draws a job sent while the previous thread is still stopping, in the next one', async () => {
		await renderInThread({ kind: 'badge', content, variant: 'light' });
		const stopping = stopRenderThread();
		const drawn = renderInThread({ kind: 'badge', content, variant: 'dark' });
		await stopping;
		await expect(drawn).resolves.toBe(await renderBadge(content, 'dark'));
	});

	it('starts again after it was stopped', async () => {
		await stopRenderThread();
		await expect(renderInThread({ kind: 'badge', content, variant: 'dark' })).resolves.toBe(await renderBadge(content, 'dark'));
	});
});
