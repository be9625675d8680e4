import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { phoneJpegWithGps } from '../support/test-images.ts';
import { expectNoAxeViolations, measureOverflow, openContext, useServerAndBrowser } from '../support/browser.ts';
import { createUserWithCli } from '../support/staff.ts';
import { totpFromUri } from '../support/totp.ts';

/*
 * A staff member's first day, in Chromium with JavaScript on: set a password from
 * the invitation, set up two-step sign-in, sign in with a code, upload a photo
 * with alt text, give the home page a Nepali headline and the photo, publish,
 * and find both on the public Nepali home page with JavaScript off.
 */

const env = useServerAndBrowser();
const email = 'curator@example.org';
const password = 'sunlight through paper lanterns';
const nepaliTitle = 'गल्लीहरूमा कला, सबैका लागि';
const nepaliAlt = 'भित्तामा चित्र बनाउँदै गरेका कलाकारहरू';

/** The text of the first matching element, once it is there. */
async function textOf(locator: import('playwright-core').Locator): Promise<string> {
	await locator.first().waitFor();
	return (await locator.first().textContent()) ?? '';
}

describe('an admin journey in the browser', () => {
	let totpUri = '';
	let signedIn: Awaited<ReturnType<typeof openContext>> | undefined;

	it('sets the password from the invitation and turns on two-step sign-in', async () => {
		const { link } = await createUserWithCli({ DATA_DIR: env.server.dataDir, ORIGIN: env.origin }, { email, role: 'admin' });
		const ctx = await openContext(env.browser, env.origin, { javaScriptEnabled: true, viewport: { width: 360, height: 740 } });
		const page = await ctx.newPage();
		await page.goto(link);
		await expectNoAxeViolations(page, 'welcome page');
		await page.fill('#password', password);
		await page.fill('#confirm', password);
		await page.click('button[type=submit]');
		await page.waitForURL(/\/admin\/login\?done=password/);
		expect(await textOf(page.locator('.success'))).toMatch('Your password is saved');
		await expectNoAxeViolations(page, 'sign-in page');

		await page.fill('#email', email);
		await page.fill('#password', password);
		await page.click('button[type=submit]');
		await page.waitForURL(/\/admin\/account/);
		expect(await textOf(page.locator('.alert').first())).toMatch('Admins must use two-step sign-in');
		await page.fill('#tf-password', password);
		await page.click('text=Set up two-step sign-in');
		const secret = (await page.locator('code.secret').textContent())!.replace(/\s+/g, '');
		totpUri = `otpauth://totp/x?secret=${secret}`;
		await expectNoAxeViolations(page, 'two-step set-up');
		await page.fill('#confirm-code', totpFromUri(totpUri));
		await page.click('text=Turn on two-step sign-in');
		expect(await textOf(page.locator('.success').first())).toMatch('Two-step sign-in is on');
		expect((await measureOverflow(page)).scrollWidth).toBeLessThanOrEqual(360);
		expect(ctx.foreignRequests()).toEqual([]);
		await ctx.close();
	});

	it('signs in with the code, uploads a photo, writes a Nepali headline and publishes', async () => {
		const ctx = await openContext(env.browser, env.origin, { javaScriptEnabled: true, viewport: { width: 1280, height: 900 } });
		const page = await ctx.newPage();
		await page.goto(`${env.origin}/admin/login`);
		await page.fill('#email', email);
		await page.fill('#password', password);
		await page.click('button[type=submit]');
		await page.waitForURL(/two-factor/);
		await expectNoAxeViolations(page, 'two-step page');
		await page.fill('#code', totpFromUri(totpUri));
		await page.keyboard.press('Enter');
		await page.waitForURL(`${env.origin}/admin`);
		await expectNoAxeViolations(page, 'dashboard');

		// Upload a phone photo that carries its GPS position.
		const dir = mkdtempSync(join(tmpdir(), 'journey-'));
		const file = join(dir, 'laneway.jpg');
		writeFileSync(file, await phoneJpegWithGps(1600, 1200));
		await page.goto(`${env.origin}/admin/media`);
		await expectNoAxeViolations(page, 'media library');
		await page.setInputFiles('input[type=file]', file);
		await page.fill('textarea[name="alt.en"]', 'Artists painting a mural on a laneway wall');
		await page.fill('textarea[name="alt.ne"]', nepaliAlt);
		await page.click('button:has-text("Upload")');
		// The list checks again every few seconds until the variants are made.
		await page.locator('img[alt="Artists painting a mural on a laneway wall"]').first().waitFor({ state: 'visible', timeout: 30_000 });

		await page.goto(`${env.origin}/admin/content/page/home`);
		await expectNoAxeViolations(page, 'home page editor');
		await page.fill('[id="field-title.ne"]', nepaliTitle);
		await page.selectOption('select[name="image_id"]', { label: 'Artists painting a mural on a laneway wall' });
		expect(await textOf(page.locator('[id="field-image_id-described"]'))).toMatch('Alt text in English and Nepali');
		// The home page is written in four languages; the photo is described in two: publishing waits, the draft is kept.
		await page.click('button:has-text("Publish now")');
		expect(await textOf(page.locator('[role=alert]').first())).toMatch('The draft is saved, but it is not published yet');
		expect(await textOf(page.locator('[id="error-image_id"]'))).toMatch(/no alt text in Indonesian and Spanish/);
		expect(await page.inputValue('[id="field-title.ne"]')).toBe(nepaliTitle);
		await expectNoAxeViolations(page, 'home page editor, publishing refused');
		await page.click('text=Edit it in Media');
		await page.fill('textarea[name="alt.id"]', 'Seniman melukis mural di dinding gang');
		await page.fill('textarea[name="alt.es"]', 'Artistas pintando un mural en la pared de un callejón');
		await page.click('button:has-text("Save")');
		expect(await textOf(page.locator('[role=status]').first())).toMatch('Saved');
		await page.goto(`${env.origin}/admin/content/page/home`);
		expect(await page.inputValue('[id="field-title.ne"]')).toBe(nepaliTitle);
		await page.click('button:has-text("Publish now")');
		expect(await textOf(page.locator('[role=status]').first())).toMatch(/published/i);
		expect(ctx.foreignRequests()).toEqual([]);
		expect(ctx.problems.filter((p) => /Content Security Policy|page error/.test(p))).toEqual([]);
		signedIn = ctx;
	});

	it('shows the headline and the photo on the public Nepali page, with JavaScript off', async () => {
		const ctx = await openContext(env.browser, env.origin, { javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
		const page = await ctx.newPage();
		await page.goto(`${env.origin}/ne`);
		expect((await page.locator('h1').textContent())?.trim()).toBe(nepaliTitle);
		const photo = page.locator('img.hero-photo');
		expect(await photo.getAttribute('alt')).toBe(nepaliAlt);
		expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
		expect(await page.locator('picture source[type="image/avif"]').count()).toBe(1);
		expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
		expect(ctx.foreignRequests()).toEqual([]);
		await ctx.close();
	});

	it('keeps every admin page free of accessibility violations on a phone', async () => {
		if (!signedIn) throw new Error('the sign-in step did not run');
		const page = await signedIn.newPage();
		await page.setViewportSize({ width: 360, height: 740 });
		for (const path of ['/admin', '/admin/content', '/admin/content/page/about', '/admin/media', '/admin/staff', '/admin/audit', '/admin/jobs', '/admin/outbox', '/admin/account', '/admin/donations', '/admin/donations/wall', '/admin/donations/settings', '/admin/donations/settings/campaigns/new']) {
			await page.goto(env.origin + path);
			await expectNoAxeViolations(page, path);
			const overflow = await measureOverflow(page);
			expect(overflow.scrollWidth, `${path}: ${overflow.offenders.join(', ')}`).toBeLessThanOrEqual(360);
		}
		await signedIn.close();
	}, 120_000);
});
