import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectFitsWidth, expectNoAxeViolations, openContext, useServerAndBrowser } from '../support/browser.ts';
import { signedInPage, staffPassword } from '../support/staff.ts';
import { totpFromUri } from '../support/totp.ts';

/*
 * Setting up two-step sign-in in Chromium, as a person on a phone would: the
 * key is scanned (here read from the page), a code is mistyped, and the next
 * code from the same key still turns it on; the recovery codes then shown can be
 * downloaded as a text file, and the next sign-in asks for a code from that key.
 */

const env = useServerAndBrowser();

const keyOn = async (page: Page) => (await page.locator('code.secret').textContent())!.replace(/\s+/g, '');
const uriOf = (key: string) => `otpauth://totp/x?secret=${key}&digits=6&period=30`;

describe('two-step set-up in Chromium', () => {
	it('survives a wrong code and a reload, then turns on with a code from the same key, and the next sign-in needs it', async () => {
		const ctx = await openContext(env.browser, env.origin, { javaScriptEnabled: true, viewport: { width: 360, height: 740 }, acceptDownloads: true });
		const email = 'two-step-editor@example.org';
		const page = await signedInPage(env.server, ctx, email, 'editor');
		await page.goto(`${env.origin}/admin/account`, { waitUntil: 'networkidle' });
		await page.fill('#tf-password', staffPassword);
		await page.click('text=Set up two-step sign-in');
		await page.locator('code.secret').waitFor();
		const key = await keyOn(page);
		// In blocks of four.
		expect((await page.locator('code.secret').textContent())!.trim()).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
		await expectNoAxeViolations(page, 'two-step set-up');
		await expectFitsWidth(page, 360, 'two-step set-up');

		const right = totpFromUri(uriOf(key));
		await page.fill('#confirm-code', right === '123456' ? '654321' : '123456');
		await page.click('text=Turn on two-step sign-in');
		await page.getByRole('alert').filter({ hasText: 'That code was not right.' }).waitFor();
		expect(await keyOn(page)).toBe(key);

		await page.reload({ waitUntil: 'networkidle' });
		expect(await keyOn(page)).toBe(key);

		await page.fill('#confirm-code', totpFromUri(uriOf(key)));
		await page.click('text=Turn on two-step sign-in');
		await page.locator('.success', { hasText: 'Two-step sign-in is on.' }).waitFor();
		const codes = (await page.locator('.print-codes .codes code').allTextContents()).map((c) => c.trim());
		expect(codes).toHaveLength(10);
		for (const code of codes) expect(code).toMatch(/^[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}$/);
		await expectNoAxeViolations(page, 'recovery codes');
		await expectFitsWidth(page, 360, 'recovery codes');

		const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Download as a text file')]);
		expect(download.suggestedFilename()).toBe('recovery-codes.txt');
		const file = readFileSync((await download.path())!, 'utf8');
		for (const code of codes) expect(file).toContain(code);

		// Printed, only the codes show: no navigation, no forms.
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('.admin-header').isVisible()).toBe(false);
		expect(await page.locator('#codes-password').isVisible()).toBe(false);
		expect(await page.locator('.print-codes .codes').isVisible()).toBe(true);
		expect(await page.locator('.print-codes a').isVisible()).toBe(false);
		await page.emulateMedia({ media: 'screen' });

		// A new sign-in asks for a code from the same key.
		const fresh = await openContext(env.browser, env.origin, { javaScriptEnabled: true });
		const again = await fresh.newPage();
		await again.goto(`${env.origin}/admin/login`, { waitUntil: 'networkidle' });
		await again.fill('#email', email);
		await again.fill('#password', staffPassword);
		await again.click('button[type=submit]');
		await again.waitForURL(/\/admin\/login\/two-factor/);
		await again.fill('#code', totpFromUri(uriOf(key)));
		await again.click('text=Continue');
		await again.waitForURL(`${env.origin}/admin`);
		expect([...ctx.problems, ...fresh.problems]).toEqual([]);
		expect([...ctx.foreignRequests(), ...fresh.foreignRequests()]).toEqual([]);
		await fresh.close();
		await ctx.close();
	});
});
