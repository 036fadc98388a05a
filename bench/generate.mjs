// Deterministic generator of realistic-looking blog posts for the benchmarks.
//
// Every post is built from its own PRNG stream (derived from `seed` and the post's index), so a
// given (seed, index, format) always yields byte-identical text, whatever `count` is. Posts mix
// expertise-like writing (measurements, steps, trade-offs, admissions) with pitch-like writing
// (offers, urgency, hype, calls to action, self-praise, promotional links) in a share that
// varies from post to post, and use the Markdown constructs a real blog uses: frontmatter,
// headings, paragraphs, bullet and numbered lists, links, inline code, fenced code, blockquotes
// and, sometimes, a GFM table. MDX posts add an ESM export and a JSX element.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast, good enough for test data. */
export function createRng(seed) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min, max) => min + Math.floor(next() * (max - min + 1));
	const pick = (list) => list[Math.floor(next() * list.length)];
	const chance = (p) => next() < p;
	return { next, int, pick, chance };
}

/** Seed of post `index` under run seed `seed` (FNV-1a over both). */
function postSeed(seed, index) {
	let h = 0x811c9dc5;
	for (const n of [seed >>> 0, index >>> 0]) {
		for (let s = 0; s < 32; s += 8) {
			h ^= (n >>> s) & 0xff;
			h = Math.imul(h, 0x01000193) >>> 0;
		}
	}
	return h;
}

// ---------------------------------------------------------------------------------------------
// Word lists (written for this benchmark).

