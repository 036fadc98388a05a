/**
 * The shipped scorer's judgement on writing a user would bring: short promotional messages,
 * essays that take marketing apart, ordinary technical English that a phrase list got wrong,
 * and our own evaluation set as a regression check. All examples are ours.
 */
import { describe, expect, it } from 'vitest';
import { auc } from '../../scripts/model/metrics.mjs';
import { builtinRules, createAuditor, DEFAULT_THRESHOLD } from '../../integrations/candor/src/core/index.ts';
import { scoreFeatures } from '../../integrations/candor/src/core/model/scorer.ts';
import { shippedModel } from '../../integrations/candor/src/core/model/shipped.ts';
import { readEvalSet, siteOptions } from '../eval/eval-set.mjs';

const auditor = createAuditor({ brand: ['Kestrel'], ownedDomains: ['kestrel.example'] });
const audit = (text: string) => auditor.audit(text, 'md');

describe('short messages', () => {
	const promotional = [
		'URGENT! Your prize is waiting. Call now to claim it before midnight.',
		'Congratulations! You have been selected to receive a $500 gift card. Reply YES to claim.',
		'Use code SPRING25 for 25% off everything. Offer ends Sunday!',
		'Last chance: register today and save 40% on your annual plan.',
		'FREE entry to win a new phone! Text WIN to 80000 now.',
		'Limited time only: buy one, get one free. Shop now!',
	];
	const ordinary = [
		'Are we still meeting at six? I will bring the charger you left here.',
		'The train is delayed by twenty minutes, start without me.',
		'Can you send me the notes from the Tuesday lecture when you get a chance?',
		'I fixed the leak under the sink, but the pipe still needs a new washer.',
		'Thanks for yesterday, the hike was lovely even with the rain.',
		'The cache keeps forty entries per shard.',
		'Some intro.',
	];
	it.each(promotional)('scores as pitch: %s', (text) => {
		const result = audit(text);
		expect(result.score).toBeGreaterThan(DEFAULT_THRESHOLD);
		expect(result.verdict).toBe('fail');
	});
	it.each(ordinary)('does not score as pitch: %s', (text) => {
		const result = audit(text);
		expect(result.score).toBeLessThanOrEqual(DEFAULT_THRESHOLD);
		expect(result.verdict).toBe('pass');
	});
});

describe('mention is not use', () => {
	const essays = [
		`---
title: Why "revolutionary" tells a reader nothing
---

Every vendor page we read last month promised a "revolutionary, best-in-class platform" and told us to "act now". None of them said what the product does or what it costs to run.

Phrases like "unlock the full potential of your team" are what readers learn to skip. When we rewrote our documentation we deleted every superlative and put a measurement in its place: the query takes 40 ms on a laptop with a cold cache, which tells a reader more than "blazing fast" ever could.

Don't tell people to "sign up today". Show them the command that solves their problem, explain why it works and say where it stops working. A reader who learns something comes back; a reader who is pitched at does not.
`,
		`---
title: What the spam folder taught us about writing
---

We collected the subject lines of two hundred unsolicited emails to see what they had in common.

> Limited time offer! Claim your exclusive discount before it expires!

Lines like the one above share three habits: urgency without a reason, a reward without a price and an imperative without a subject. None of these habits explains anything, which is why filters find them so easily.

The lesson for a technical blog is simple. If a sentence would still make sense in a spam email, it probably does not belong in a post that is meant to teach. Replace it with the number, the trade-off or the failure you actually saw.
`,
	];
	it.each(essays)('an essay that quotes hype to take it apart passes (%#)', (text) => {
		const result = audit(text);
		expect(result.verdict).toBe('pass');
		expect(result.score).toBeLessThanOrEqual(DEFAULT_THRESHOLD);
	});
});

describe('ordinary technical English', () => {
	const post = `---
title: Rewriting history without fear
---

Hi everyone, and thanks for all the questions after the last post!

Rebasing felt a bit magical to me when I started, so this post walks through what git actually does. The magic of git is mostly bookkeeping: every commit points at its parent, and a rebase replays your commits onto a new parent one at a time.

Run \`git rebase -i HEAD~3\` and git opens an editor with your last three commits. Mark a commit with \`squash\` and git folds it into the one above. The whole thing works effortlessly once you know that nothing is deleted: the old commits stay in the reflog for ninety days.

The documentation puts it like this:

> It is awesome how much you can fix with the reflog.

If you lose work, \`git reflog\` shows where HEAD has been, and \`git reset --hard\` moves you back. Switching branches afterwards is seamless because the working tree is clean.

If something here is wrong, don't hesitate to open an issue. Thank you for reading, and happy rebasing!
`;
	it('a tutorial written in friendly English passes', () => {
		const result = audit(post);
		expect(result.verdict, JSON.stringify(result.findings, null, 1)).toBe('pass');
	});
	// Still flagged by the learned scorer (README, known limits): the greeting with its "!", the
	// thank-you sign-off and "don't hesitate to open an issue" read like the community posts
	// the corpus labels promotional. The post as a whole passes.
	it.each(['a bit magical to me', 'The magic of git', 'works effortlessly', 'is seamless', 'It is awesome'])(
		'does not flag “%s”',
		(phrase) => {
			const result = audit(post);
			const sentence = result.sentences.find((s) => s.text.includes(phrase))!;
			expect(sentence, phrase).toBeDefined();
			expect(result.findings.filter((f) => !f.suppressed && f.line === sentence.line && f.family !== 'code')).toEqual([]);
		},
	);
	it('“Start using <Product> now.” is a call to action, wherever its link goes', () => {
		const result = audit(`Caching the lockfile cut our CI time from nine minutes to four.\n\nStart using [Kestrel](https://github.com/kestrel/kestrel) now.\n`);
		expect(result.findings.map((f) => [f.ruleId, f.line])).toContainEqual(['call-to-action', 3]);
	});
});

