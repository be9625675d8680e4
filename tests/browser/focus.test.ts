/**
 * Visible focus on every page: Tab through the whole page with JavaScript
 * disabled. The skip link comes first; every element that receives focus is on
 * screen and drawn with an outline at least 2 px wide whose colour contrasts at
 * least 3:1 with what is behind it (WCAG 2.4.7 and 1.4.11), in light and dark.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { allPages, locales, pageName, pathIn, viewports, type PublicPage } from '../support/pages.ts';
import { describeFocus, focused, openContext, usePage, useServerAndBrowser, visit, type FocusInfo } from '../support/browser.ts';

const suite = useServerAndBrowser();

/** Tabs from the top of the page until focus leaves it or comes back round; returns every stop. */
async function tabThrough(page: Page): Promise<FocusInfo[]> {
	const stops: FocusInfo[] = [];
	for (let i = 0; i < 200; i++) {
		await page.keyboard.press('Tab');
		const info = await focused(page);
		if (!info || (stops.length > 0 && info.className === 'skip-link')) return stops;
		stops.push(info);
	}
	throw new Error('More than 200 Tab stops: focus seems to be trapped');
}

function focusProblems(stops: FocusInfo[]): string[] {
	return stops.flatMap((s) => {
		const problems: string[] = [];
		if (s.outlineStyle === 'none' || s.outlineWidth < 2) problems.push(`no outline (${s.outlineStyle} ${s.outlineWidth}px)`);
		else if (s.outlineContrast < 3)
			problems.push(`outline ${s.outlineColor} on ${s.backdrop} contrasts only ${s.outlineContrast.toFixed(2)}:1`);
		if (!s.inViewport) problems.push('not on screen');
		return problems.map((p) => `${describeFocus(s)}: ${p}`);
	});
}

const runs: { scheme: 'light' | 'dark'; viewport: { width: number; height: number }; pages: PublicPage[] }[] = [
	{ scheme: 'light', viewport: viewports.wide, pages: allPages },
	{ scheme: 'light', viewport: viewports.narrow, pages: allPages.filter((p) => p.path === '/') },
	{ scheme: 'dark', viewport: viewports.wide, pages: allPages.filter((p) => p.path === '/') }
];

describe.each(runs)('$scheme, $viewport.width px', ({ scheme, viewport, pages }) => {
	const opened = usePage(suite, { viewport, colorScheme: scheme });

	test.each(pages.map((p) => [pageName(p), p] as const))('%s', async (_name, target) => {
		const { page } = opened;
		await visit(page, suite.origin + target.href, target.status);
		const stops = await tabThrough(page);
		expect(stops.length).toBeGreaterThan(5);
		expect(stops[0]!.className, `first Tab stop is ${describeFocus(stops[0]!)}`).toBe('skip-link');
		// The header comes in its order: skip link, brand, language switcher, main navigation.
		expect(stops.slice(1, 3).map((s) => s.className || s.tag)).toEqual(['brand', 'summary']);
		const problems = focusProblems(stops);
		expect(problems, `focus indicators on ${target.href} (${scheme}, ${viewport.width}px):\n${problems.join('\n')}`).toEqual([]);
	});
});

test.each(locales.map((l) => [pathIn('/', l)] as const))('%s: the skip link is hidden until focused, then visible', async (href) => {
	const noJs = await openContext(suite.browser, suite.origin, { viewport: viewports.narrow });
	try {
		const page = await noJs.newPage();
		await visit(page, suite.origin + href);
		const skip = page.locator('a.skip-link');
		const before = await skip.boundingBox();
		expect(before).not.toBeNull();
		expect(before!.y + before!.height).toBeLessThanOrEqual(0);
		await page.keyboard.press('Tab');
		const after = await skip.boundingBox();
		expect(after!.y).toBeGreaterThanOrEqual(0);
		expect(after!.x).toBeGreaterThanOrEqual(0);
		expect(after!.x + after!.width).toBeLessThanOrEqual(viewports.narrow.width);
	} finally {
		await noJs.close();
	}
});