const BRANDS = ['Kestrel', 'Kestrel Systems', 'Kestrel Queue', 'Kestrel Scheduler'];
const OWNED = 'https://kestrel.example';
const EXTERNAL = [
	'https://www.postgresql.org/docs/current', 'https://redis.io/docs', 'https://kafka.apache.org/documentation',
	'https://developer.mozilla.org/en-US/docs/Web', 'https://nodejs.org/api', 'https://prometheus.io/docs',
	'https://sre.google/sre-book', 'https://martinfowler.com/articles', 'https://aws.amazon.com/builders-library',
];
const AUTHORS = ['Mara Okafor', 'Priya Nand', 'Tomasz Wr\u00f3bel', 'Ana Lima', 'Jonas Becker', 'Keiko Sato', 'Sam Adeyemi', 'Lena Fischer'];
const TAGS = ['queues', 'reliability', 'tutorials', 'postgres', 'observability', 'scheduling', 'product', 'releases', 'performance', 'security', 'culture', 'case-studies'];
const TOPICS = [
	'retry storms', 'idempotent handlers', 'dead-letter queues', 'cron drift', 'lease expiry', 'backpressure',
	'exactly-once delivery', 'queue sharding', 'poison messages', 'graceful shutdown', 'rate limiting',
	'job priorities', 'clock skew', 'batch imports', 'webhook fan-out', 'worker autoscaling', 'at-least-once semantics',
	'visibility timeouts', 'connection pooling', 'schema migrations',
];
const COMPONENTS = [
	'worker pool', 'scheduler', 'dead-letter queue', 'lease table', 'connection pool', 'cron trigger', 'rate limiter',
	'webhook dispatcher', 'outbox table', 'heartbeat loop', 'retry policy', 'priority queue', 'consumer group',
	'job runner', 'metrics exporter', 'migration script', 'health check', 'load balancer', 'ack handler', 'sweeper process',
];
const METRICS = [
	'queue depth', 'p99 latency', 'retry rate', 'lock contention', 'throughput', 'error rate', 'lease renewals',
	'median wait time', 'CPU time per job', 'memory per worker', 'rows scanned', 'context switches', 'GC pauses',
];
const TOOLS = ['Postgres', 'Redis', 'Kafka', 'systemd', 'Prometheus', 'pgbench', 'k6', 'strace', 'perf', 'Grafana', 'SQLite', 'NATS', 'Node.js', 'Go'];
const CONFIG_KEYS = ['maxAttempts', 'visibilityTimeout', 'backoff.base', 'lease.ttl', 'concurrency', 'batchSize', 'shutdownGrace', 'pollInterval', 'prefetch', 'retention.days'];
const COMMANDS = ['EXPLAIN ANALYZE', 'pg_stat_activity', 'kestrel status --verbose', 'journalctl -u worker', 'redis-cli INFO', 'ss -tanp', 'top -H', 'kubectl top pods', 'vmstat 1', 'lsof -p'];
const UNITS = ['milliseconds', 'seconds', 'minutes'];
const THINGS = ['jobs', 'messages', 'requests', 'rows', 'tenants', 'workers', 'events', 'batches', 'connections'];
const FAIL_VERBS = ['times out', 'crashes mid-job', 'loses its lease', 'falls behind', 'is restarted', 'runs out of connections', 'stalls on a lock'];
const CONSEQUENCES = [
	'the same job can run twice', 'the backlog grows faster than it drains', 'retries arrive in synchronised waves',
	'a single slow tenant delays everyone else', 'the database sees a burst of identical queries', 'alerts fire long after the cause is gone',
	'workers spend most of their time waiting', 'memory climbs until the process is killed',
];
const BENEFITS = [
	'retries become harmless', 'the queue drains in a predictable time', 'you can deploy without draining workers',
	'each tenant gets a fair share', 'the hot path does one round trip instead of three', 'failures stay visible in one place',
];
const COSTS = [
	'every handler needs a unique key', 'you pay for an extra index', 'latency rises by a few milliseconds',
	'the code is harder to read', 'you have to run a sweeper', 'the first deploy needs a migration', 'small jobs wait longer',
];
const GOALS = [
	'find a stuck job', 'cut retry traffic', 'make a handler idempotent', 'size a worker pool', 'shut down cleanly',
	'spread cron jobs over the hour', 'trace a duplicate email', 'measure queue latency', 'roll back a bad release',
];
const STEPS = [
	'record the job key before the side effect', 'add jitter to every retry delay', 'cap concurrency per tenant',
	'log the attempt number with each failure', 'move long work into a child job', 'renew the lease at a third of its TTL',
	'check the dead-letter queue daily', 'write the outbox row in the same transaction', 'alert on queue age rather than depth',
	'replay one message locally before touching production',
];
const MISTAKES = [
	'we retried on every HTTP 4xx', 'our lease was shorter than the slowest job', 'we trusted wall-clock time across hosts',
	'we let one tenant enqueue a million jobs at once', 'the sweeper and the worker raced on the same row', 'we shipped without a kill switch',
];
const FIXES = [
	'the fix was a one-line filter', 'we now renew leases in the background', 'we switched to monotonic clocks',
	'each tenant now has a quota', 'the update became a compare-and-set', 'every rollout now starts at one percent',
];
const ALTERNATIVES = ['a plain cron job', 'a Postgres advisory lock', 'a Redis stream', 'a managed queue from your cloud provider', 'a simple outbox poller', 'doing the work inline'];
const CONDITIONS = ['traffic is low and steady', 'you already run Postgres', 'jobs finish in under a second', 'ordering matters more than throughput', 'you cannot add infrastructure', 'the team is small'];
const REASONS = [
	'the broker only promises at-least-once delivery', 'two workers can hold the same stale snapshot', 'network partitions heal in any order',
	'clocks on different hosts drift apart', 'a retry is indistinguishable from a first attempt', 'the database serialises writes to one row',
];

const SUPERLATIVES = ['best', 'fastest', 'most powerful', 'most trusted', 'only', 'most advanced', 'leading', 'ultimate'];
const CATEGORIES = ['job queue', 'scheduling platform', 'workflow engine', 'background-job solution', 'reliability suite', 'task orchestration tool'];
const PITCH_BENEFITS = ['never worry about failed jobs again', 'ship ten times faster', 'cut your cloud bill in half', 'delight your customers', 'scale without limits', 'sleep through the night'];
const PLANS = ['annual', 'Pro', 'Team', 'Enterprise', 'Growth'];
const DEADLINES = ['Friday', 'the end of the month', 'midnight tonight', 'this weekend', 'June 30'];
const HYPE_ADJ = ['revolutionary', 'game-changing', 'cutting-edge', 'world-class', 'next-generation', 'blazing-fast', 'industry-leading'];
const TRANSFORM = ['transform', 'revolutionise', 'supercharge', 'reinvent', 'turbocharge'];
const SLOGANS = ['Buy now, thank us later', 'The only queue you will ever need', 'Limited time: 50% off', 'Join the revolution', 'Unlock your potential today'];
const LANGS = ['ts', 'sh', 'sql', 'yaml', 'js'];
const IDENTS = ['job', 'lease', 'attempt', 'tenant', 'queue', 'payload', 'worker', 'delay', 'key', 'result', 'batch', 'row'];

