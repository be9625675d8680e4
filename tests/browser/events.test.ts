/**
 * Issue 15 in Chromium: a person registers for a workshop in Nepali on a 360 px
 * phone without JavaScript, confirms from the e-mail (an SMTP server on
 * loopback) and gets a ticket; staff move the session and the registrant is
 * told in Nepali with an updated calendar entry. Every public page on the way
 * has no axe violations and fits the screen. (Checking in at the door on a
 * phone is admin-door.test.ts.)
 */
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSmtpSink } from '../support/smtp.ts';
import { axeOnShownDocument, expectFitsWidth, formatViolations, openContext, useServerAndBrowser, visit, type TestContext } from '../support/browser.ts';
import { signedInPage } from '../support/staff.ts';
import { viewports } from '../support/pages.ts';

let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
	smtp = await startSmtpSink();
});
afterAll(async () => {
	await smtp?.close();
});
const suite = useServerAndBrowser(() => ({ SMTP_URL: smtp.url }));

const slug = 'paste-up-workshop-patan';
const registrant = 'sunita@example.org';

function isTo(mail: ParsedMail, address: string): boolean {
	return [mail.to].flat().some((to) => to?.value.some((v) => v.address === address));
}

/** The path of the private registration page the e-mail links to. */
function registrationPathIn(mail: ParsedMail): string {
	const match = /https?:\/\/\S+\/registrations\/[\w.-]+/.exec(mail.text ?? '');
	if (!match) throw new Error(`no registration link in “${mail.subject}”`);
	return new URL(match[0]).pathname;
}

function calendarIn(mail: ParsedMail) {
	const part = mail.attachments.find((attachment) => /calendar/.test(attachment.contentType));
	if (!part) return undefined;
	const root = new ICAL.Component(ICAL.parse(part.content.toString('utf8')));
	const event = new ICAL.Event(root.getFirstSubcomponent('vevent')!);
	return { method: root.getFirstPropertyValue('method'), uid: event.uid, sequence: event.sequence, start: event.startDate.toJSDate().toISOString() };
}

/** A wall time (`YYYY-MM-DDTHH:MM`) moved by some minutes, as a datetime-local field holds it. */
function later(local: string, minutes: number): string {
	return new Date(Date.parse(`${local}:00Z`) + minutes * 60_000).toISOString().slice(0, 16);
}

/** A 360 px page with JavaScript on, where axe looks at what the no-script pages show. */
let analysis: TestContext;
let analysed: Page;
beforeAll(async () => {
	analysis = await openContext(suite.browser, suite.origin, { javaScriptEnabled: true, viewport: viewports.narrow });
	analysed = await analysis.newPage();
});
afterAll(async () => {
	await analysis?.close();
});

/** No axe violations and nothing wider than the phone, on a page shown without JavaScript. */
async function checkPage(page: Page, label: string): Promise<void> {
	const results = await axeOnShownDocument(page, analysed);
	expect(results.violations, `${label}\n${formatViolations(results.violations)}`).toEqual([]);
	await expectFitsWidth(page, viewports.narrow.width, label);
}

