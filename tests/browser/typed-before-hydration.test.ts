/**
 * On a slow connection a person starts typing before the page's JavaScript has
 * arrived. When it arrives and Svelte hydrates the page, what they typed must
 * still be there, and the form must still send it.
 */
import { describe, expect, it } from 'vitest';
import { openContext, useServerAndBrowser } from '../support/browser.ts';
import { createStaff, staffPassword } from '../support/staff.ts';

const suite = useServerAndBrowser();

describe('typing before the JavaScript has loaded', () => {
	it('keeps what was typed in the sign-in form through hydration, and signs in with it', async () => {
		const email = 'slow-phone@example.org';
		await createStaff(suite, email, 'editor');
		const ctx = await openContext(suite.browser, suite.origin, { javaScriptEnabled: true, viewport: { width: 360, height: 740 } });
		const page = await ctx.newPage();
		// The app's scripts arrive late, as over a slow, costly connection.
		let delayed = 0;
		await page.route(
			(url) => url.pathname.startsWith('/_app/immutable/') && url.pathname.endsWith('.js'),
			async (route) => {
				delayed++;
				await new Promise((resolve) => setTimeout(resolve, 1000));
				await route.continue();
			}
		);
		await page.goto(`${suite.origin}/admin/login`, { waitUntil: 'domcontentloaded' });
		await page.fill('#email', email);
		await page.fill('#password', staffPassword);
		// By the time the network is quiet, the scripts have run and the page is hydrated.
		await page.waitForLoadState('networkidle');
		expect(delayed, 'the scripts were held back').toBeGreaterThan(0);
		expect(await page.inputValue('#email')).toBe(email);
		expect(await page.inputValue('#password')).toBe(staffPassword);

		await page.click('button[type=submit]');
		await page.waitForURL(`${suite.origin}/admin`);
		expect(ctx.problems).toEqual([]);
		await ctx.close();
	});
});
