/**
 * Issue 5: a visitor subscribes from /id/newsletter with JavaScript disabled,
 * opens the confirm link from the e-mail (delivered to an SMTP server on
 * loopback), confirms, changes topics on the preferences page and unsubscribes;
 * and the newsletter's pages have zero axe-core violations at 320 px and
 * 1280 px without horizontal scrolling, also with the form's errors shown and
 * for a link that no longer works.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSmtpSink } from '../support/smtp.ts';
import { axeOnServedDocument, formatViolations, measureOverflow, openContext, runAxe, useServedAndAnalysed, useServerAndBrowser, visit } from '../support/browser.ts';
import { viewports } from '../support/pages.ts';

let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
	smtp = await startSmtpSink();
});
afterAll(async () => {
	await smtp?.close();
});
const suite = useServerAndBrowser(() => ({ SMTP_URL: smtp.url }));

/** The path of the first link to a newsletter page of `kind` in the newest e-mail to `to`. */
async function linkFromMail(to: string, kind: 'confirm' | 'preferences' | 'unsubscribe', subject?: RegExp): Promise<string> {
	const mail = await smtp.waitFor(
		(m) => [m.to].flat().some((t) => t?.value.some((v) => v.address === to)) && (!subject || subject.test(m.subject ?? '')),
		15_000
	);
	const match = new RegExp(`https?://[^\\s]+/newsletter/${kind}/[\\w-]+`).exec(mail.text ?? '');
	if (!match) throw new Error(`no ${kind} link in the e-mail to ${to}`);
	return new URL(match[0]).pathname;
}