describe('an event from registration to a moved session', () => {
	let privatePath = '';
	let ticketCode = '';
	let confirmedEntry: ReturnType<typeof calendarIn>;

	test('registers in Nepali at 360 px without JavaScript, confirms from the e-mail and gets a ticket', async () => {
		const ctx = await openContext(suite.browser, suite.origin, { viewport: viewports.narrow });
		const page = await ctx.newPage();
		await visit(page, `${suite.origin}/ne/events/${slug}`);
		expect(await page.evaluate(() => document.querySelectorAll('script:not([type="application/ld+json"])').length), 'no script runs on the event page').toBe(0);
		await checkPage(page, 'the event page');

		const form = page.locator('details.register').first();
		await form.locator('summary').click();
		await form.locator('input[name=name]').fill('सुनिता');
		await form.locator('input[name=email]').fill(registrant);
		await form.locator('textarea').first().fill('ह्वीलचेयर लिएर आउँछु।');
		// Sent without agreeing first: the form says what is missing and keeps what was typed.
		await form.locator('button[type=submit]').click();
		await page.waitForLoadState('load');
		const again = page.locator('details.register[open]').first();
		expect(await again.locator('input[name=email]').inputValue()).toBe(registrant);
		expect(await again.locator('textarea').first().inputValue()).toBe('ह्वीलचेयर लिएर आउँछु।');
		expect(await again.locator('input[name=consent]').getAttribute('aria-invalid')).toBe('true');
		await checkPage(page, 'the event page with a problem');
		await again.locator('input[name=consent]').check();
		await again.locator('button[type=submit]').click();
		await page.waitForLoadState('load');
		expect(await page.getByRole('heading', { name: 'पुष्टि गर्न आफ्नो इमेल हेर्नुहोस्' }).isVisible()).toBe(true);
		await checkPage(page, 'the event page after registering');

		const request = await smtp.waitFor((mail) => isTo(mail, registrant), 15_000);
		privatePath = registrationPathIn(request);
		expect(privatePath.startsWith('/ne/registrations/')).toBe(true);

		// Opening the link confirms nothing: a person presses the button.
		await visit(page, `${suite.origin}${privatePath}`);
		await checkPage(page, 'the registration page before confirming');
		await page.getByRole('button', { name: 'मेरो दर्ता पुष्टि गर्नुहोस्' }).click();
		await page.waitForLoadState('load');
		expect(await page.getByText('पुष्टि भयो: तपाईंको स्थान सुरक्षित छ।').first().isVisible()).toBe(true);
		expect(await page.getByRole('heading', { name: 'तपाईंको टिकट' }).isVisible()).toBe(true);
		ticketCode = (await page.locator('#ticket-code').innerText()).trim();
		expect(ticketCode).toMatch(/^[A-Z0-9]{6}$/);
		expect(await page.locator('#ticket-qr svg').count()).toBe(1);
		await checkPage(page, 'the registration page with the ticket');

		const confirmed = await smtp.waitFor((mail) => isTo(mail, registrant) && calendarIn(mail) !== undefined, 15_000);
		confirmedEntry = calendarIn(confirmed);
		expect(confirmedEntry?.method).toBe('REQUEST');
		expect(ctx.foreignRequests()).toEqual([]);
		await ctx.close();
	}, 120_000);

	test('staff move the session and the registrant is told in Nepali with an updated calendar entry', async () => {
		expect(confirmedEntry, 'the registration of the first test').toBeDefined();
		const ctx = await openContext(suite.browser, suite.origin, { javaScriptEnabled: true, viewport: viewports.wide });
		const page = await signedInPage(suite, ctx, 'events-editor@example.org', 'editor');
		await page.goto(`${suite.origin}/admin/events`, { waitUntil: 'networkidle' });
		const row = page.locator('tr', { hasText: 'Paste-up workshop in Patan' });
		await row.getByRole('link', { name: /Sessions/ }).click();
		await page.waitForURL(/\/sessions$/);
		await page.locator('tbody a[href*="/sessions/"]').first().click();
		await page.waitForURL(/\/sessions\/\d+$/);
		await page.waitForLoadState('networkidle');

		const starts = await page.inputValue('#startsLocal');
		const ends = await page.inputValue('#endsLocal');
		await page.fill('#startsLocal', later(starts, 60));
		await page.fill('#endsLocal', later(ends, 60));
		await page.getByRole('button', { name: 'Save the changes' }).click();
		await expect.poll(() => page.locator('.success').first().textContent(), { timeout: 15_000 }).toMatch(/It moved: .* told/);
		await ctx.close();

		const moved = await smtp.waitFor((mail) => isTo(mail, registrant) && /बदलियो/.test(mail.subject ?? ''), 15_000);
		const entry = calendarIn(moved);
		expect(entry?.method).toBe('REQUEST');
		expect(entry?.uid).toBe(confirmedEntry!.uid);
		expect(entry!.sequence).toBeGreaterThan(confirmedEntry!.sequence);
		expect(Date.parse(entry!.start) - Date.parse(confirmedEntry!.start)).toBe(60 * 60_000);

		// The private page says it moved, in Nepali.
		const reader = await openContext(suite.browser, suite.origin, { viewport: viewports.narrow });
		const mine = await reader.newPage();
		await visit(mine, `${suite.origin}${privatePath}`);
		expect(await mine.locator('main').innerText()).toContain(ticketCode);
		await checkPage(mine, 'the registration page after the move');
		await reader.close();
	}, 120_000);
});
