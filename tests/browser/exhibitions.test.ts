/**
 * Virtual exhibitions in Chromium (issue 16): a visitor walks the demo's
 * "Climate, pasted" in Nepali at 360 px with JavaScript off, from the list of
 * exhibitions to the last work by the "next" links alone; another walks it with
 * the keyboard (the arrow keys where the small walk script runs, Tab and Enter
 * where it does not). An editor uploads two images as works at once and sees
 * each one's progress and result. Axe at 320 and 1280 px on every kind of page.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { expectFitsWidth, expectNoAxeViolations, openContext, useServerAndBrowser, useShownPageCheck, visit } from '../support/browser.ts';
import { signedInPage } from '../support/staff.ts';
import { photoLike } from '../support/test-images.ts';
import { viewports } from '../support/pages.ts';

const suite = useServerAndBrowser();
const slug = 'climate-pasted';
const phone = { width: 360, height: 740 };

/** No axe violations and nothing too wide, at 320 and 1280 px, for what a visitor without JavaScript is shown. */
const checkAtBothWidths = useShownPageCheck(suite, viewports);

describe('walking an exhibition', () => {
	test('in Nepali at 360 px without JavaScript, from the list to the last work by the links alone', async () => {
		const ctx = await openContext(suite.browser, suite.origin, { viewport: phone });
		const page = await ctx.newPage();
		await visit(page, `${suite.origin}/ne/exhibitions`);
		await page.locator(`a[href="/ne/exhibitions/${slug}"]`).first().click();
		await page.waitForURL(`${suite.origin}/ne/exhibitions/${slug}`);
		await expectFitsWidth(page, phone.width, 'overview at 360 px');
		const listed = await page.locator(`.work-grid a[href^="/ne/exhibitions/${slug}/"]`).count();
		expect(listed).toBeGreaterThan(2);

		await page.locator(`a[href="/ne/exhibitions/${slug}/1"].button`).click();
		const titles: string[] = [];
		for (let n = 1; ; n++) {
			await page.waitForURL(`${suite.origin}/ne/exhibitions/${slug}/${n}`);
			await expectFitsWidth(page, phone.width, `work ${n} at 360 px`);
			expect(await page.locator('html').getAttribute('lang')).toBe('ne');
			// "N मध्ये कृति n": where this work is in the walk, out of the overview's count.
			const position = (await page.locator('.walk [aria-current="page"]').textContent()) ?? '';
			expect(position.trim()).toBe(`${listed} मध्ये कृति ${n}`);
			titles.push((await page.locator('h1').textContent())!.trim());
			const next = page.locator('.walk a[rel="next"]');
			if ((await next.count()) === 0) {
				expect(n, 'the walk ends at the last work the overview lists').toBe(listed);
				break;
			}
			expect(await page.locator('link[rel="next"]').getAttribute('href')).toBe(`/ne/exhibitions/${slug}/${n + 1}`);
			await next.click();
		}
		// Every step showed a different work, and the first step back from the last is the one before it.
		expect(new Set(titles).size).toBe(listed);
		await page.locator('.walk a[rel="prev"]').click();
		await page.waitForURL(`${suite.origin}/ne/exhibitions/${slug}/${listed - 1}`);
		expect((await page.locator('h1').textContent())!.trim()).toBe(titles.at(-2));
		expect(ctx.requests.filter((r) => r.resourceType === 'script'), 'no script is fetched with JavaScript off').toEqual([]);
		expect(ctx.foreignRequests()).toEqual([]);
		await ctx.close();
	});

	test('with the keyboard: the arrow keys follow the walk where its script runs, Tab and Enter everywhere', async () => {
		const ctx = await openContext(suite.browser, suite.origin, { javaScriptEnabled: true, viewport: viewports.wide });
		const page = await ctx.newPage();
		await visit(page, `${suite.origin}/exhibitions/${slug}/1`);
		await page.keyboard.press('ArrowRight');
		await page.waitForURL(`${suite.origin}/exhibitions/${slug}/2`);
		await page.keyboard.press('ArrowLeft');
		await page.waitForURL(`${suite.origin}/exhibitions/${slug}/1`);
		// Not while typing: a text field keeps its arrow keys (the page has none today; one is put in to ask).
		const takenFromField = await page.evaluate(() => {
			const input = document.body.appendChild(document.createElement('input'));
			const event = new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true });
			input.dispatchEvent(event);
			input.remove();
			return event.defaultPrevented;
		});
		expect(takenFromField, 'the walk script leaves a text field its arrow keys').toBe(false);
		// Tab reaches "Next work", and Enter follows it.
		await page.locator('body').click({ position: { x: 1, y: 1 } });
		for (let i = 0; i < 60; i++) {
			await page.keyboard.press('Tab');
			const rel = await page.evaluate(() => document.activeElement?.getAttribute('rel'));
			if (rel === 'next') break;
		}
		expect(await page.evaluate(() => document.activeElement?.getAttribute('rel'))).toBe('next');
		await page.keyboard.press('Enter');
		await page.waitForURL(`${suite.origin}/exhibitions/${slug}/2`);
		expect(ctx.problems).toEqual([]);
		await ctx.close();
	});

	test('the list, an overview and a work page have no axe violations at 320 and 1280 px', async () => {
		await checkAtBothWidths('/exhibitions');
		await checkAtBothWidths(`/es/exhibitions/${slug}`);
		await checkAtBothWidths(`/id/exhibitions/${slug}/2`);
	});
});

describe('works in the admin', () => {
	test('an editor uploads two images at once and sees each one’s progress and the work it became', async () => {
		const ctx = await openContext(suite.browser, suite.origin, { javaScriptEnabled: true, viewport: viewports.wide });
		const page = await signedInPage(suite.server, ctx, 'curator@example.org', 'editor');
		const dir = mkdtempSync(join(tmpdir(), 'works-'));
		const files = ['tide-poster.jpg', 'glacier-poster.jpg'].map((name, i) => {
			const path = join(dir, name);
			return { path, write: photoLike(1000 + i * 200, 700) };
		});
		for (const file of files) writeFileSync(file.path, await file.write);

		await visit(page, `${suite.origin}/admin/works/upload`);
		await expectNoAxeViolations(page, 'works upload, 1280');
		await page.setInputFiles('#files', files.map((f) => f.path));
		await page.click('button:has-text("Upload")');
		const results = page.locator('[role="status"] li');
		await expect.poll(() => results.count(), { timeout: 30_000 }).toBe(2);
		expect(await results.allTextContents()).toEqual([expect.stringMatching(/^tide-poster\.jpg:\s*work \d+ added$/), expect.stringMatching(/^glacier-poster\.jpg:\s*work \d+ added$/)]);
		// Each file had its own progress bar, and each is full.
		const bars = page.locator('.upload-progress progress');
		expect(await bars.count()).toBe(2);
		for (const bar of await bars.all()) expect(await bar.evaluate((b) => (b as HTMLProgressElement).position)).toBe(1);
		await expectNoAxeViolations(page, 'works upload with results, 1280');

		// The works are in the list, titled from their file names.
		await visit(page, `${suite.origin}/admin/works`);
		await expect.poll(() => page.getByText(/tide.poster/i).count()).toBeGreaterThan(0);
		await ctx.close();
	});
});