// ---------------------------------------------------------------------------------------------

function capitalise(s) {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

function slugify(s) {
	return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function makeWriter(rng, pitchShare) {
	const { pick, int, chance } = rng;
	const brand = () => pick(BRANDS);
	const extLink = (text) => `[${text}](${pick(EXTERNAL)}/${slugify(pick(TOPICS))})`;
	const ownLink = (text) => `[${text}](/blog/${slugify(pick(TOPICS))}/)`;
	const code = (s) => '`' + s + '`';

	const expertise = [
		() => `When the ${pick(COMPONENTS)} ${pick(FAIL_VERBS)}, the job is retried after ${int(2, 900)} ${pick(UNITS)}, so ${pick(CONSEQUENCES)}.`,
		() => `We measured ${pick(METRICS)} across ${int(3, 5000)} ${pick(THINGS)} and the p99 stayed under ${int(4, 400)} ms.`,
		() => `Set ${code(pick(CONFIG_KEYS))} to ${int(1, 64)} if your ${pick(COMPONENTS)} handles more than ${int(10, 9000)} ${pick(THINGS)} per second.`,
		() => `The trade-off is that ${pick(BENEFITS)}, but ${pick(COSTS)}.`,
		() => `If you run ${pick(TOOLS)}, check ${code(pick(COMMANDS))} first; it shows which ${pick(COMPONENTS)} is waiting.`,
		() => `Because ${pick(REASONS)}, ${pick(CONSEQUENCES)} unless you ${pick(STEPS)}.`,
		() => `In our tests ${pick(TOOLS)} took ${int(2, 90)} seconds to ${pick(GOALS)}, compared with ${int(2, 90)} seconds for ${pick(TOOLS)}.`,
		() => `We got this wrong in ${pick(['January', 'March', 'May', 'August', 'October', 'December'])}: ${pick(MISTAKES)}, and ${pick(FIXES)}.`,
		() => `An alternative is ${pick(ALTERNATIVES)}, which works better when ${pick(CONDITIONS)}.`,
		() => `To ${pick(GOALS)}, first ${pick(STEPS)}, then ${pick(STEPS)}.`,
		() => `The ${extLink(`${pick(TOOLS)} documentation`)} explains why ${pick(REASONS)}.`,
		() => `Slogans like "${pick(SLOGANS)}" do not help anyone ${pick(GOALS)}, and readers can tell.`,
		() => `A ${pick(COMPONENTS)} with ${code(`${pick(CONFIG_KEYS)}: ${int(1, 500)}`)} kept ${pick(METRICS)} flat during the ${int(2, 48)}-hour soak test.`,
		() => `${capitalise(pick(ALTERNATIVES))} is fine when ${pick(CONDITIONS)}; we only reached for a ${pick(COMPONENTS)} later.`,
		() => `Our earlier post on ${ownLink(pick(TOPICS))} covers the ${pick(COMPONENTS)} in more depth.`,
		() => `You can ${pick(STEPS)} in about ${int(5, 60)} lines, and the example below does exactly that.`,
		() => `None of this is specific to ${brand()}: any queue that retries needs the same care.`,
	];
	const pitch = [
		() => `${brand()} is the ${pick(SUPERLATIVES)} ${pick(CATEGORIES)} on the market.`,
		() => `Start your free trial of ${brand()} today and ${pick(PITCH_BENEFITS)}!`,
		() => `For a limited time, get ${int(10, 60)}% off every ${pick(PLANS)} plan.`,
		() => `Thousands of teams already trust ${brand()} to ${pick(GOALS)}.`,
		() => `Don't miss out: [sign up now](${OWNED}/signup?ref=${slugify(pick(TOPICS))}) before ${pick(DEADLINES)}.`,
		() => `Our ${pick(HYPE_ADJ)} platform will ${pick(TRANSFORM)} the way you ${pick(GOALS)}.`,
		() => `Book a demo with our sales team before ${pick(DEADLINES)} and ${pick(PITCH_BENEFITS)}.`,
		() => `${brand()} delivers ${int(2, 50)}x better ${pick(METRICS)} than any competitor, guaranteed.`,
		() => `Join ${int(2, 90)},000 happy customers who switched to ${brand()} this year.`,
		() => `Act now, because this ${pick(PLANS)} offer ends ${pick(DEADLINES)}.`,
		() => `With ${brand()}, you will ${pick(PITCH_BENEFITS)} and never look back.`,
		() => `Upgrade to ${brand()} ${pick(PLANS)} and unlock ${pick(HYPE_ADJ)} features instantly.`,
	];

	let last = '';
	const sentence = () => {
		// Never the same sentence twice in a row.
		let s;
		do s = (chance(pitchShare) ? pick(pitch) : pick(expertise))();
		while (s === last);
		return (last = s);
	};
	const paragraph = () => Array.from({ length: int(3, 6) }, sentence).join(' ');
	const heading = () => pick([
		() => `How the ${pick(COMPONENTS)} handles ${pick(TOPICS)}`,
		() => `${capitalise(pick(GOALS))}`,
		() => `What we measured`,
		() => `Trade-offs of ${pick(ALTERNATIVES)}`,
		() => `Why ${pick(REASONS)}`,
		() => `${capitalise(pick(SUPERLATIVES))} ${pick(CATEGORIES)} for ${pick(TOPICS)}`,
		() => `Step ${int(1, 9)}: ${pick(STEPS)}`,
	])();
	const list = (ordered) => {
		const n = int(3, 6);
		return Array.from({ length: n }, (_, i) => {
			const item = chance(0.5) ? capitalise(pick(STEPS)) + '.' : sentence();
			return `${ordered ? `${i + 1}.` : '-'} ${item}`;
		}).join('\n');
	};
	const codeBlock = () => {
		const lang = pick(LANGS);
		const lines = [];
		const n = int(4, 12);
		for (let i = 0; i < n; i++) {
			const a = pick(IDENTS);
			const b = pick(IDENTS);
			switch (lang) {
				case 'sql':
					lines.push(`SELECT ${a}_id, ${b}_at FROM ${pick(IDENTS)}s WHERE ${a}_id = $${i + 1} FOR UPDATE SKIP LOCKED;`);
					break;
				case 'sh':
					lines.push(`${pick(['kestrel', 'psql', 'curl -s', 'redis-cli', 'kubectl'])} ${pick(['get', 'status', 'drain', 'retry', 'logs'])} --${a} ${int(1, 999)}`);
					break;
				case 'yaml':
					lines.push(`${'  '.repeat(i % 3)}${a}_${b}: ${int(1, 5000)}`);
					break;
				default:
					lines.push(`${i % 3 ? '  ' : ''}const ${a}${capitalise(b)} = await ${pick(IDENTS)}.${pick(['claim', 'renew', 'ack', 'retry', 'fetch'])}(${b}, { ${pick(CONFIG_KEYS).replace('.', '_')}: ${int(1, 900)} });`);
			}
		}
		return '```' + lang + '\n' + lines.join('\n') + '\n```';
	};
	const blockquote = () => {
		const body = chance(0.4)
			? `"${pick(SLOGANS)}" is what the old landing page said. ${pick(expertise)()}`
			: `${sentence()} ${sentence()}`;
		return `> ${body}\n>\n> \u2014 ${pick(AUTHORS)}`;
	};
	const table = () => {
		const rows = Array.from({ length: int(3, 5) }, () =>
			`| ${code(pick(CONFIG_KEYS))} | ${int(1, 600)} | ${capitalise(pick(CONDITIONS))} |`);
		return ['| Setting | Default | When to change it |', '| --- | ---: | --- |', ...rows].join('\n');
	};
	return { sentence, paragraph, heading, list, codeBlock, blockquote, table };
}

const countWords = (s) => {
	const t = s.trim();
	return t ? t.split(/\s+/).length : 0;
};

/**
 * Generates the text of post `index`.
 * @returns {{ slug: string, text: string, words: number, pitchShare: number }}
 */
export function generatePost({ index, seed = 1, format = 'md', words = 1000 }) {
	const rng = createRng(postSeed(seed, index));
	const { pick, int, chance, next } = rng;
	// Most posts are mostly expertise; a tail is heavily promotional.
	const r = next();
	const pitchShare = r < 0.55 ? next() * 0.12 : r < 0.85 ? 0.12 + next() * 0.25 : 0.4 + next() * 0.45;
	const w = makeWriter(rng, pitchShare);
	const topic = pick(TOPICS);
	const title = `${capitalise(pick(['a field guide to', 'what we learned about', 'debugging', 'notes on', 'rethinking', 'the cost of']))} ${topic}`;
	const slug = `${String(index + 1).padStart(5, '0')}-${slugify(title)}`;
	const date = new Date(Date.UTC(2023, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
	const tags = [...new Set(Array.from({ length: int(2, 3) }, () => pick(TAGS)))];
	const front = [
		'---',
		`title: ${JSON.stringify(title)}`,
		`description: ${JSON.stringify(w.sentence())}`,
		`pubDate: ${date}`,
		`author: ${JSON.stringify(pick(AUTHORS))}`,
		`tags: ${JSON.stringify(tags)}`,
		'---',
	].join('\n');

	const blocks = [];
	if (format === 'mdx') blocks.push(`export const readingMinutes = ${int(3, 9)};`);
	blocks.push(w.paragraph());
	let total = countWords(front) + blocks.reduce((n, b) => n + countWords(b), 0);
	let sinceHeading = 99;
	let tables = 0;
	let jsx = 0;
	const target = Math.round(words * (0.9 + next() * 0.2));
	while (total < target) {
		let block;
		if (sinceHeading >= int(2, 5)) {
			block = `## ${w.heading()}`;
			sinceHeading = 0;
		} else {
			const k = next();
			if (k < 0.52) block = w.paragraph();
			else if (k < 0.64) block = w.list(false);
			else if (k < 0.71) block = w.list(true);
			else if (k < 0.81) block = w.codeBlock();
			else if (k < 0.89) block = w.blockquote();
			else if (k < 0.93 && tables === 0 && chance(0.5)) { block = w.table(); tables++; }
			else if (format === 'mdx' && jsx < 2 && chance(0.5)) {
				block = `<aside class="note">\n\n${w.paragraph()}\n\n</aside>`;
				jsx++;
			} else block = w.paragraph();
			sinceHeading++;
		}
		blocks.push(block);
		total += countWords(block);
	}
	const text = `${front}\n\n${blocks.join('\n\n')}\n`;
	return { slug, text, words: total, pitchShare };
}

/**
 * Writes `count` posts into `dir` (emptied first) and returns what it wrote.
 * @param {{ count: number, dir: string, format?: 'md'|'mdx', seed?: number, words?: number }} options
 * @returns {{ dir: string, format: string, files: string[], bytes: number, words: number }}
 */
export function generatePosts({ count, dir, format = 'md', seed = 1, words = 1000 }) {
	if (format !== 'md' && format !== 'mdx') throw new Error(`generatePosts: format must be 'md' or 'mdx', not ${format}`);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const files = [];
	let bytes = 0;
	let totalWords = 0;
	for (let index = 0; index < count; index++) {
		const post = generatePost({ index, seed, format, words });
		const file = join(dir, `${post.slug}.${format}`);
		writeFileSync(file, post.text);
		files.push(file);
		bytes += Buffer.byteLength(post.text);
		totalWords += post.words;
	}
	return { dir, format, files, bytes, words: totalWords };
}
