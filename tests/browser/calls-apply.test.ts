/**
 * Issue 4, the applicant's side: in Nepali, on a 360 px screen with JavaScript
 * disabled, an artist opens a demo call, fills in its form with a photo, meets
 * an error, fixes it, submits and lands on their private page. The calls list,
 * a call's page, the form with its errors shown and the private page have zero
 * axe-core violations and no horizontal scrolling.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSmtpSink } from '../support/smtp.ts';
import { axeOnServedDocument, formatViolations, measureOverflow, openContext, runAxe, useServerAndBrowser, visit } from '../support/browser.ts';
import ne from '../../messages/ne.json' with { type: 'json' };

const narrow = { width: 360, height: 740 };
const slug = 'guerrilla-gallery-kit-climate';

let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let photo: Buffer;

beforeAll(async () => {
	smtp = await startSmtpSink();
	photo = await sharp({ create: { width: 120, height: 80, channels: 3, background: '#2f6f4f' } }).jpeg().toBuffer();
});
afterAll(async () => {
	await smtp?.close();
});
const suite = useServerAndBrowser(() => ({ SMTP_URL: smtp.url }));

async function expectAccessible(results: Awaited<ReturnType<typeof runAxe>>, what: string) {
	expect(results.violations, `${what}\n${formatViolations(results.violations)}`).toEqual([]);
}

describe('applying to a call without JavaScript, in Nepali, at 360 px', () => {
	test('open the call, fill the form with a photo, fix an error, submit, land on the private page', async () => {
		const context = await openContext(suite.browser, suite.origin, { viewport: narrow });
		const withJs = await openContext(suite.browser, suite.origin, { viewport: narrow, javaScriptEnabled: true });
		const page = await context.newPage();
		const checker = await withJs.newPage();
		try {
			await visit(page, `${suite.origin}/ne/calls`);
			expect(await page.evaluate(() => document.scripts.length)).toBe(0);
			await expectAccessible(await axeOnServedDocument(page, checker, 200), '/ne/calls');
			expect((await measureOverflow(page)).offenders).toEqual([]);

			const main = page.locator('main');
			await Promise.all([page.waitForURL(`${suite.origin}/ne/calls/${slug}`), main.getByRole('link', { name: 'गुरिल्ला ग्यालरी किट: जलवायु संस्करण' }).click()]);
			expect(await main.innerText()).toContain(ne.call_deadline_label);
			expect(await main.innerText()).toContain('UTC');
			await expectAccessible(await axeOnServedDocument(page, checker, 200), 'a call');
			expect((await measureOverflow(page)).offenders).toEqual([]);

			await Promise.all([page.waitForURL(`${suite.origin}/ne/calls/${slug}/apply`), main.getByRole('link', { name: ne.call_apply }).click()]);
			await main.getByLabel(ne.apply_email_label).fill('sita@example.org');
			await main.getByLabel(ne.apply_name_label).fill('सीता तामाङ');
			await main.getByLabel('कलाकृतिको शीर्षक').fill('पग्लिँदो हिमाल');
			await main.getByLabel('कृतिबारे').fill('हिमाल पग्लिँदै छ, र गाउँले पानी जोगाउँदै छन्।');
			// A mistake to fix: no link to the image.
			await main.getByLabel('कृतिको पूर्वावलोकन').setInputFiles({ name: 'himal.jpg', mimeType: 'image/jpeg', buffer: photo });
			await main.getByLabel(/देखिनुपर्ने नाम/).fill('सीता');
			await main.getByLabel('तपाईं बस्ने ठाउँ').selectOption('NP');
			await main.locator('#eligibility').check();
			await main.locator('#consent').check();
			await Promise.all([page.waitForURL(`${suite.origin}/ne/calls/${slug}/apply?/submit`), main.getByRole('button', { name: ne.apply_submit }).click()]);

			// The error is beside its field, listed above the form, and nothing typed or uploaded is lost.
			const summary = main.locator('.error-summary');
			expect(await summary.innerText()).toContain(ne.answer_error_required);
			expect(await main.locator('#field-image_link-error').innerText()).toBe(ne.answer_error_required);
			expect(await main.getByLabel('कलाकृतिको शीर्षक').inputValue()).toBe('पग्लिँदो हिमाल');
			expect(await main.innerText()).toContain('himal.jpg');
			expect((await measureOverflow(page)).offenders).toEqual([]);

			// axe on the same form with its errors, reached the same way in a context that can run axe.
			await visit(checker, `${suite.origin}/ne/calls/${slug}/apply`);
			await checker.locator('main #applicant-email').fill('x');
			await Promise.all([checker.waitForURL(/\?\/submit$/), checker.locator('main').getByRole('button', { name: ne.apply_submit }).click()]);
			expect(await checker.locator('main .field-error').count()).toBeGreaterThan(3);
			await expectAccessible(await runAxe(checker), 'the form with errors');

			await main.getByLabel(/उच्च रिजोलुसनको तस्बिरको लिङ्क/).fill('example.org/himal.jpg');
			await Promise.all([page.waitForURL(/\/ne\/applications\/[\w-]{43}\?done=submitted$/), main.getByRole('button', { name: ne.apply_submit }).click()]);
			expect(await main.locator('[role=status]').innerText()).toBe(ne.application_done_submitted);
			expect(await main.innerText()).toContain('पग्लिँदो हिमाल');
			expect(await main.innerText()).toContain('himal.jpg');
			expect((await measureOverflow(page)).offenders).toEqual([]);
			await expectAccessible(await axeOnServedDocument(page, checker, 200), 'the private page');
			expect(context.foreignRequests()).toEqual([]);
		} finally {
			await context.close();
			await withJs.close();
		}
	});
});
