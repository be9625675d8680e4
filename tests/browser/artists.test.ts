/**
 * The collective in Chromium (issue 16): an artist asks for their private link
 * in Indonesian on a 360 px phone without JavaScript, opens it from the e-mail
 * (an SMTP server on loopback) in their own language (Nepali), changes their profile and one of their works,
 * sees the change on their public profile, then withdraws their consent and the
 * profile is gone from the site. Axe at 320 and 1280 px on the directory, a
 * profile, the private page and the work's page.
 */
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSmtpSink } from '../support/smtp.ts';
import { expectFitsWidth, openContext, useServerAndBrowser, useShownPageCheck, visit } from '../support/browser.ts';
import { viewports } from '../support/pages.ts';
import id from '../../messages/id.json' with { type: 'json' };
import ne from '../../messages/ne.json' with { type: 'json' };

let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
	smtp = await startSmtpSink();
});
afterAll(async () => {
	await smtp?.close();
});
const suite = useServerAndBrowser(() => ({ SMTP_URL: smtp.url }));

const email = 'lumen-moth@artists.example.org';
const phone = { width: 360, height: 740 };

function isTo(mail: ParsedMail, address: string): boolean {
	return [mail.to].flat().some((to) => to?.value.some((v) => v.address === address));
}

/** No axe violations and nothing too wide, at 320 and 1280 px, for what a visitor without JavaScript is shown. */
const checkAtBothWidths = useShownPageCheck(suite, viewports);

describe('an artist and their profile', () => {
	let privatePath = '';

	test('the directory and a profile have no axe violations at 320 and 1280 px', async () => {
		await checkAtBothWidths('/artists');
		await checkAtBothWidths('/ne/artists/lumen-moth');
	});

	test('asks for the link in Indonesian at 360 px without JavaScript, and edits the profile and a work from the e-mail in their own language', async () => {
		const ctx = await openContext(suite.browser, suite.origin, { viewport: phone });
		const page = await ctx.newPage();
		await visit(page, `${suite.origin}/id/artists/profile`);
		await page.fill('#link-email', email);
		await page.click(`button:has-text("${id.artists_link_submit}")`);
		await expect.poll(() => page.locator('#link-sent').textContent()).toBe(id.artists_link_sent);

		await smtp.waitFor((mail) => isTo(mail, email), 15_000);
		const mail = smtp.messages.map((m) => m.parsed).find((m) => isTo(m, email))!;
		const link = /https?:\/\/\S+\/artists\/profile\/[\w-]{43}/.exec(mail.text ?? '')?.[0];
		expect(link, 'a private link in the e-mail').toBeDefined();
		privatePath = new URL(link!).pathname;

		await visit(page, `${suite.origin}${privatePath}`);
		await expectFitsWidth(page, phone.width, 'private page at 360 px');
		await page.fill('#pronouns', 'they/them');
		await page.fill('#bio-en', 'I paint with light on the walls of Kathmandu.\n\nNight projections, paper moths.');
		// The link is in the artist's own language, Nepali.
		await page.click(`button:has-text("${ne.artist_profile_save}")`);
		await expect.poll(() => page.locator('#profile-result').textContent()).toBeTruthy();

		// One of their works, from the list on the private page.
		await page.locator(`a[href^="${privatePath}/works/"]`).first().click();
		await page.waitForURL(new RegExp(`${privatePath}/works/\\d+$`));
		await expectFitsWidth(page, phone.width, 'work page at 360 px');
		await page.fill('#title-id', 'Sinyal ngengat baru');
		await page.click(`button:has-text("${ne.artist_work_save}")`);
		await expect.poll(() => page.locator('#work-result').textContent()).toBe(ne.artist_work_saved);

		await visit(page, `${suite.origin}/artists/lumen-moth`);
		expect(await page.locator('dd', { hasText: 'they/them' }).count()).toBe(1);
		expect(await page.locator('.bio p').allTextContents()).toEqual(['I paint with light on the walls of Kathmandu.', 'Night projections, paper moths.']);
		await visit(page, `${suite.origin}/id/artists/lumen-moth`);
		expect(await page.getByText('Sinyal ngengat baru').count()).toBeGreaterThan(0);
		expect(ctx.foreignRequests()).toEqual([]);
		await ctx.close();
	});

	test('the private page and the work page have no axe violations at 320 and 1280 px', async () => {
		expect(privatePath).not.toBe('');
		await checkAtBothWidths(privatePath);
		const ctx = await openContext(suite.browser, suite.origin);
		const page = await ctx.newPage();
		await visit(page, `${suite.origin}${privatePath}`);
		const workPath = await page.locator(`a[href^="${privatePath}/works/"]`).first().getAttribute('href');
		await ctx.close();
		await checkAtBothWidths(workPath!);
	});

	test('withdraws all consent, and the profile leaves the site at once', async () => {
		const ctx = await openContext(suite.browser, suite.origin, { viewport: phone });
		const page = await ctx.newPage();
		await visit(page, `${suite.origin}${privatePath}`);
		await page.click(`button:has-text("${ne.artist_withdraw_button}")`);
		await expect.poll(() => page.locator('#profile-result').textContent()).toBeTruthy();
		expect(await page.locator('#public-status').textContent()).not.toContain('/artists/lumen-moth');
		await visit(page, `${suite.origin}/artists/lumen-moth`, 404);
		await visit(page, `${suite.origin}/artists`);
		expect(await page.locator('a[href="/artists/lumen-moth"]').count()).toBe(0);
		await ctx.close();
	});
});
