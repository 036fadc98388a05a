/**
 * The build gate's Vite plugin: where a build waits for its audit, and where a failing audit
 * stops the build.
 *
 * Why the audit is not awaited in `astro:build:start`: awaiting it there kept Astro idle for
 * the whole audit. On 1,000 generated posts (500 .md + 500 .mdx, bench/build.mjs) Astro's
 * setup took 9.9 s without Candor and 18.7 s with it (one pair of builds), of which 8.0 s was
 * the audit and 1.6 s the badges, while the Vite build that follows (10–11 s) needs no audit
 * until a page module imports `virtual:astro-candor/audits`. So the audit starts at `astro:build:start` and runs
 * beside Vite's build; it is awaited only where it is first needed: by that virtual module's
 * `load` (a page never reads an audit that is not complete), in `generateBundle` below (the
 * last step of a Vite build before anything is written, before Astro renders any page), and in
 * `astro:build:done` for a build that never ran Vite.
 *
 * What it measured (same site, cold builds, without / awaited / overlapped in turn, 5 rounds, 2
 * cores, load average 1–4.8 from other jobs): medians 21.8 s / 30.5 s / 31.7 s, with ÷ without
 * per round 1.42 awaited and 1.43 overlapped — no gain here. Two cores are already busy with
 * Vite (its plugins on this thread, rolldown's own threads), so the audit slows down beside it
 * (3.7–8.8 s alone, 8.6–17 s overlapped; one worker instead of two did no better), and this
 * thread, which reads the posts and feeds the workers, is shared with Vite. The overlap is kept
 * because it does not lose and a machine with idle cores during Vite's build gains up to the
 * audit's length (not measured here); a faster audit is what helps on two cores.
 *
 * The verdict is thrown from here rather than from an integration hook: Astro introduces an
 * error thrown from a hook as "An unhandled error occurred while running the hook", which reads
 * like a crash, while a Vite build error prints `✗ Build failed` and the `[CandorError]`.
 */
import type { ViteUserConfig } from 'astro';

type Plugin = Extract<NonNullable<ViteUserConfig['plugins']>[number], { name: string }>;

export interface BuildVerdict {
	/** The error that stops the build, once the audit has finished and found one. */
	failure(): Error | undefined;
	/** The running audit's outcome (the error that stops the build, or undefined), once started. */
	verdict(): Promise<Error | undefined> | undefined;
}

export function gateVitePlugin(gate: BuildVerdict): Plugin {
	return {
		name: 'astro-candor:gate',
		apply: 'build',
		buildStart() {
			// The audit finished before this Vite build started: stop before Vite does any work.
			const failure = gate.failure();
			if (failure) throw failure;
		},
		async buildEnd(error) {
			// Vite failed on its own (a post its Markdown pipeline cannot compile, say) while the
			// audit ran: the gate's verdict, which names every such post, comes first, as it did when
			// the audit finished before Vite started.
			if (!error) return;
			const failure = await gate.verdict();
			if (failure) throw failure;
		},
		async generateBundle() {
			const failure = await gate.verdict();
			if (failure) throw failure;
		},
	};
}
