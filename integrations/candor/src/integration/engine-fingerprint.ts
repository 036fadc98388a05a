/**
 * A hash of the audit engine's own code (the compiled `core/` folder): part of every cache
 * key, so a new engine, or a rule edited without a version bump, never reuses old verdicts.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

let fingerprint: string | undefined;

export function engineFingerprint(): string {
	if (fingerprint) return fingerprint;
	const hash = createHash('sha256');
	const core = fileURLToPath(new URL('../core/', import.meta.url));
	for (const file of readdirSync(core, { recursive: true, encoding: 'utf8' }).filter((f) => /\.[cm]?[jt]s$/.test(f)).sort()) {
		hash.update(file).update(readFileSync(join(core, file)));
	}
	fingerprint = hash.digest('hex').slice(0, 16);
	return fingerprint;
}
