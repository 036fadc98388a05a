/** The render thread (render-thread.ts): draws one badge or social card per message. */
import { parentPort } from 'node:worker_threads';
import { runInBackground } from '../pool/background-thread.js';
import { renderBadge } from './render-badge.js';
import type { RenderJob, RenderReply } from './render-thread.js';
import { renderSocialCard } from './social-card.js';

runInBackground(); // it draws while Astro builds: Astro's threads come first
parentPort!.on('message', async (job: RenderJob & { id: number }) => {
	let reply: RenderReply;
	try {
		if (job.kind === 'warm-up') {
			await renderBadge({ state: 'expertise-first', text: 'Expertise-first · 0% promotional', alt: 'warm-up' }, 'light');
			return;
		}
		const image = job.kind === 'badge' ? await renderBadge(job.content, job.variant) : await renderSocialCard(job.input);
		reply = { id: job.id, ok: true, image };
	} catch (error) {
		reply = { id: job.id, ok: false, message: error instanceof Error ? error.message : String(error) };
	}
	parentPort!.postMessage(reply);
});
