// Preloaded with `node --import` (also through NODE_OPTIONS, so an `astro build` and its worker
// threads run it): appends the URL of every module the process resolves, static or dynamic, to
// the file named by CANDOR_IMPORT_LOG. A test reads that list to see what a real run loaded.
import { appendFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const log = process.env.CANDOR_IMPORT_LOG;
if (log) {
	registerHooks({
		resolve(specifier, context, next) {
			const result = next(specifier, context);
			appendFileSync(log, `${result.url}\n`);
			return result;
		},
	});
}
