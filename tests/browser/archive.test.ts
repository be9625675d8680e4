import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectFitsWidth, expectNoAxeViolations, openContext, useServerAndBrowser, visit } from '../support/browser.ts';
import { signedInPage } from '../support/staff.ts';
import { photoLike } from '../support/test-images.ts';

/*
 * The archive in Chromium: an editor adds an initiative with two places (one
 * found by name, one typed as coordinates) and a photo from the media library,
 * and publishes it; the map shows its markers and the list its places. A visitor
 * with JavaScript off filters the archive by country. Axe at 1280 and 320 px.
 */

const env = useServerAndBrowser();

describe('the archive in the browser', () => {
	it('an editor adds an initiative with two places and a photo, and publishes it', async () => {
		const ctx = await openContext(env.browser, env.origin, { javaScriptEnabled: true, viewport: { width: 1280, height: 900 } });
		const page = await signedInPage(env.server, ctx, 'archive-editor@example.org', 'editor');

		const dir = mkdtempSync(join(tmpdir(), 'archive-'));
		const file = join(dir, 'wall.jpg');
		writeFileSync(file, await photoLike(1200, 800));
		await visit(page, `${env.origin}/admin/media`);
		await page.setInputFiles('input[type=file]', file);
		await page.fill('textarea[name="alt.en"]', 'A wall painted in orange and teal waves');
		await page.click('button:has-text("Upload")');
		await page.locator('img[alt="A wall painted in orange and teal waves"]').first().waitFor({ state: 'visible', timeout: 30_000 });

		await visit(page, `${env.origin}/admin/initiatives`);
		await expectNoAxeViolations(page, 'initiatives list, 1280');
		await page.click('a:has-text("Add an initiative")');
		await page.waitForURL(/\/admin\/content\/initiative\/new-[0-9a-f]{12}$/);
		await page.locator('[id="field-body.en-editor"] [contenteditable="true"]').waitFor();
		await expectNoAxeViolations(page, 'initiative editor, 1280');

		await page.fill('[id="field-title.en"]', 'Laneways of Graz and Pokhara');
		await page.fill('[id="field-summary.en"]', 'Two towns, one weekend of open-air galleries.');
		await page.selectOption('#field-kind_id', { label: 'Festival' });
		await page.fill('#field-start_date', '2026-05-01');
		await page.fill('#field-end_date', '2026-05-03');

		// The first place: found by the name of its town.
		await page.fill('#places-0-finder', 'Graz');
		await page.locator('.place-finder button:has-text("Graz")').first().click();
		await page.fill('[id="field-places.0.name"]', 'Courtyard gallery');
		expect(await page.inputValue('[id="field-places.0.country"]')).toBe('AT');
		expect(Number(await page.inputValue('[id="field-places.0.latitude"]'))).toBeCloseTo(47.07, 1);

		// The second: typed by hand.
		await page.click('button:has-text("Add a place")');
		await page.fill('[id="field-places.1.name"]', 'Lakeside wall');
		await page.fill('[id="field-places.1.city"]', 'Pokhara');
		await page.selectOption('[id="field-places.1.country"]', 'NP');
		await page.fill('[id="field-places.1.latitude"]', '28.21');
		await page.fill('[id="field-places.1.longitude"]', '83.99');

		await page.selectOption('[id="field-gallery.0.media_id"]', { label: 'A wall painted in orange and teal waves' });
		await page.fill('[id="field-gallery.0.credit"]', 'Festival team');

		await page.click('button:has-text("Publish now")');
		await page.locator('[role=status]').first().waitFor();
		expect(await page.locator('[role=status]').first().textContent()).toMatch(/published/i);
		expect(ctx.problems.filter((p) => /Content Security Policy|page error/.test(p))).toEqual([]);
		await ctx.close();
	}, 120_000);

	it('shows the new initiative with its markers, its places and its photo, at 320 and 1280 px', async () => {
		for (const width of [320, 1280]) {
			// Axe runs as a script in the page; the page itself has none (the no-JS suite checks every public page).
			const ctx = await openContext(env.browser, env.origin, { javaScriptEnabled: true, viewport: { width, height: 800 } });
			const page = await ctx.newPage();
			page.setDefaultTimeout(10_000);
			await visit(page, `${env.origin}/initiatives/laneways-of-graz-and-pokhara`);
			const markers = page.locator('svg[role=group] a[aria-label]');
			expect(await markers.count()).toBe(2);
			expect(await markers.first().getAttribute('href')).toBe('/initiatives/laneways-of-graz-and-pokhara');
			const places = await page.locator('.place-groups').textContent();
			expect(places).toContain('Austria');
			expect(places).toContain('Pokhara');
			const photo = page.locator('img.page-photo');
			expect(await photo.getAttribute('alt')).toBe('A wall painted in orange and teal waves');
			expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
			// One share image for link previews: the cover, not the site's default as well.
			const share = await page.locator('meta[property="og:image"]').evaluateAll((metas) => metas.map((m) => m.getAttribute('content')));
			expect(share).toEqual([env.origin + (await photo.getAttribute('src'))]);
			await expectNoAxeViolations(page, `new initiative, ${width}`);
			await expectFitsWidth(page, width, `new initiative, ${width}`);

			await visit(page, `${env.origin}/initiatives`);
			const all = await page.locator('svg[role=group] a[aria-label]').evaluateAll((links) => links.map((a) => a.getAttribute('aria-label') ?? ''));
			expect(all.some((label) => label.includes('Pokhara'))).toBe(true);
			await expectNoAxeViolations(page, `archive with the map, ${width}`);
			await expectFitsWidth(page, width, `archive, ${width}`);
			expect(ctx.foreignRequests()).toEqual([]);
			await ctx.close();
		}
	}, 120_000);

	it('a visitor with JavaScript off filters the archive by country, and the address can be shared', async () => {
		const ctx = await openContext(env.browser, env.origin, { javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
		const page = await ctx.newPage();
		await visit(page, `${env.origin}/es/initiatives`);
		await page.selectOption('#filter-country', 'AT');
		await page.click('form[role=search] button[type=submit]');
		await page.waitForURL(/\/es\/initiatives\?country=AT$/);
		const titles = await page.locator('.archive-card h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
		expect(titles).toContain('/es/initiatives/laneways-of-graz-and-pokhara');
		expect(titles).toContain('/es/initiatives/graz-2019');
		expect(titles.every((href) => /graz/.test(href ?? ''))).toBe(true);
		expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
		await ctx.close();
	});
});
