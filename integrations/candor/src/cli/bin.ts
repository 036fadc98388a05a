#!/usr/bin/env node
import { once } from 'node:events';
import { runCli } from './audit-command.js';

// A reader that stops early (`candor audit … | head`) closes the pipe: that is not an error of
// Candor's or of the user's posts, so stop quietly instead of printing a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
	throw error;
});

runCli(process.argv.slice(2), {
	cwd: process.cwd(),
	// Waits for a full pipe to drain, so a slow reader does not make the output pile up in memory.
	stdout: (text) => (process.stdout.write(text) ? undefined : once(process.stdout, 'drain').then(() => undefined)),
	stderr: (text) => {
		process.stderr.write(text);
	},
}).then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		if ((error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE') process.exit(process.exitCode ?? 0);
		// A bug in Candor, not in the user's files: say so plainly, with the stack for the report.
		process.stderr.write(`candor: internal error, please report it: ${error instanceof Error ? error.stack : String(error)}\n`);
		process.exitCode = 2;
	},
);
