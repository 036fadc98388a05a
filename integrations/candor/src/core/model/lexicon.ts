/**
 * Word classes the model reads as pooled features. A class fires once per member word, so a
 * rare peacock word the training blogs never used still counts through its class. Lists are
 * ours, written from the editorial policy (puffery, intensifiers, hedges, announcement, event and
 * success framing), not learned: the model only learns how much each class weighs. Topic
 * words that both genres use ("release", "available") stay out of the classes: the model
 * would learn them as the genre of release notes, and flag every sentence about a release.
 * Nor do words that friendly technical writing uses plainly ("seamless", "magic", "awesome").
 */
export const LEXICON: Readonly<Record<string, readonly string[]>> = {
	peacock: [
		'revolutionary', 'groundbreaking', 'game-changing', 'cutting-edge', 'world-class', 'best-in-class', 'industry-leading',
		'leading', 'innovative', 'unparalleled', 'unprecedented', 'unmatched', 'unrivaled', 'premier', 'ultimate', 'superior',
		'state-of-the-art', 'next-generation', 'breakthrough', 'transformative', 'visionary', 'disruptive', 'award-winning',
		'trusted', 'renowned', 'flagship', 'premium', 'exceptional', 'outstanding', 'remarkable', 'stunning', 'incredible',
		'amazing', 'fantastic', 'phenomenal', 'spectacular', 'unbeatable', 'powerful', 'blazing', 'lightning-fast', 'supercharge',
		'empower', 'empowers', 'empowering', 'unlock', 'unlocks', 'unleash', 'elevate', 'elevates', 'delight', 'delightful',
	],
	intensifier: [
		'very', 'extremely', 'incredibly', 'truly', 'really', 'highly', 'super', 'significantly', 'dramatically', 'massively',
		'hugely', 'tremendously', 'vastly', 'exceptionally', 'remarkably', 'absolutely', 'totally', 'completely', 'entirely',
	],
	hedge: [
		'might', 'may', 'could', 'perhaps', 'possibly', 'likely', 'unlikely', 'probably', 'seems', 'seem', 'appears', 'suggests',
		'suggest', 'approximately', 'roughly', 'arguably', 'somewhat', 'tend', 'tends', 'usually', 'often', 'sometimes', 'typically',
		'depends', 'depending', 'however', 'although', 'though', 'but', 'unless', 'except', 'caveat', 'limitation', 'limitations',
	],
	emotion: [
		'excited', 'thrilled', 'proud', 'delighted', 'pleased', 'happy', 'glad', 'honored', 'honoured', 'humbled', 'grateful', 'eager',
		'exciting', 'congratulations', 'celebrate', 'celebrating', 'welcome',
	],
	announce: [
		'announce', 'announces', 'announced', 'announcing', 'announcement', 'introducing', 'introduce', 'introduces', 'launch',
		'launches', 'launched', 'launching', 'unveil', 'unveils', 'unveiled', 'debut', 'debuts', 'milestone', 'newest',
	],
	success: [
		'customer', 'customers', 'partner', 'partners', 'partnership', 'partnering', 'clients', 'client', 'achieve', 'achieves',
		'achieved', 'success', 'successful', 'successfully', 'helped', 'helps', 'enable', 'enables', 'enabled', 'adopted', 'chose',
		'trust', 'rely', 'relies', 'deliver', 'delivers', 'delivered', 'accelerate', 'accelerates', 'boost', 'boosts', 'savings',
		'roi', 'growth', 'grow', 'scale', 'journey', 'mission', 'vision', 'community',
	],
	offer: [
		'free', 'prize', 'win', 'won', 'winner', 'claim', 'offer', 'offers', 'discount', 'off', 'deal', 'deals', 'bonus', 'reward',
		'rewards', 'exclusive', 'limited', 'gift', 'voucher', 'coupon', 'cash', 'guaranteed', 'save', 'subscribe', 'register',
		'signup', 'sign', 'join', 'book', 'demo', 'trial', 'contact', 'call', 'now', 'urgent', 'hurry', 'today', 'tonight', 'expires',
		'deadline', 'last', 'chance', 'txt', 'text', 'reply', 'apply', 'order', 'buy',
	],
	event: [
		'webinar', 'webinars', 'livestream', 'meetup', 'meetups', 'conference', 'conferences', 'summit', 'keynote', 'keynotes',
		'panelist', 'panelists', 'presenter', 'presenters', 'speaker', 'speakers', 'attend', 'attendees', 'attending', 'rsvp',
		'registration', 'agenda', 'workshop', 'workshops', 'hosted', 'recording', 'recap',
	],
	reasoning: [
		'because', 'therefore', 'thus', 'hence', 'since', 'instead', 'whereas', 'which', 'means', 'example', 'instance', 'case',
		'cases', 'result', 'results', 'measured', 'measure', 'compare', 'compared', 'versus', 'trade', 'trade-off', 'cost', 'costs',
		'why', 'how', 'problem', 'problems', 'issue', 'issues', 'bug', 'bugs', 'error', 'errors', 'fix', 'fixed', 'step', 'steps',
	],
};
