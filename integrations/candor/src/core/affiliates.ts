/**
 * Affiliate and referral link programs, as data: the programs catalogued in research on
 * affiliate-marketing disclosures, each with the hosts, paths and parameters that mark its
 * links and an example URL the tests check. A site adds its own with `affiliatePrograms`.
 */

export interface AffiliateProgram {
	program: string;
	/** Host names; `*.` matches any subdomain, `amazon.*` any top-level domain. */
	hosts: string[];
	/** When given, the path must match this regular expression (source text). */
	path?: string;
	/** When given, the URL must carry at least one of these query parameters. */
	params?: string[];
	/** A real-looking link of the program, used by the tests. */
	example: string;
	/** `error`: certainly an affiliate link. `warning`: probably one (generic referral parameters). */
	level: 'error' | 'warning';
}

const AMAZON_TLDS = ['com', 'co.uk', 'de', 'fr', 'it', 'es', 'ca', 'com.au', 'co.jp', 'in', 'nl', 'se', 'pl', 'com.br', 'com.mx', 'sg', 'ae', 'sa', 'com.tr', 'com.be', 'eg', 'ie'];

export const AFFILIATE_PROGRAMS: readonly AffiliateProgram[] = [
	{ program: 'Amazon Associates', hosts: AMAZON_TLDS.flatMap((tld) => [`amazon.${tld}`, `*.amazon.${tld}`]), params: ['tag'], example: 'https://www.amazon.com/dp/1491929121?tag=kestrelblog-20', level: 'error' },
	{ program: 'Amazon Associates (amzn.to)', hosts: ['amzn.to'], example: 'https://amzn.to/3Kq9xYz', level: 'error' },
	{ program: 'AliExpress Affiliates', hosts: ['s.click.aliexpress.com'], example: 'https://s.click.aliexpress.com/e/_DdwXyZ1', level: 'error' },
	{ program: 'AliExpress Affiliates', hosts: ['aliexpress.com', '*.aliexpress.com'], params: ['aff_fcid', 'aff_fsk', 'aff_platform', 'aff_trace_key', 'aff_short_key'], example: 'https://www.aliexpress.com/item/1005001.html?aff_fcid=abc123&aff_platform=link-c-tool', level: 'error' },
	{ program: 'Apple Services Performance Partners', hosts: ['apps.apple.com', 'music.apple.com', 'books.apple.com', 'podcasts.apple.com', 'tv.apple.com', 'itunes.apple.com', 'geo.itunes.apple.com'], params: ['at'], example: 'https://apps.apple.com/us/app/id1234567890?at=1000lAbc', level: 'error' },
	{ program: 'Awin', hosts: ['awin1.com', '*.awin1.com'], example: 'https://www.awin1.com/cread.php?awinmid=1234&awinaffid=567890&ued=https%3A%2F%2Fshop.example', level: 'error' },
	{ program: 'CJ Affiliate', hosts: ['anrdoezrs.net', 'dpbolvw.net', 'jdoqocy.com', 'kqzyfj.com', 'tkqlhce.com', 'emjcd.com', 'qksrv.net'].flatMap((h) => [h, `*.${h}`]), example: 'https://www.anrdoezrs.net/click-1234567-10987654', level: 'error' },
	{ program: 'ShareASale', hosts: ['shareasale.com', '*.shareasale.com'], path: '^/r\\.cfm', example: 'https://shareasale.com/r.cfm?b=123&u=456789&m=1011&urllink=&afftrack=', level: 'error' },
	{ program: 'Rakuten Advertising', hosts: ['click.linksynergy.com'], example: 'https://click.linksynergy.com/deeplink?id=AbCdEf1234&mid=12345&murl=https%3A%2F%2Fshop.example', level: 'error' },
	{ program: 'Skimlinks', hosts: ['go.redirectingat.com'], example: 'https://go.redirectingat.com/?id=123456X789012&url=https%3A%2F%2Fshop.example%2Fitem', level: 'error' },
	{ program: 'Impact', hosts: ['7eer.net', 'evyy.net', 'ojrq.net', 'sjv.io', 'pxf.io', 'vzew.net', 'xfhx.net', 'ntaaup.net', 'mkwh.net'].flatMap((h) => [h, `*.${h}`]), path: '^/c/', example: 'https://acme.7eer.net/c/1234567/123456/7890', level: 'error' },
	{ program: 'Pepperjam (Partnerize)', hosts: ['pntra.com', 'pntrac.com', 'pntrs.com', 'pjtra.com', 'pjatr.com', 'gopjn.com'].flatMap((h) => [h, `*.${h}`]), example: 'https://www.pntra.com/t/TUJGRkpJSkJHRkxKR0VCR0VGTUk', level: 'error' },
	{ program: 'eBay Partner Network', hosts: ['rover.ebay.com'], example: 'https://rover.ebay.com/rover/1/711-53200-19255-0/1?campid=5338000000&toolid=10001&mpre=https%3A%2F%2Fwww.ebay.com%2Fitm%2F123', level: 'error' },
	{ program: 'eBay Partner Network', hosts: ['ebay.com', '*.ebay.com', 'ebay.co.uk', '*.ebay.co.uk', 'ebay.de', '*.ebay.de'], params: ['campid'], example: 'https://www.ebay.com/itm/123456789?mkcid=1&campid=5338000000', level: 'error' },
	{ program: 'ClickBank', hosts: ['hop.clickbank.net', '*.hop.clickbank.net'], example: 'https://myaffiliate.vendor.hop.clickbank.net/?tid=blog', level: 'error' },
	{ program: 'rewardStyle (LTK)', hosts: ['rstyle.me', 'liketk.it'], example: 'https://rstyle.me/+AbCdEfGh123', level: 'error' },
	{ program: 'ShopStyle Collective', hosts: ['shopstyle.it', 'api.shopstyle.com'], example: 'https://shopstyle.it/l/bXyZ', level: 'error' },
	{ program: 'Booking.com Affiliate Partner', hosts: ['booking.com', '*.booking.com'], params: ['aid'], example: 'https://www.booking.com/hotel/nl/canal-house.html?aid=1234567', level: 'error' },
	{ program: 'Flipkart Affiliate', hosts: ['flipkart.com', '*.flipkart.com', 'dl.flipkart.com'], params: ['affid'], example: 'https://www.flipkart.com/some-product/p/itm123?affid=kestrelbl', level: 'error' },
	{ program: 'DigitalOcean Referral', hosts: ['m.do.co'], path: '^/c/', example: 'https://m.do.co/c/a1b2c3d4e5f6', level: 'error' },
	{ program: 'Generic referral parameter', hosts: ['*'], params: ['ref', 'aff', 'affid', 'aff_id', 'affiliate', 'affiliate_id', 'referral', 'ref_id', 'partner_id'], example: 'https://shop.example/product/42?ref=kestrelblog', level: 'warning' },
];

