// Fallback peak-RSS probe for bench/scale.mjs when /usr/bin/time is missing:
//   node --expose-gc bench/scale-rss.mjs <rss-file> <cli-bin.js> [cli args…]
// Runs the CLI module in this process (as `node <cli-bin.js> [cli args…]` would) and writes
// `process.resourceUsage().maxRSS` (KB) to <rss-file> at exit.

import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [rssFile, bin, ...cliArgs] = process.argv.slice(2);
process.argv = [process.argv[0], bin, ...cliArgs];
process.on('exit', () => {
	writeFileSync(rssFile, `${process.resourceUsage().maxRSS}\n`);
});
await import(pathToFileURL(bin).href);
