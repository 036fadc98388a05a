/**
 * Disclosure rules: readers must be told about money, gifts, jobs or commissions behind a
 * post before they read the pitch or click a paid link. The engine applies these to the
 * post as a whole (they never change the score); their phrases are data like any rule's.
 */
import type { Rule } from '../types.js';

export const disclosureRules: Rule[] = [
	{
		id: 'undisclosed-affiliate',
		family: 'disclosure',
		orientation: 'pitch',
		description: 'An affiliate or referral link in a post without an `affiliate` sponsorship block.',
		weight: 0,
		severity: 'error',
		message: 'Affiliate link without a disclosure: readers must be told you earn a commission before they click.',
		suggestion: 'Add `sponsorship: { kind: affiliate, sponsor: "<program>" }` to the frontmatter; Candor then writes the disclosure and marks paid links `rel="sponsored"`.',
		docs: '#rule-undisclosed-affiliate',
		matcher: { kind: 'phrases', phrases: [] },
		examples: {
			flag: [
				'The [book](https://www.amazon.com/dp/1491929121?tag=kestrelblog-20) is worth it.',
				'We host on [DigitalOcean](https://m.do.co/c/a1b2c3d4e5f6).',
				'Get it on [eBay](https://rover.ebay.com/rover/1/711-53200-19255-0/1?campid=5338000000).',
			],
			pass: [
				'---\nsponsorship:\n  kind: affiliate\n  sponsor: Amazon Associates\n---\n\nThe [book](https://www.amazon.com/dp/1491929121?tag=kestrelblog-20) is worth it.',
				'The [book](https://www.amazon.com/dp/1491929121) is worth it.',
				'See [the docs](https://docs.example.org/setup?ref=nav).',
			],
		},
	},
	{
		id: 'undisclosed-sponsorship',
		family: 'disclosure',
		orientation: 'pitch',
		description: 'The text says "sponsored by", "paid partnership", "thanks to X for the free…", "#ad" and the like, with no sponsorship block.',
		weight: 0,
		severity: 'error',
		message: 'The post says it is sponsored or gifted, but declares no sponsorship: the disclosure may be missing, late or unclear.',
		suggestion: 'Add `sponsorship: { kind: sponsored | gifted | partner | employee, sponsor: "…" }` to the frontmatter; Candor writes a clear disclosure at the top.',
		docs: '#rule-undisclosed-sponsorship',
		matcher: {
			kind: 'phrases',
			phrases: [
				'^ sponsored by',
				'[post|article|video|review|episode|guide|tutorial|newsletter|content|piece|series|podcast] [is|was] [sponsored|paid for|funded] by',
				'[this|the|today\'s] [post|article|video|review|episode|guide|tutorial|newsletter] is sponsored',
				'[our|today\'s|this week\'s] sponsor [is]?',
				'paid [partnership|promotion|placement|post]',
				'in [paid]? partnership with',
				'thanks to {word} for [the|a|this|sending|providing]? [free|complimentary|gift]',
				'# [ad|sponsored|paid|advert|advertisement|gifted]',
				'gifted by',
				'[sent|gave|provided|lent|loaned] [us|me] [a|the|this|an]? [free|complimentary]',
				'[received|got] [a|the|this|an]? [free|complimentary] [product|sample|copy|unit|trial|review|pair|set]',
				'in exchange for [a|an|this|my|our]? [review|post|mention|feature|coverage]',
				'[we|i] [were|was|are|am|got] paid [to|for|by]',
				'[they|who] paid [us|me] [to|for]',
				'[commissioned|funded|underwritten] by',
			],
		},
		examples: {
			flag: ['This post is sponsored by Lumen Trace.', 'Thanks to Acme for the free test unit!', 'Loving my new blender #ad'],
			pass: [
				'---\nsponsorship:\n  kind: sponsored\n  sponsor: Lumen Trace\n---\n\nThis post is sponsored by Lumen Trace.',
				'This post is not sponsored by anyone.',
				'The conference was sponsored by three cloud vendors, which shaped its agenda.',
			],
		},
	},
	{
		id: 'ambiguous-disclosure',
		family: 'disclosure',
		orientation: 'pitch',
		description: 'A hand-written disclosure in wording regulators call unclear: "sp", "spon", "collab", "#partner", "ambassador", a bare "thanks [brand]", or "affiliate link" with no explanation.',
		weight: 0,
		severity: 'warning',
		message: 'Unclear disclosure: readers may not understand that money or a gift is involved.',
		suggestion: 'Say it in plain words ("Acme paid for this post", "we earn a commission if you buy through these links"), or use a `sponsorship` block and let Candor write it.',
		docs: '#rule-ambiguous-disclosure',
		matcher: {
			kind: 'phrases',
			phrases: [
				'# [sp|spon|collab|partner|ambassador|brandambassador|affiliate|aff]',
				'[brand|proud|official] ambassador',
				'[collab|collaboration] with',
				'^ [thanks|thx|ty] {word} $',
				'^ [thanks|thx] to {word} $',
				'^ affiliate [link|links] [below|ahead|included|inside|used|here]? $',
				'^ [this|the]? [post|article|page|list|guide]? [contains|includes|has|uses] affiliate [link|links] $',
				'affiliate [link|links] $',
			],
			unless: ['commission', 'commissions', 'earn', 'earns', 'paid', 'pays', 'money', 'percentage', 'cut', 'at no [extra|additional]? cost', 'kickback'],
		},
		examples: {
			flag: ['Thanks Acme!', 'Affiliate links below.', 'Great trip with the team #collab #spon', 'The [kettle](https://shop.example/kettle) (affiliate link)'],
			pass: [
				'This post contains affiliate links: if you buy through them we earn a commission, at no cost to you.',
				'Thanks to everyone who reported the bug.',
				'We collaborated with the maintainers on the fix.',
				'Sponsored posts and affiliate links are labelled at the top of the post.',
			],
		},
	},
	{
		id: 'late-disclosure',
		family: 'disclosure',
		orientation: 'pitch',
		description: 'A hand-written disclosure that comes after the first paid link, or at the very end of the post.',
		weight: 0,
		severity: 'error',
		message: 'Late disclosure: readers must see it before the first paid link, not after it or at the end.',
		suggestion: 'Move the disclosure above the first paid link, or declare a `sponsorship` block and Candor places it at the top.',
		docs: '#rule-late-disclosure',
		matcher: {
			kind: 'phrases',
			phrases: [
				'affiliate [link|links|commission|commissions|program|partner]',
				'[earn|earns|receive|receives|get|make] a [small]? commission',
				'[earn|earns|receive|make] [commissions|money] [from|on|when|if]',
				'disclosure',
			],
		},
		examples: {
			flag: [
				'Buy [the kettle](https://amzn.to/3Kq9xYz) today.\n\nDisclosure: we earn a commission on purchases through our links.',
				'First paragraph.\n\nSecond paragraph with [a link](https://example.org/).\n\nThis post is sponsored by Acme.',
				'Try [the tent](https://www.awin1.com/cread.php?awinmid=1&awinaffid=2). Affiliate links earn us a commission.',
			],
			pass: [
				'Disclosure: we earn a commission on purchases through our links.\n\nBuy [the kettle](https://amzn.to/3Kq9xYz).\n\nMore text here.',
				'---\nsponsorship:\n  kind: affiliate\n  sponsor: Amazon Associates\n---\n\nBuy [the kettle](https://amzn.to/3Kq9xYz).\n\nWe earn a commission.',
				'No disclosure is needed for this post.\n\nIt has no paid links.\n\nThe end.',
			],
		},
	},
];