describe('explanations add up', () => {
	const pitch = `---
title: Announcing Kestrel Cloud
---

We are thrilled to announce Kestrel Cloud, our most powerful release yet, available today for every customer.

Teams around the world trust Kestrel to accelerate their growth. Sign up today and get 30% off your first year!

Under the hood, each region runs three replicas behind a load balancer.
`;
	it('the score is the sum of the sentences’ contributions', () => {
		const result = audit(pitch);
		const sum = result.sentences.reduce((total, s) => total + s.contribution, 0);
		expect(Math.abs(sum - result.score)).toBeLessThan(0.05 * result.sentences.length + 0.1);
		expect(result.verdict).toBe('fail');
	});
	it('every pitch sentence is a finding with a position, a documented rule, a message and the passage', () => {
		const result = audit(pitch);
		const documented = new Set(builtinRules.map((r) => r.id));
		const pitchSentences = result.sentences.filter((s) => s.label === 'pitch');
		expect(pitchSentences.length).toBeGreaterThan(0);
		for (const sentence of pitchSentences) {
			const own = result.findings.filter((f) => f.line >= sentence.line && f.line <= sentence.endLine);
			expect(own.length, sentence.text).toBeGreaterThan(0);
			for (const f of own) {
				expect(documented.has(f.ruleId), f.ruleId).toBe(true);
				expect(f.message.length).toBeGreaterThan(10);
				expect(f.excerpt.length).toBeGreaterThan(5);
				expect(f.line).toBeGreaterThan(0);
				expect(f.column).toBeGreaterThan(0);
			}
		}
	});
	it('a passage only the model saw names the cues that weighed most', () => {
		const result = audit('Kestrel is proud to announce that the company has been named a leader in observability for the third year in a row.\n');
		const finding = result.findings.find((f) => f.ruleId === 'announcement' || f.ruleId === 'promotional-language' || f.ruleId === 'self-focus');
		expect(finding, JSON.stringify(result.findings)).toBeDefined();
		expect(finding!.message).toMatch(/Weighed most: /);
	});
	it('suppressing a model finding takes its sentence out of the score, and it stays listed', () => {
		const text = 'Kestrel is proud to announce that the company has been named a leader in observability for the third year in a row.\n';
		const plain = audit(text);
		const ruleId = plain.findings[0]!.ruleId;
		const suppressed = audit(`<!-- candor-disable-next-line ${ruleId} -- the award is the news -->\n${text}`);
		expect(suppressed.findings.some((f) => f.ruleId === ruleId && f.suppressed)).toBe(true);
		expect(suppressed.score).toBeLessThan(plain.score);
	});
	it('is deterministic', () => {
		expect(JSON.stringify(audit(pitch))).toBe(JSON.stringify(createAuditor({ brand: ['Kestrel'], ownedDomains: ['kestrel.example'] }).audit(pitch, 'md')));
	});
});

describe('the opening', () => {
	// Announcement framing where a post says what it is about weighs more than the same words
	// after a hundred and fifty words of teaching (the model's `L:` features).
	const announcement = 'We are excited to announce that the new scheduler is available today.';
	const teaching = [
		'Each worker pulls one job from the queue, runs it, and writes the result to the log before it takes the next.',
		'When a job fails, the worker puts it back with a delay that doubles on every attempt, capped at ten minutes.',
		'Because clocks drift between machines, the delay is measured on the worker that ran the job, not on the queue.',
		'A job that fails five times moves to a separate list, where someone reads its log before it is retried by hand.',
		'The queue itself is a table with one row per job and an index on the time the job becomes ready to run.',
		'Workers claim a row by updating it in one statement, so two workers never run the same job at the same time.',
		'If a worker dies while it holds a job, the claim expires after a minute and another worker picks the job up.',
		'This means a job can run twice, so every job we write checks whether its work was already done before it starts.',
	].join(' ');
	const sentenceOf = (result: ReturnType<typeof audit>) => result.sentences.find((s) => s.text.startsWith('We are excited'))!;
	it('names the opening among the cues of an announcement that opens a post, and only there', () => {
		const first = audit(`${announcement}\n\n${teaching}\n`);
		const last = audit(`${teaching}\n\n${announcement}\n`);
		expect(sentenceOf(first).label).toBe('pitch');
		expect(sentenceOf(first).confidence).toBeGreaterThanOrEqual(sentenceOf(last).confidence);
		expect(first.findings.some((f) => f.line === 1 && /in the opening/.test(f.message)), JSON.stringify(first.findings)).toBe(true);
		expect(last.findings.some((f) => /in the opening/.test(f.message))).toBe(false);
	});
});

