import { describe, expect, it } from 'vitest';
import { expectFitsWidth, expectNoAxeViolations, openContext, useServerAndBrowser, visit, type TestContext } from '../support/browser.ts';
import { signedInPage, signInInBrowser } from '../support/staff.ts';

/*
 * Building a call in Chromium: an editor creates a call (JavaScript on), and the
 * list, settings, form builder, reviewers and rubric pages have no
 * accessibility violations at 1280 and 360 px and fit a phone. With JavaScript
 * off, questions are added and reordered with plain form posts.
 */

const env = useServerAndBrowser();
const email = 'calls-editor@example.org';

describe('building a call in the browser', () => {
	let ctx: TestContext;
	let callPath = '';

	it('creates a call and keeps every page of it free of accessibility violations at 1280 px', async () => {
		ctx = await openContext(env.browser, env.origin, { javaScriptEnabled: true, viewport: { width: 1280, height: 900 } });
		const page = await signedInPage(env.server, ctx, email, 'editor');

		await visit(page, `${env.origin}/admin/calls`);
		await expectNoAxeViolations(page, 'call list, 1280');
		await page.click('a[href="/admin/calls/new"]');
		await page.waitForURL(/\/admin\/calls\/new$/);
		await page.locator('[id="description.en-editor"] [contenteditable="true"]').waitFor();
		await expectNoAxeViolations(page, 'new call, 1280');

		await page.selectOption('#kind', 'artists');
		await page.fill('#slug', 'lanes-of-kathmandu');
		await page.fill('[id="title.en"]', 'Lanes of Kathmandu');
		await page.fill('#opensAt', '2027-03-01T09:00');
		await page.fill('#deadlineAt', '2027-03-28T23:59');
		await page.selectOption('#timeZone', 'Asia/Kathmandu');
		await page.fill('#consentText-en', 'I agree that my application is kept to review it.');
		await page.click('button:has-text("Save as a draft")');
		await page.waitForURL(/\/admin\/calls\/\d+\?created=1$/);
		callPath = new URL(page.url()).pathname;
		// 23:59 in Kathmandu, shown in the staff member's zone (UTC until they choose one) and as applicants read it.
		const deadline = await page.locator('#deadline-shown').textContent();
		expect(deadline).toContain('Mar 28, 2027, 6:14 PM UTC');
		expect(deadline).toContain('Mar 28, 2027, 11:59 PM GMT+5:45');

		for (const [path, label] of [
			[callPath, 'settings'],
			[`${callPath}/form`, 'form builder'],
			[`${callPath}/reviewers`, 'reviewers'],
			[`${callPath}/rubric`, 'rubric']
		] as const) {
			await visit(page, env.origin + path);
			if (label === 'settings') await page.locator('[id="description.en-editor"] [contenteditable="true"]').waitFor();
			await expectNoAxeViolations(page, `${label}, 1280`);
			await expectFitsWidth(page, 1280, `${label}, 1280`);
		}
		expect(ctx.problems.filter((p) => /Content Security Policy|page error/.test(p))).toEqual([]);
	}, 120_000);

	it('adds and reorders questions without JavaScript', async () => {
		if (!callPath) throw new Error('the first step did not run');
		const plain = await openContext(env.browser, env.origin, { javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
		const page = await plain.newPage();
		page.setDefaultTimeout(10_000);
		await signInInBrowser(page, env.origin, email);
		await visit(page, `${env.origin}${callPath}/form`);
		await page.selectOption('#new-type', 'long_text');
		await page.fill('#new-label-en', 'Artist statement');
		await page.fill('#new-maxWords', '300');
		await page.click('button:has-text("Add question")');
		await page.locator('text=The question is added').waitFor();

		await page.selectOption('#new-type', 'single_choice');
		await page.fill('#new-label-en', 'Medium');
		await page.fill('#new-choice-0-label-en', 'Painting');
		await page.fill('#new-choice-1-label-en', 'Photography');
		await page.click('button:has-text("Add question")');
		await page.locator('text=The question is added').waitFor();
		const heads = () => page.locator('#fields .field-head strong').allTextContents();
		expect(await heads()).toEqual(['1. Artist statement', '2. Medium']);

		await page.click('button:has-text("Move up: Medium")');
		await page.locator('text=The question is moved').waitFor();
		expect(await heads()).toEqual(['1. Medium', '2. Artist statement']);
		// The questions are in the database in that order, too: the next test checks the page at 360 px with JavaScript.
		await plain.close();
	}, 120_000);

	it('keeps every page of the call free of accessibility violations on a phone', async () => {
		if (!callPath) throw new Error('the first step did not run');
		const page = await ctx.newPage();
		await page.setViewportSize({ width: 360, height: 740 });
		for (const path of ['/admin/calls', '/admin/calls/new', callPath, `${callPath}/form`, `${callPath}/reviewers`, `${callPath}/rubric`]) {
			await visit(page, env.origin + path);
			if (path === callPath || path.endsWith('/new')) await page.locator('[id="description.en-editor"] [contenteditable="true"]').waitFor();
			await expectNoAxeViolations(page, `${path}, 360`);
			await expectFitsWidth(page, 360, `${path}, 360`);
		}
		// The question before opening, too.
		await visit(page, env.origin + callPath);
		await page.click('button:has-text("Open the call…")');
		await page.locator('#confirm-status-title').waitFor();
		await expectNoAxeViolations(page, 'open confirmation, 360');
		expect(ctx.foreignRequests()).toEqual([]);
		await ctx.close();
	}, 120_000);
});