/** Signs an address up as a browser without script would, and returns its confirm link. */
async function signUpByPost(email: string, locale = 'en'): Promise<string> {
	const path = locale === 'en' ? '/newsletter' : `/${locale}/newsletter`;
	const response = await fetch(suite.origin + path, {
		method: 'POST',
		headers: { Origin: suite.origin, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
		body: new URLSearchParams({ email, consent: 'yes', topics: 'news' })
	});
	expect(response.status).toBe(200);
	return linkFromMail(email, 'confirm');
}

describe('subscribing without JavaScript', () => {
	test('in Indonesian: sign up, confirm from the e-mail, change topics, unsubscribe', async () => {
		const context = await openContext(suite.browser, suite.origin, { viewport: viewports.narrow });
		const page = await context.newPage();
		await visit(page, `${suite.origin}/id/newsletter`);
		expect(await page.evaluate(() => document.scripts.length)).toBe(0);
		await page.getByLabel('Alamat surel').fill('sari@example.org');
		await page.getByLabel('Nama Anda (tidak wajib)').fill('Sari');
		await page.locator('#topic-events').uncheck();
		await page.locator('#consent').check();
		await Promise.all([page.waitForURL(`${suite.origin}/id/newsletter`), page.getByRole('button', { name: 'Berlangganan' }).click()]);
		expect(await page.getByRole('heading', { name: 'Periksa kotak masuk Anda' }).isVisible()).toBe(true);
		expect(await page.locator('[role=status]').innerText()).toContain('sari@example.org');

		// The link works in the language the visitor used; opening it confirms nothing yet.
		const confirmPath = await linkFromMail('sari@example.org', 'confirm');
		expect(confirmPath).toMatch(/^\/id\/newsletter\/confirm\//);
		await visit(page, suite.origin + confirmPath);
		expect(await page.locator('h1').innerText()).toBe('Konfirmasi langganan Anda');
		await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Konfirmasi langganan saya' }).click()]);
		expect(await page.locator('h1').innerText()).toBe('Langganan Anda sudah aktif');

		await Promise.all([page.waitForURL(/\/id\/newsletter\/preferences\//), page.getByRole('link', { name: 'Preferensi buletin Anda' }).click()]);
		const preferencesUrl = page.url();
		expect(await page.locator('#topic-news').isChecked()).toBe(true);
		expect(await page.locator('#topic-events').isChecked()).toBe(false);
		await page.locator('#topic-news').uncheck();
		await page.locator('#topic-open-calls').check();
		await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Simpan preferensi saya' }).click()]);
		expect(await page.locator('.notice').innerText()).toBe('Preferensi Anda sudah disimpan.');
		await visit(page, preferencesUrl);
		expect(await page.locator('#topic-news').isChecked()).toBe(false);
		expect(await page.locator('#topic-open-calls').isChecked()).toBe(true);

		await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Berhenti berlangganan' }).click()]);
		expect(await page.locator('.notice').innerText()).toBe('Anda sudah berhenti berlangganan. Anda bisa berlangganan lagi di sini kapan saja.');
		expect(await page.locator('#subscription-status').innerText()).toBe('Anda sudah berhenti berlangganan: Anda tidak menerima buletin.');
		expect(await page.getByRole('button', { name: 'Berlangganan lagi' }).isVisible()).toBe(true);

		// The welcome e-mail carried the same preferences link.
		expect(await linkFromMail('sari@example.org', 'preferences', /Selamat datang/)).toBe(new URL(preferencesUrl).pathname);
		expect(context.foreignRequests()).toEqual([]);
		expect(context.problems).toEqual([]);
		await context.close();
	});
});

describe.each(Object.values(viewports))('axe at $width×$height', (viewport) => {
	const both = useServedAndAnalysed(suite, { viewport });
	const pages: { name: string; path: string; status: number }[] = [];

	beforeAll(async () => {
		const tag = `w${viewport.width}`;
		const pending = await signUpByPost(`pending-${tag}@example.org`, 'ne');
		const confirmed = await signUpByPost(`confirmed-${tag}@example.org`, 'es');
		const answer = await fetch(suite.origin + confirmed, { method: 'POST', headers: { Origin: suite.origin, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' }, body: '' });
		expect(answer.status).toBe(200);
		const preferences = await linkFromMail(`confirmed-${tag}@example.org`, 'preferences', /bienvenida/);
		const unsubscribe = await linkFromMail(`confirmed-${tag}@example.org`, 'unsubscribe', /bienvenida/);
		pages.push(
			{ name: '/newsletter', path: '/newsletter', status: 200 },
			{ name: '/ne/newsletter', path: '/ne/newsletter', status: 200 },
			{ name: 'confirm', path: pending, status: 200 },
			{ name: 'preferences', path: preferences, status: 200 },
			{ name: 'unsubscribe', path: unsubscribe, status: 200 },
			{ name: 'a used confirm link', path: confirmed, status: 410 },
			{ name: 'an unknown preferences link', path: `/id/newsletter/preferences/${'A'.repeat(43)}`, status: 404 }
		);
	});

	test.each(['/newsletter', '/ne/newsletter', 'confirm', 'preferences', 'unsubscribe', 'a used confirm link', 'an unknown preferences link'])(
		'%s',
		async (name) => {
			const { served, analysed } = both;
			const target = pages.find((p) => p.name === name)!;
			await visit(served, suite.origin + target.path, target.status);
			const overflow = await measureOverflow(served);
			expect(overflow.scrollWidth, `sticking out: ${overflow.offenders.join(', ')}`).toBeLessThanOrEqual(viewport.width);
			const results = await axeOnServedDocument(served, analysed, target.status);
			expect(results.passes.length).toBeGreaterThan(10);
			expect(results.violations, formatViolations(results.violations)).toEqual([]);
		}
	);

	test('/es/newsletter with the form’s errors shown', async () => {
		const { analysed } = both;
		await visit(analysed, `${suite.origin}/es/newsletter`);
		await analysed.locator('#email').fill('nope@');
		await analysed.locator('#name').fill('x'.repeat(81));
		await Promise.all([analysed.waitForURL(`${suite.origin}/es/newsletter`), analysed.locator('button[type=submit]').click()]);
		await analysed.waitForSelector('#email-error');
		expect(await analysed.locator('#email').inputValue()).toBe('nope@');
		expect(await analysed.locator('#consent-error').isVisible()).toBe(true);
		// A field in error is outlined in the accent colour of its message, not only described by it.
		const colours = await analysed.evaluate(() => ({
			invalid: getComputedStyle(document.querySelector('#email')!).borderTopColor,
			message: getComputedStyle(document.querySelector('#email-error')!).color
		}));
		expect(colours.invalid).toBe(colours.message);
		const overflow = await measureOverflow(analysed);
		expect(overflow.scrollWidth, `sticking out: ${overflow.offenders.join(', ')}`).toBeLessThanOrEqual(viewport.width);
		const results = await runAxe(analysed);
		expect(results.violations, formatViolations(results.violations)).toEqual([]);
	});
});
