/**
 * Finds Debian's Chromium for the browser tests. Without it the tests skip with a message
 * that says how to install it, unless CANDOR_REQUIRE_BROWSER=1 (CI), where a missing
 * browser is a failure.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CANDOR_CHROMIUM ?? '/usr/bin/chromium';
export const browserRequired = process.env.CANDOR_REQUIRE_BROWSER === '1';
export const hasBrowser = existsSync(CHROMIUM_PATH);

export const missingBrowserMessage = `Chromium not found at ${CHROMIUM_PATH}: browser tests skipped. Install it with \`sudo apt-get install -y chromium\` (Debian/Ubuntu) or set CANDOR_CHROMIUM to a Chromium binary.`;

if (!hasBrowser) {
	if (browserRequired) throw new Error(`${missingBrowserMessage} (CANDOR_REQUIRE_BROWSER=1 makes this a failure.)`);
	console.warn(missingBrowserMessage);
}

export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
	});
}
