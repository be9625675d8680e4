import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatViolations, measureOverflow, openContext, runAxe, useServerAndBrowser, visit, type TestContext } from '../support/browser.ts';
import { createUserWithCli } from '../support/staff.ts';

/*
 * Building a call in Chromium: an editor creates a call (JavaScript on), and the
 * list, settings, form builder, reviewers and rubric pages have no
 * accessibility violations at 1280 and 360 px and fit a phone. With JavaScript
 * off, questions are added and reordered with plain form posts.
 */

const env = useServerAndBrowser();
const email = 'calls-editor@example.org';
const password = 'a gallery in every lane';

async function axeClean(page: Page, label: string) {
	const results = await runAxe(page);
	expect(results.violations, `${label}\n${formatViolations(results.violations)}`).toEqual([]);
}

async function fitsWidth(page: Page, width: number, label: string) {
	const overflow = await measureOverflow(page);
	expect(overflow.scrollWidth, `${label}: ${overflow.offenders.join(', ')}`).toBeLessThanOrEqual(width);
}

async function signIn(page: Page) {
	// With JavaScript on, the form is hydrated first, so nothing typed is lost.
	await page.goto(`${env.origin}/admin/login`, { waitUntil: 'networkidle' });
	await page.fill('#email', email);
	await page.fill('#password', password);
	await page.click('button[type=submit]');
	try {
		await page.waitForURL(`${env.origin}/admin`);
	} catch (e) {
		throw new Error(`${page.url()}: ${(await page.locator('main').textContent())?.slice(0, 500)}`, { cause: e });
	}
}

describe('building a call in the browser', () => {
	let ctx: TestContext;
	let callPath = '';

	it('creates a call and keeps every page of it free of accessibility violations at 1280 px', async () => {
		const { link } = await createUserWithCli({ DATA_DIR: env.server.dataDir, ORIGIN: env.origin }, { email, role: 'editor' });
		ctx = await openContext(env.browser, env.origin, { javaScriptEnabled: true, viewport: { width: 1280, height: 900 } });
		const page = await ctx.newPage();
		await page.goto(link);
		await page.fill('#password', password);
		await page.fill('#confirm', password);
		await page.click('button[type=submit]');
		await page.waitForURL(/\/admin\/login\?done=password/);
		await signIn(page);

		await visit(page, `${env.origin}/admin/calls`);
		await axeClean(page, 'call list, 1280');
		await page.click('a[href="/admin/calls/new"]');
		await page.waitForURL(/\/admin\/calls\/new$/);
		await page.locator('[id="description.en-editor"] [contenteditable="true"]').waitFor();
		await axeClean(page, 'new call, 1280');

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
		expect(await page.locator('#deadline-shown').textContent()).toContain('18:14 UTC');

		for (const [path, label] of [
			[callPath, 'settings'],
			[`${callPath}/form`, 'form builder'],
			[`${callPath}/reviewers`, 'reviewers'],
			[`${callPath}/rubric`, 'rubric']
		] as const) {
			await visit(page, env.origin + path);
			if (label === 'settings') await page.locator('[id="description.en-editor"] [contenteditable="true"]').waitFor();
			await axeClean(page, `${label}, 1280`);
			await fitsWidth(page, 1280, `${label}, 1280`);
		}
		expect(ctx.problems.filter((p) => /Content Security Policy|page error/.test(p))).toEqual([]);
	}, 120_000);

	it('adds and reorders questions without JavaScript', async () => {
		if (!callPath) throw new Error('the first step did not run');
		const plain = await openContext(env.browser, env.origin, { javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
		const page = await plain.newPage();
		page.setDefaultTimeout(10_000);
		await signIn(page);
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
			await axeClean(page, `${path}, 360`);
			await fitsWidth(page, 360, `${path}, 360`);
		}
		// The question before opening, too.
		await visit(page, env.origin + callPath);
		await page.click('button:has-text("Open the call…")');
		await page.locator('#confirm-status-title').waitFor();
		await axeClean(page, 'open confirmation, 360');
		expect(ctx.foreignRequests()).toEqual([]);
		await ctx.close();
	}, 120_000);
});
