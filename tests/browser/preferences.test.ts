/**
 * Issue 2, items 4 and 7: the site honours the visitor's settings.
 * - prefers-color-scheme: dark switches to the dark palette, and the pages
 *   still have no axe-core violations (contrast included) at 1280 px, and the
 *   home page none at 320 px either, in every language.
 * - prefers-reduced-motion: reduce turns transitions and animations off.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { allPages, locales, pageName, pathIn, viewports } from '../support/pages.ts';
import { axeOnServedDocument, formatViolations, openContext, useServedAndAnalysed, useServerAndBrowser, visit } from '../support/browser.ts';

const suite = useServerAndBrowser();

/** Relative luminance of a computed `rgb(…)` colour. */
function luminance(color: string): number {
	const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
		const s = Number(v) / 255;
		return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const bodyColors = (page: Page) =>
	page.evaluate(() => {
		const s = getComputedStyle(document.body);
		return { background: s.backgroundColor, text: s.color };
	});

const darkRuns = [
	{ viewport: viewports.wide, pages: allPages },
	{ viewport: viewports.narrow, pages: allPages.filter((p) => p.path === '/') }
];

describe.each(darkRuns)('dark colour scheme at $viewport.width px', ({ viewport, pages }) => {
	const both = useServedAndAnalysed(suite, { viewport, colorScheme: 'dark' });

	test.each(pages.map((p) => [pageName(p), p] as const))('%s', async (_name, target) => {
		const { noJs, withJs, served, analysed } = both;
		await visit(served, suite.origin + target.href, target.status);
		// The dark palette applies: light text on a dark background.
		const colors = await bodyColors(served);
		expect(luminance(colors.background), `body background ${colors.background}`).toBeLessThan(0.05);
		expect(luminance(colors.text), `body text ${colors.text}`).toBeGreaterThan(0.6);

		const results = await axeOnServedDocument(served, analysed, target.status);
		expect(results.passes.map((p) => p.id)).toContain('color-contrast');
		expect(
			results.violations,
			`axe violations on ${target.href} in dark mode at ${viewport.width}px:\n${formatViolations(results.violations)}`
		).toEqual([]);
		expect([...noJs.foreignRequests(), ...withJs.foreignRequests()]).toEqual([]);
	});
});

test('the light colour scheme is the light palette (so the dark check above means something)', async () => {
	const light = await openContext(suite.browser, suite.origin, { colorScheme: 'light' });
	try {
		const page = await light.newPage();
		await visit(page, suite.origin + '/');
		const colors = await bodyColors(page);
		expect(luminance(colors.background)).toBeGreaterThan(0.8);
		expect(luminance(colors.text)).toBeLessThan(0.1);
	} finally {
		await light.close();
	}
});

describe('reduced motion', () => {
	/** The longest transition or animation of any element, in seconds, with the hovered button's running animations. */
	async function motion(page: Page) {
		await page.locator('.button').first().hover();
		return page.evaluate(() => {
			const seconds = (value: string) =>
				Math.max(...value.split(',').map((v) => (v.trim().endsWith('ms') ? parseFloat(v) / 1000 : parseFloat(v))));
			let transition = 0;
			let animation = 0;
			for (const element of [document.documentElement, ...Array.from(document.querySelectorAll('body, body *'))]) {
				const s = getComputedStyle(element);
				transition = Math.max(transition, seconds(s.transitionDuration));
				if (s.animationName !== 'none') animation = Math.max(animation, seconds(s.animationDuration));
			}
			return {
				transition,
				animation,
				scrollBehavior: getComputedStyle(document.documentElement).scrollBehavior
			};
		});
	}

	test.each(locales.map((l) => [pathIn('/', l)] as const))('%s: transitions off with reduce, on without', async (href) => {
		const reduce = await openContext(suite.browser, suite.origin, { reducedMotion: 'reduce' });
		const full = await openContext(suite.browser, suite.origin, { reducedMotion: 'no-preference' });
		try {
			const [reducedPage, fullPage] = await Promise.all([reduce.newPage(), full.newPage()]);
			await Promise.all([visit(reducedPage, suite.origin + href), visit(fullPage, suite.origin + href)]);
			const [reduced, normal] = await Promise.all([motion(reducedPage), motion(fullPage)]);
			// Without the preference the links and buttons do transition…
			expect(normal.transition).toBeGreaterThan(0.05);
			// …and with it nothing moves for longer than a hundredth of a millisecond.
			expect(reduced.transition).toBeLessThanOrEqual(0.00001);
			expect(reduced.animation).toBeLessThanOrEqual(0.00001);
			expect(reduced.scrollBehavior).toBe('auto');
		} finally {
			await Promise.all([reduce.close(), full.close()]);
		}
	});
});