/** Documentation and code hosts, where `?ref=` names a branch or a source, not a commission. */
const NON_COMMERCIAL = /(^|\.)(github\.com|gitlab\.com|bitbucket\.org|npmjs\.com|wikipedia\.org|readthedocs\.io|mozilla\.org|w3\.org|ietf\.org|rfc-editor\.org|python\.org|nodejs\.org|stackoverflow\.com)$|^(docs|developer|developers|dev|api|learn|support|help)\./;
const DOCS_PATH = /^\/(docs|documentation|guide|guides|reference|manual|api|wiki|blog|learn)(\/|$)/;
/** Chat and community invites, where `?ref=` says where the invite was posted. */
const CHAT_INVITE = /(^|\.)(discord\.gg|discord\.com|discordapp\.com|slack\.com|t\.me|telegram\.me|matrix\.to|gitter\.im|zulipchat\.com|chat\.whatsapp\.com)$/;

export interface AffiliateMatch {
	program: string;
	level: 'error' | 'warning';
}

/** The affiliate program a link belongs to, if any (the most certain match wins). */
export function matchAffiliate(href: string, programs: readonly AffiliateProgram[] = AFFILIATE_PROGRAMS): AffiliateMatch | undefined {
	// Most links are relative: `new URL` throws on them, and a throw costs more than the rest of the check.
	if (!hasHttpScheme(href)) return undefined;
	let url: URL;
	try {
		url = new URL(href);
	} catch {
		return undefined;
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
	const host = url.hostname.toLowerCase().replace(/\.$/, '');
	/** The query's keys in lower case, read once. */
	let keys: string[] | undefined;
	let found: AffiliateMatch | undefined;
	for (const program of compiledPrograms(programs)) {
		if (found && found.level === 'error' && program.level === 'warning') continue;
		if (!program.anyHost && !program.exact.has(host) && !program.suffixes.some((suffix) => host.endsWith(suffix))) continue;
		if (program.path && !program.path.test(url.pathname)) continue;
		if (program.params && !program.params.some((param) => (keys ??= [...url.searchParams.keys()].map((key) => key.toLowerCase())).includes(param))) continue;
		if (program.anyHost && (NON_COMMERCIAL.test(host) || CHAT_INVITE.test(host) || DOCS_PATH.test(url.pathname))) continue;
		if (!found || (found.level === 'warning' && program.level === 'error')) found = { program: program.program, level: program.level };
	}
	return found;
}

/**
 * Does `href` start with an `http:` or `https:` scheme, as the URL standard reads it (leading
 * spaces and control characters stripped, tabs and newlines ignored)? Without one, `new URL(href)`
 * fails or gives another protocol: either way no program matches.
 */
function hasHttpScheme(href: string): boolean {
	let i = 0;
	while (i < href.length && href.charCodeAt(i) <= 0x20) i++;
	let scheme = '';
	for (; i < href.length; i++) {
		const c = href.charCodeAt(i);
		if (c === 9 || c === 10 || c === 13) continue;
		if (c === 58) return scheme === 'http' || scheme === 'https';
		const lower = c | 0x20;
		if (lower < 97 || lower > 122 || scheme.length === 5) return false;
		scheme += String.fromCharCode(lower);
	}
	return false;
}

interface CompiledProgram {
	program: string;
	level: 'error' | 'warning';
	/** `*`: any host. */
	anyHost: boolean;
	exact: ReadonlySet<string>;
	/** `.example.com` for each `*.example.com`. */
	suffixes: string[];
	path: RegExp | undefined;
	params: string[] | undefined;
}

const compiled = new WeakMap<readonly AffiliateProgram[], CompiledProgram[]>();
/** The programs with their host patterns sorted out and path patterns compiled, once per list. */
function compiledPrograms(programs: readonly AffiliateProgram[]): CompiledProgram[] {
	let list = compiled.get(programs);
	if (!list) {
		list = programs.map((p) => ({
			program: p.program,
			level: p.level,
			anyHost: p.hosts.includes('*'),
			exact: new Set(p.hosts.filter((h) => h !== '*' && !h.startsWith('*.'))),
			suffixes: p.hosts.filter((h) => h.startsWith('*.')).map((h) => h.slice(1)),
			path: p.path ? new RegExp(p.path, 'i') : undefined,
			params: p.params,
		}));
		compiled.set(programs, list);
	}
	return list;
}
