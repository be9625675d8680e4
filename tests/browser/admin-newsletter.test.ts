import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/connect.ts';
import { expectFitsWidth, expectNoAxeViolations, openContext, useServerAndBrowser, type TestContext } from '../support/browser.ts';
import { signedInPage } from '../support/staff.ts';

/*
 * Newsletter campaigns in Chromium: an editor writes a campaign with the
 * rich-text editor (JavaScript on) and saves it, confirms sending and watches
 * the progress arrive by itself; the list, the editor and the progress page have
 * no accessibility violations and fit a phone.
 */

const env = useServerAndBrowser();
const email = 'newsletter-editor@example.org';

describe('newsletter campaigns in the browser', () => {
	let ctx: TestContext;
	let campaignPath = '';

	it('writes a campaign with the rich-text editor and saves it', async () => {
		ctx = await openContext(env.browser, env.origin, { javaScriptEnabled: true, viewport: { width: 1280, height: 900 } });
		const page = await signedInPage(env.server, ctx, email, 'editor');

		await page.goto(`${env.origin}/admin/newsletter`);
		await expectNoAxeViolations(page, 'campaign list, empty, 1280');
		await page.click('text=New campaign');
		await page.waitForURL(/\/admin\/newsletter\/campaigns\/new$/);
		const english = page.locator('[id="bodyHtml.en-editor"] [contenteditable="true"]');
		await english.waitFor();
		await expectNoAxeViolations(page, 'new campaign, 1280');

		await page.fill('[id="subject.en"]', 'Walls that talk');
		await english.click();
		await page.keyboard.type('Hello from the lanes. ');
		await page.keyboard.press('Control+b');
		await page.keyboard.type('Bring a brush.');
		// The mark follows the typing: English now has a subject and a text.
		await expect.poll(() => page.locator('[id="mark-bodyHtml.en"]').textContent()).toBe('Has a version');
		expect(await page.locator('[id="mark-bodyHtml.es"]').textContent()).toBe('No version: gets English');

		await page.click('button:has-text("Save as a draft")');
		await page.waitForURL(/\/admin\/newsletter\/campaigns\/\d+\?created=1$/);
		campaignPath = new URL(page.url()).pathname;
		expect(await page.locator('.success').first().textContent()).toContain('saved as a draft');
		expect(ctx.problems.filter((p) => /Content Security Policy|page error/.test(p))).toEqual([]);

		// What was saved is what comes back, bold included.
		await page.goto(env.origin + campaignPath);
		const saved = page.locator('[id="bodyHtml.en-editor"] [contenteditable="true"]');
		await saved.waitFor();
		expect(await saved.innerHTML()).toContain('Hello from the lanes. <strong>Bring a brush.</strong>');
		expect(await page.locator('h1').textContent()).toBe('Walls that talk');
		await expectNoAxeViolations(page, 'saved campaign, 1280');
		await expectFitsWidth(page, 1280, 'saved campaign, 1280');
	});

	it('keeps the list and the editor free of accessibility violations on a phone', async () => {
		if (!campaignPath) throw new Error('the first step did not run');
		const page = await ctx.newPage();
		await page.setViewportSize({ width: 360, height: 740 });
		for (const path of ['/admin/newsletter', '/admin/newsletter/campaigns/new', campaignPath]) {
			await page.goto(env.origin + path);
			if (path.includes('/campaigns/')) await page.locator('[id="bodyHtml.en-editor"] [contenteditable="true"]').waitFor();
			await expectNoAxeViolations(page, `${path}, 360`);
			await expectFitsWidth(page, 360, `${path}, 360`);
		}
		// The confirmation before sending, too.
		await page.goto(env.origin + campaignPath);
		await page.click('button:has-text("Send now")');
		await page.locator('#confirm-send-title').waitFor();
		expect(await page.locator('#confirm-send-title').textContent()).toContain('Nobody would receive “Walls that talk”');
		await expectNoAxeViolations(page, 'send confirmation, 360');
		expect(ctx.foreignRequests()).toEqual([]);
		await page.close();
	}, 120_000);

	it('sends after confirming and shows the progress as it arrives', async () => {
		if (!campaignPath) throw new Error('the first step did not run');
		const database = await openDatabase({ sqlitePath: join(env.server.dataDir, 'site.sqlite') });
		const at = new Date().toISOString();
		await database.db
			.insertInto('subscriber')
			.values(['ana@example.org', 'beto@example.org'].map((address) => ({ email: address, locale: 'en', status: 'confirmed' as const, topics: '[]', consent_text_version: 1, created_at: at, confirmed_at: at, updated_at: at })))
			.execute();
		await database.close();

		const page = await ctx.newPage();
		await page.goto(env.origin + campaignPath);
		await page.click('button:has-text("Send now")');
		await page.locator('#confirm-send-title').waitFor();
		expect(await page.locator('#confirm-send-title').textContent()).toBe('Send “Walls that talk” to 2 subscribers now?');
		await page.click('button:has-text("Yes, send to 2 subscribers")');
		// The page follows along without a reload until both are sent.
		await page.locator('text=2 of 2 sent').waitFor({ timeout: 30_000 });
		await page.locator('h2:has-text("Status: Sent")').waitFor({ timeout: 10_000 });
		expect(await page.locator('progress').getAttribute('value')).toBe('2');
		await expectNoAxeViolations(page, 'sent campaign, 1280');
		await page.setViewportSize({ width: 360, height: 740 });
		await expectNoAxeViolations(page, 'sent campaign, 360');
		await expectFitsWidth(page, 360, 'sent campaign, 360');
		expect(ctx.problems.filter((p) => /Content Security Policy|page error/.test(p))).toEqual([]);
		await ctx.close();
	}, 120_000);
});
