import { describe, expect, it } from 'vitest';
import { AFFILIATE_PROGRAMS, matchAffiliate } from '../../integrations/candor/src/core/index.ts';

describe('affiliate programs', () => {
	it.each(AFFILIATE_PROGRAMS.map((p) => [p.program, p.example, p.level] as const))('%s: its example link matches (%s)', (program, example, level) => {
		expect(matchAffiliate(example)).toEqual({ program, level });
	});

	it('covers the programs of the disclosure research', () => {
		const names = AFFILIATE_PROGRAMS.map((p) => p.program).join(' | ');
		for (const name of ['Amazon', 'AliExpress', 'Apple', 'Awin', 'CJ', 'ShareASale', 'Rakuten', 'Skimlinks', 'Impact', 'Pepperjam', 'eBay', 'ClickBank', 'rewardStyle', 'ShopStyle', 'Booking', 'Flipkart', 'DigitalOcean']) {
			expect(names).toContain(name);
		}
	});

	it.each([
		['an Amazon link without a tag', 'https://www.amazon.com/dp/1491929121'],
		['an Amazon look-alike host', 'https://amazon.com.evil.example/dp/1?tag=x-20'],
		['an Apple link without at=', 'https://apps.apple.com/us/app/id1234567890'],
		['a Booking link without aid', 'https://www.booking.com/hotel/nl/canal-house.html'],
		['ShareASale outside r.cfm', 'https://www.shareasale.com/info/'],
		['an Impact host outside /c/', 'https://acme.7eer.net/about'],
		['a DigitalOcean page', 'https://www.digitalocean.com/pricing'],
		['a relative link', '/pricing?ref=nav'],
		['a mailto link', 'mailto:hello@example.com?ref=x'],
	])('does not match %s', (_, url) => {
		expect(matchAffiliate(url)).toBeUndefined();
	});

	it.each([
		['a ?ref= on a docs site', 'https://docs.example.org/setup?ref=nav'],
		['a ?ref= on GitHub', 'https://github.com/acme/tool/blob/main/README.md?ref=main'],
		['a ?ref= on a /docs/ path', 'https://example.com/docs/install?ref=sidebar'],
		['a ?ref= on a Discord invite', 'https://discord.gg/acme?ref=blog'],
		['a ?ref= on a Slack community invite', 'https://join.slack.com/t/acme/shared_invite/zt-1?ref=docs'],
		['a ?ref= on a Telegram link', 'https://t.me/acmechat?ref=footer'],
	])('never raises an error for %s', (_, url) => {
		expect(matchAffiliate(url)?.level).not.toBe('error');
		expect(matchAffiliate(url)).toBeUndefined();
	});

	it('flags generic referral parameters on shops as a warning only', () => {
		expect(matchAffiliate('https://shop.example/p/42?ref=kestrel')).toEqual({ program: 'Generic referral parameter', level: 'warning' });
		expect(matchAffiliate('https://www.amazon.de/dp/3?tag=x-21&ref=sr_1')).toEqual({ program: 'Amazon Associates', level: 'error' });
	});

	it('takes the site’s own programs', () => {
		const own = [{ program: 'Acme Partners', hosts: ['go.acme.example'], path: '^/r/', example: 'https://go.acme.example/r/123', level: 'error' as const }];
		expect(matchAffiliate('https://go.acme.example/r/123', [...AFFILIATE_PROGRAMS, ...own])).toEqual({ program: 'Acme Partners', level: 'error' });
	});
});
