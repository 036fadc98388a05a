/**
 * Runs the real Astro CLI on a copy of a fixture site, so tests never write into the
 * repository's fixtures and can run side by side.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const astroBin = join(repoRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
const tmpRoot = join(repoRoot, 'tests', '.tmp');

/** The environment of a real Astro run: the test runner's own variables (NODE_ENV=test, VITEST…) left out. */
function astroEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...extra };
	for (const key of Object.keys(env)) if (key === 'NODE_ENV' || key.startsWith('VITEST') || key === 'TEST') delete env[key];
	return env;
}

export interface RunResult {
	code: number;
	stdout: string;
	stderr: string;
	output: string;
}

/** Copies `tests/fixtures/<name>` to a fresh folder under `tests/.tmp` (inside the repo, so packages resolve). */
export async function copyFixture(name: string): Promise<string> {
	await mkdir(tmpRoot, { recursive: true });
	const dir = await mkdtemp(join(tmpRoot, `${name}-`));
	await cp(join(repoRoot, 'tests', 'fixtures', name), dir, {
		recursive: true,
		filter: (src) => !/[/\\](dist|\.astro|node_modules)$/.test(src),
	});
	return dir;
}

export async function removeDir(dir: string): Promise<void> {
	await rm(dir, { recursive: true, force: true });
}

/** `astro <args>` in `root` with the Node that runs the tests (Node 22 from the devDependency). */
export function runAstro(root: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
	return new Promise((done) => {
		execFile(
			process.execPath,
			[astroBin, ...args, '--root', root],
			{ cwd: root, env: astroEnv(env), maxBuffer: 64 << 20 },
			(error, stdout, stderr) => {
				const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
				done({ code, stdout, stderr, output: stdout + stderr });
			},
		);
	});
}

/** Starts `astro preview` or `astro dev` and resolves with its URL once it listens. */
export async function startServer(
	root: string,
	command: 'preview' | 'dev',
	port: number,
	extraArgs: string[] = [],
): Promise<{ url: string; stop: () => Promise<void>; output: () => string }> {
	const child: ChildProcess = spawn(
		process.execPath,
		[astroBin, command, '--root', root, '--port', String(port), '--host', '127.0.0.1', ...extraArgs],
		{ cwd: root, env: astroEnv(), stdio: 'pipe' },
	);
	let log = '';
	child.stdout?.on('data', (chunk) => (log += chunk));
	child.stderr?.on('data', (chunk) => (log += chunk));
	const url = `http://127.0.0.1:${port}`;
	const stop = () =>
		new Promise<void>((done) => {
			if (child.exitCode !== null) return done();
			child.once('exit', () => done());
			child.kill('SIGTERM');
		});
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`astro ${command} exited early:\n${log}`);
		try {
			const response = await fetch(url);
			if (response.status < 500) return { url, stop, output: () => log };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	await stop();
	throw new Error(`astro ${command} did not start within 60 s:\n${log}`);
}