describe('how a sentence counts (the scorer on features we choose)', () => {
	const model = {
		...shippedModel(),
		bias: 0,
		weights: new Map([['w:plain', 0.02], ['w:also', 0.02], ['w:pitchy', 0.6]]),
		features: undefined,
		minSentenceLean: 0,
		minCue: 0.03,
		pitchProbability: 0.5,
	};
	const flags = [0, 1].map((group) => ({ mention: false, suppressed: false, group }));
	const post = [
		{ features: ['w:plain', 'w:also'], words: 10 },
		{ features: ['w:pitchy'], words: 10 },
	];
	it('a sentence whose own words lean to pitch only faintly is no pitch: it names no cue that weighs', () => {
		const [plain, pitchy] = scoreFeatures(model, post, flags).sentences;
		expect(plain!.probability).toBeGreaterThanOrEqual(0.5);
		expect(plain!.pitch).toBe(false);
		expect(pitchy!.pitch).toBe(true);
		// Without the cue floor the same faint sentence would count.
		expect(scoreFeatures({ ...model, minCue: 0 }, post, flags).sentences[0]!.pitch).toBe(true);
	});
	it('a sentence the model is barely sure of is no pitch under the shipped model (from 0.6 up)', () => {
		expect(shippedModel().pitchProbability).toBe(0.6);
		const faint = [{ features: ['w:pitchy'], words: 10 }];
		const one = [flags[0]!];
		const probability = scoreFeatures({ ...model, weights: new Map([['w:pitchy', 0.04]]) }, faint, one).sentences[0]!.probability;
		expect(probability).toBeGreaterThan(0.5);
		expect(probability).toBeLessThan(0.6);
		expect(scoreFeatures({ ...model, weights: new Map([['w:pitchy', 0.04]]) }, faint, one).sentences[0]!.pitch).toBe(true);
		expect(scoreFeatures({ ...model, weights: new Map([['w:pitchy', 0.04]]), pitchProbability: 0.6 }, faint, one).sentences[0]!.pitch).toBe(false);
	});
	it('a pitch sentence adds its share of the words times 2p − 1, and the score is their sum', () => {
		const scored = scoreFeatures(model, post, flags);
		const pitchy = scored.sentences[1]!;
		// (the probability is reported to four decimals)
		expect(pitchy.contribution).toBeCloseTo((100 * 10 * (2 * pitchy.probability - 1)) / 20, 1);
		expect(pitchy.contribution).toBeLessThan((100 * 10 * pitchy.probability) / 20);
		expect(scored.score).toBeCloseTo(pitchy.contribution, 1);
	});
});

describe('our own evaluation set (regression check)', () => {
	const set = readEvalSet();
	it('scores every post exactly as training and evaluation do (the fast lookup path equals the named features)', () => {
		for (const { file, source, format } of set) {
			const engine = createAuditor({ brand: ['Kestrel'] });
			const input = engine.modelInput(source, format)!;
			expect(scoreFeatures(shippedModel(), input.features, input.flags).score, file).toBe(engine.audit(source, format).score);
		}
	});
	it('counts a sentence of the set as pitch only when one of its own cues weighs', () => {
		const model = shippedModel();
		expect(model.minCue).toBeGreaterThan(0);
		let pitch = 0;
		for (const { file, source, format, meta } of set) {
			const engine = createAuditor(siteOptions(meta));
			const input = engine.modelInput(source, format)!;
			const scored = scoreFeatures(model, input.features, input.flags);
			scored.sentences.forEach((sentence, i) => {
				if (!sentence.pitch) return;
				pitch++;
				expect(sentence.cues[0]!.weight, `${file}, sentence ${i}`).toBeGreaterThanOrEqual(model.minCue!);
			});
		}
		expect(pitch).toBeGreaterThan(100);
	});
	// The issue asks 0.95; the shipped scorer reaches 0.983 on this set (the phrase rules alone
	// were tuned on it to 0.994). It guards explanations and mention-not-use, not generalisation.
	it('keeps a ROC AUC of at least 0.95', () => {
		const posts = set.map(({ source, format, meta }) => ({ label: meta.label as string, score: createAuditor(siteOptions(meta)).audit(source, format).score }));
		expect(auc(posts, (p) => p.score, (p) => p.label === 'pitch')).toBeGreaterThanOrEqual(0.95);
	});
});
