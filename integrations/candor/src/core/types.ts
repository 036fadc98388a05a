/** The audit's vocabulary: rules, findings, sentences and the audit of one post. */

export type Orientation = 'pitch' | 'expertise';
export type Severity = 'error' | 'warning' | 'info';
export type SentenceLabel = 'pitch' | 'expertise' | 'neutral';
export type Verdict = 'pass' | 'fail' | 'error';

export type PitchFamily =
	| 'call-to-action'
	| 'offer'
	| 'urgency'
	| 'hype'
	| 'self-focus'
	| 'buzz'
	| 'vanity-metric'
	| 'social-proof'
	| 'promo-link'
	| 'announcement'
	| 'customer-story'
	| 'promotion';
export type ExpertiseFamily =
	| 'instruction'
	| 'code'
	| 'explanation'
	| 'evidence'
	| 'trade-off'
	| 'answer'
	| 'admission'
	| 'alternative';
export type Family = PitchFamily | ExpertiseFamily | 'disclosure' | 'policy';

/** Where a rule looks: the words of a sentence, or the links inside it. */
export type Matcher =
	| {
			kind: 'phrases';
			phrases: readonly string[];
			/** A test of the sentence's shape, for what phrases cannot see (a numbered step, a question). */
			sentence?: (sentence: SentenceShape) => boolean;
			/** Phrases that, anywhere in the same sentence, cancel a match ("affiliate links" … "commission"). */
			unless?: readonly string[];
	  }
	| { kind: 'link'; test: (link: LinkContext) => boolean };

export interface SentenceShape {
	tokens: ReadonlyArray<{ value: string; kind: string }>;
	heading: boolean;
	orderedList: boolean;
}

export interface LinkContext {
	url: URL;
	/** True when the link's host is one of the site's `ownedDomains` (or a subdomain). */
	owned: boolean;
}

export interface Rule {
	/** kebab-case, stable: users suppress and configure rules by it. */
	id: string;
	family: Family;
	orientation: Orientation;
	/** One line, shown in the README table and the "How we audit" page. */
	description: string;
	/** How strongly one match pulls a sentence towards its orientation (1 = enough on its own). */
	weight: number;
	severity: Severity;
	matcher: Matcher;
	/** What the editor reads next to the passage. */
	message: string;
	suggestion?: string;
	/** README anchor, e.g. `#rule-call-to-action`. */
	docs: string;
	/** Sentences the rule must flag, and sentences it must leave alone. The tests run them. */
	examples: { flag: readonly string[]; pass: readonly string[] };
}

export interface SourceRange {
	line: number;
	column: number;
	endLine: number;
	endColumn: number;
}

export interface Finding extends SourceRange {
	ruleId: string;
	family: Family;
	severity: Severity;
	message: string;
	/** The passage as written in the source, shortened to one line. */
	excerpt: string;
	/** The words that matched, as a reader sees them (to find the passage on a rendered page). */
	match?: string;
	suggestion?: string;
	/** Present when an inline comment suppressed the finding: it is listed, never counted. */
	suppressed?: { reason: string; line: number };
}

export interface Signal {
	ruleId: string;
	orientation: Orientation;
	/** The words that matched. */
	text: string;
	/** Why a pitch phrase did not count: it was mentioned, not used. */
	mention?: 'quoted' | 'negated' | 'discussed' | 'blockquote';
	suppressed?: boolean;
}

export interface AuditedSentence extends SourceRange {
	text: string;
	words: number;
	label: SentenceLabel;
	/** 0–1: how sure the label is. */
	confidence: number;
	/** Score points this sentence adds to the post's score (the score is their sum, rounded). */
	contribution: number;
	signals: Signal[];
}

export interface PostAudit {
	engineVersion: string;
	/** Promotional share of the post's prose, 0–100 (one decimal). */
	score: number;
	threshold: number;
	/** The reason of a frontmatter policy exception that raised the threshold. */
	exception?: { threshold: number; reason: string };
	verdict: Verdict;
	words: { total: number; pitch: number; expertise: number; neutral: number };
	sentences: AuditedSentence[];
	findings: Finding[];
	/** Per rule id, how many findings past the cap of 200 per rule were counted but not kept (only when some were). */
	omittedFindings?: Record<string, number>;
	/** Frontmatter fields the adapters show (title, sponsorship), when present. */
	frontmatter: Record<string, unknown>;
}
