import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/connect.ts';
import { expectFitsWidth, expectNoAxeViolations, openContext, useServerAndBrowser } from '../support/browser.ts';
import { signedInPage } from '../support/staff.ts';

/*
 * Review and decide, in Chromium with JavaScript on: a reviewer scores a demo
 * application of the blind-reviewed artists' call; an editor sorts the call's
 * applications by average, shortlists, decides, previews the decision e-mail
 * and confirms sending. Every page of the journey has no accessibility
 * violations and fits a phone.
 */

const env = useServerAndBrowser();
const reviewerEmail = 'calls-reviewer@example.org';
const editorEmail = 'calls-editor@example.org';
let callId = 0;
let reviewed = '';
let reviewedPath = '';

/** Both widths: the wide screen first, then a phone (the page must not scroll sideways). */
async function axeAtBothWidths(page: Page, label: string) {
	await page.setViewportSize({ width: 1280, height: 900 });
	await expectNoAxeViolations(page, `${label}, 1280`);
	await page.setViewportSize({ width: 360, height: 740 });
	await expectNoAxeViolations(page, `${label}, 360`);
	await expectFitsWidth(page, 360, `${label}, 360`);
	await page.setViewportSize({ width: 1280, height: 900 });
}

describe('review and decide in the browser', () => {
	it('a reviewer scores a demo application of a blind call', async () => {
		const ctx = await openContext(env.browser, env.origin, { javaScriptEnabled: true, viewport: { width: 1280, height: 900 } });
		const page = await signedInPage(env.server, ctx, reviewerEmail, 'reviewer');
		const database = await openDatabase({ sqlitePath: join(env.server.dataDir, 'site.sqlite') });
		try {
			// The demo's artists' call, reviewed blind; the reviewer is assigned to it as staff would.
			const artists = await database.db.selectFrom('open_call').select(['id', 'blind_review']).where('kind', '=', 'artists').executeTakeFirstOrThrow();
			expect(artists.blind_review).toBe(1);
			callId = artists.id;
			const user = await database.db.selectFrom('user').select('id').where('email', '=', reviewerEmail).executeTakeFirstOrThrow();
			await database.db.insertInto('call_reviewer').values({ call_id: callId, application_id: null, user_id: user.id, created_at: new Date().toISOString() }).execute();
		} finally {
			await database.close();
		}

		await page.goto(`${env.origin}/admin/reviews`);
		await axeAtBothWidths(page, 'my reviews');
		// Blind review: no applicant's name anywhere on the list.
		expect(await page.locator('main').textContent()).not.toContain('Sita Maharjan');
		const first = page.locator('main table a').first();
		reviewed = (await first.textContent()) ?? '';
		await first.click();
		await page.waitForURL(/\/admin\/reviews\/\d+$/);
		reviewedPath = `/admin/calls/${callId}/applications/${/(\d+)$/.exec(page.url())![1]}`;
		await page.locator('h2#score-title').waitFor();
		await axeAtBothWidths(page, 'review form');

		// Saving with nothing chosen names each criterion's missing score.
		await page.click('button:has-text("Save my scores")');
		await page.locator('.field-error').first().waitFor();
		expect(await page.locator('.field-error').first().textContent()).toContain('Choose a score from 1 to 5');

		const groups = page.locator('fieldset.criterion');
		const count = await groups.count();
		expect(count).toBeGreaterThanOrEqual(3);
		for (let i = 0; i < count; i++) await groups.nth(i).locator('input[type=radio][value="4"]').check();
		await groups.first().locator('textarea').fill('Clear and local.');
		await page.click('button:has-text("Save my scores")');
		await page.locator('.success:has-text("Your scores are saved")').waitFor();
		await page.goto(`${env.origin}/admin/reviews`);
		expect(await page.locator('main tr', { hasText: reviewed }).textContent()).toContain('Scored');
		expect(ctx.problems.filter((p) => /Content Security Policy|page error/.test(p))).toEqual([]);
		await ctx.close();
	}, 120_000);

	it('an editor sorts, shortlists, decides, previews and confirms the decision e-mails', async () => {
		if (!callId) throw new Error('the first step did not run');
		const ctx = await openContext(env.browser, env.origin, { javaScriptEnabled: true, viewport: { width: 1280, height: 900 } });
		const page = await signedInPage(env.server, ctx, editorEmail, 'editor');
		const list = `${env.origin}/admin/calls/${callId}/applications`;
		await page.goto(list);
		await axeAtBothWidths(page, 'call applications');

		await page.click('#applications thead a:has-text("Average")');
		await page.waitForURL(/sort=average/);
		const averages = await page.locator('#applications tbody tr td:nth-child(5)').allTextContents();
		const numbers = averages.map((a) => a.trim()).filter((a) => a !== '–').map(Number);
		expect(numbers).toEqual([...numbers].sort((a, b) => b - a));

		const row = page.locator('#applications tbody tr').filter({ hasNotText: 'On it' }).first();
		const name = ((await row.locator('td').first().locator('a').textContent()) ?? '').trim();
		await row.locator('button:has-text("Add")').click();
		await page.locator(`.success:has-text("${name} is on the shortlist")`).waitFor();
		const again = page.locator('#applications tbody tr', { hasText: name });
		await again.locator('select').selectOption('accepted');
		await again.locator('button:has-text("Set")').click();
		await page.locator(`.success:has-text("Decision for ${name}: Accepted")`).waitFor();
		expect(page.url()).toContain('sort=average');

		await page.click(`#applications a:has-text("${name}")`);
		await page.waitForURL(/\/applications\/\d+$/);
		expect(await page.locator('main').textContent()).toContain('On the shortlist.');
		await axeAtBothWidths(page, 'application detail');
		// The application the reviewer scored shows their scores and comment to staff.
		await page.goto(env.origin + reviewedPath);
		const scored = (await page.locator('main').textContent()) ?? '';
		expect(scored).toContain(reviewerEmail);
		expect(scored).toContain('Clear and local.');
		await axeAtBothWidths(page, 'scored application detail');

		await page.goto(`${env.origin}/admin/calls/${callId}/decisions`);
		await axeAtBothWidths(page, 'decisions');
		await page.locator('#p-locale').selectOption('es');
		await page.click('button:has-text("Show the preview")');
		await page.waitForURL(/locale=es/);
		expect(await page.locator('#preview-subject').getAttribute('lang')).toBe('es');

		await page.click('button:has-text("Send the decision e-mails")');
		await page.locator('#confirm-send-title').waitFor();
		const question = (await page.locator('#confirm-send-title').textContent()) ?? '';
		const wanted = Number(/Send (\d+) e-mails? now\?/.exec(question)?.[1]);
		// At least the decision just made.
		expect(wanted).toBeGreaterThanOrEqual(1);
		await axeAtBothWidths(page, 'send confirmation');
		await page.click('button:has-text("Yes, send")');
		await page.locator(`.success:has-text("${wanted} e-mail${wanted === 1 ? '' : 's'} queued")`).waitFor();
		expect(ctx.problems.filter((p) => /Content Security Policy|page error/.test(p))).toEqual([]);
		expect(ctx.foreignRequests()).toEqual([]);
		await ctx.close();
	}, 120_000);
});
