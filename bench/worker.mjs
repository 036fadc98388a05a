// Runs one contender in a process of its own (clean JIT state, its own peak RSS).
// Usage: node bench/worker.mjs <job.json>   (job: { contender, files, format, warmup, repeats, result })
// Writes { seconds: number[], sum, maxRssBytes, warmupSeconds } to job.result.

import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { contenders } from './contenders.mjs';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const contender = contenders[job.contender];
if (!contender) throw new Error(`unknown contender ${job.contender}`);
const run = await contender.setup({ format: job.format });

const pass = (files) => {
	let sum = 0;
	for (const file of files) sum += run(readFileSync(file, 'utf8'));
	return sum;
};

// Warm-up: let the JIT see the hot paths before the clock starts.
let t = performance.now();
pass(job.files.slice(0, job.warmup));
const warmupSeconds = (performance.now() - t) / 1000;

const seconds = [];
let sum = 0;
for (let r = 0; r < job.repeats; r++) {
	gc();
	t = performance.now();
	sum = pass(job.files);
	seconds.push((performance.now() - t) / 1000);
}

writeFileSync(job.result, JSON.stringify({
	seconds,
	sum,
	warmupSeconds,
	maxRssBytes: process.resourceUsage().maxRSS * 1024,
}));
