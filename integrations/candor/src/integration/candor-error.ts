import { AstroError } from 'astro/errors';

/**
 * A policy failure: printed by Astro as `[CandorError] message` and its hint, without a
 * stack trace (the stack of a policy decision helps nobody), and the build exits non-zero.
 */
export function candorError(message: string, hint: string): Error {
	const error = new AstroError(message, hint);
	error.name = 'CandorError';
	error.stack = '';
	return error;
}
