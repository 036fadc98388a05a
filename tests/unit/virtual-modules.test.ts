/**
 * The virtual modules pages import: `virtual:astro-candor/audits` carries every post's summary
 * and waits for the audit; `virtual:astro-candor/policy` carries the policy alone, so the
 * "How we audit" page neither waits for the audit nor bundles every post's summary.
 */
import { describe, expect, it } from 'vitest';
import type { PostAuditSummary } from '../../integrations/candor/src/integration/summary.ts';
import { auditsVitePlugin, POLICY_ID, VIRTUAL_ID } from '../../integrations/candor/src/integration/virtual-module.ts';

const policy = { threshold: 30, auditPage: '/how-we-audit/' };
const post = { path: 'content/blog/launch.md', slug: 'blog/launch', score: 42, verdict: 'fail' } as unknown as PostAuditSummary;

function plugin() {
	let asked = 0;
	const vite = auditsVitePlugin(async () => {
		asked++;
		return [post];
	}, policy, '/tmp/theme.css');
	const call = async (id: string) => {
		const resolved = (vite.resolveId as (id: string) => string | undefined)(id);
		return { resolved, code: resolved === undefined ? undefined : await (vite.load as (id: string) => Promise<string | undefined>)(resolved) };
	};
	return { call, asked: () => asked };
}

describe('the virtual modules', () => {
	it('the policy module holds the policy and no post, without waiting for the audit', async () => {
		const { call, asked } = plugin();
		const { code } = await call(POLICY_ID);
		expect(code).toBe(`export const policy = ${JSON.stringify(policy)};`);
		expect(code).not.toContain('launch');
		expect(asked()).toBe(0);
	});
	it('the audits module holds every post by path, once the audit is in', async () => {
		const { call, asked } = plugin();
		const { code } = await call(VIRTUAL_ID);
		expect(asked()).toBe(1);
		expect(code).toContain('"content/blog/launch.md"');
		expect(code).toContain('export const policy');
		expect(code).toContain('export function getAudit');
	});
	it('gives a page no audit before the audit is complete: loading the module waits for it', async () => {
		let finish!: (summaries: PostAuditSummary[]) => void;
		const running = new Promise<PostAuditSummary[]>((resolve) => (finish = resolve));
		const vite = auditsVitePlugin(() => running, policy, '/tmp/theme.css');
		const resolved = (vite.resolveId as (id: string) => string)(VIRTUAL_ID);
		let code: string | undefined;
		const loading = (vite.load as (id: string) => Promise<string>)(resolved).then((c) => (code = c));
		// The audit is still running: many turns of the event loop later, the module is not there.
		for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
		expect(code).toBeUndefined();
		finish([post]);
		await loading;
		expect(code).toContain('"content/blog/launch.md"');
	});
	it('leaves other modules alone', async () => {
		expect((await plugin().call('virtual:something-else')).resolved).toBeUndefined();
	});
});
