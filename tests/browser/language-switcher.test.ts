/**
 * Issue 2, item 8: the language switcher works by keyboard alone, with
 * JavaScript disabled. From the top of the page: Tab reaches the skip link
 * first (Enter moves focus to <main>), then the brand, then the switcher's
 * <summary>; Enter or Space opens it; Tab walks the languages; Enter on one
 * opens the same page in that language. Every focused element shows an outline.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { locales, pageName, pathIn, publicPages, type Locale } from '../support/pages.ts';
import { describeFocus, focused, usePage, useServerAndBrowser, visit, type FocusInfo } from '../support/browser.ts';

const suite = useServerAndBrowser();

/** The switcher lists every language, named in itself, in this order. */
const languageNames: Record<Locale, string> = { en: 'English', ne: 'नेपाली', id: 'Bahasa Indonesia', es: 'Español' };

function expectVisibleFocus(info: FocusInfo | null): asserts info is FocusInfo {
	expect(info, 'something has focus').not.toBeNull();
	expect(info!.outlineStyle, `outline of ${describeFocus(info)}`).not.toBe('none');
	expect(info!.outlineWidth, `outline width of ${describeFocus(info)}`).toBeGreaterThanOrEqual(2);
	expect(info!.inViewport, `${describeFocus(info)} is on screen`).toBe(true);
}

async function tab(page: Page): Promise<FocusInfo | null> {
	await page.keyboard.press('Tab');
	return focused(page);
}

const isOpen = (page: Page) => page.locator('details.language').evaluate((d) => (d as HTMLDetailsElement).open);

describe('keyboard only, JavaScript disabled', () => {
	const opened = usePage(suite);

	test.each(locales.map((l) => [pathIn('/about', l)] as const))(
		'%s: the first Tab reaches the skip link, and Enter moves focus to main',
		async (href) => {
			const { page } = opened;
			await visit(page, suite.origin + href);
			const first = await tab(page);
			expectVisibleFocus(first);
			expect(first.className).toBe('skip-link');
			expect(first.href).toBe('#main');

			await page.keyboard.press('Enter');
			await page.waitForURL(`${suite.origin}${href}#main`);
			expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
			// The next Tab continues from main onwards, not back in the header.
			const next = await tab(page);
			expect(next).not.toBeNull();
			const position = await page.evaluate(() => {
				const main = document.getElementById('main')!;
				const active = document.activeElement!;
				return main.contains(active) || Boolean(main.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING)
					? 'after'
					: 'before';
			});
			expect(position, `Tab after the skip link went to ${describeFocus(next)}`).toBe('after');
		}
	);

	test('from /about: Tab to the switcher, Enter opens it, Tab to "Español", Enter opens /es/about', async () => {
		const { context: noJs, page } = opened;
		await visit(page, `${suite.origin}/about`);
		expect((await tab(page))?.className).toBe('skip-link');
		const brand = await tab(page);
		expectVisibleFocus(brand);
		expect(brand.className).toBe('brand');

		const summary = await tab(page);
		expectVisibleFocus(summary);
		expect(summary.tag).toBe('summary');
		expect(await isOpen(page)).toBe(false);
		expect(await page.locator('details.language a').first().isVisible()).toBe(false);

		await page.keyboard.press('Enter');
		expect(await isOpen(page)).toBe(true);
		expect(await page.locator('details.language ul').isVisible()).toBe(true);

		const seen: string[] = [];
		for (const locale of locales) {
			const link = await tab(page);
			expectVisibleFocus(link);
			expect(link.tag).toBe('a');
			seen.push(link.text);
			if (locale === 'es') break;
		}
		expect(seen).toEqual(['English', 'नेपाली', 'Bahasa Indonesia', 'Español']);

		await page.keyboard.press('Enter');
		await page.waitForURL(`${suite.origin}/es/about`);
		expect(await page.getAttribute('html', 'lang')).toBe('es');
		expect((await page.locator('details.language summary').innerText()).trim()).toBe('Español');
		expect(await page.locator('details.language a[aria-current="page"]').getAttribute('hreflang')).toBe('es');
		expect(noJs.foreignRequests()).toEqual([]);
	});

	test('Space opens the switcher too, and Enter on the summary again closes it', async () => {
		const { page } = opened;
		await visit(page, `${suite.origin}/ne/manifesto`);
		for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
		expect((await focused(page))?.tag).toBe('summary');
		await page.keyboard.press(' ');
		expect(await isOpen(page)).toBe(true);
		await page.keyboard.press('Enter');
		expect(await isOpen(page)).toBe(false);
		await page.keyboard.press(' ');
		expect(await isOpen(page)).toBe(true);
	});

	test('while the switcher is closed, Tab skips its languages', async () => {
		const { page } = opened;
		await visit(page, `${suite.origin}/about`);
		for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
		expect((await focused(page))?.tag).toBe('summary');
		const next = await tab(page);
		expect(next?.tag).toBe('a');
		expect(await page.evaluate(() => document.activeElement?.closest('nav.site-nav') !== null)).toBe(true);
	});

	// Every page in every language: open the switcher by keyboard and go to Spanish
	// (from Spanish pages, to English); the same page opens in that language.
	test.each(publicPages.map((p) => [pageName(p), p] as const))('%s → the same page in another language', async (_name, from) => {
		const { page } = opened;
		const to: Locale = from.locale === 'es' ? 'en' : 'es';
		await visit(page, suite.origin + from.href);
		for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
		expect((await focused(page))?.tag).toBe('summary');
		await page.keyboard.press(from.locale === 'id' ? ' ' : 'Enter');
		expect(await isOpen(page)).toBe(true);

		let link: FocusInfo | null = null;
		for (let i = 0; i <= locales.indexOf(to); i++) link = await tab(page);
		expectVisibleFocus(link);
		expect(link.text).toBe(languageNames[to]);
		expect(link.href).toBe(pathIn(from.path, to));

		await page.keyboard.press('Enter');
		await page.waitForURL(suite.origin + pathIn(from.path, to));
		expect(await page.getAttribute('html', 'lang')).toBe(to);
		expect(await page.locator('h1').count()).toBe(1);
	});
});
