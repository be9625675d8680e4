/**
 * Issue 2, items 4 and 7: the CSS uses logical properties, so a right-to-left
 * language mirrors the layout. No language of today is written right to left,
 * so the test serves every page with `dir="rtl"` on <html> (rewriting the HTML
 * on its way to the browser; JavaScript stays off) and compares it with the
 * page as served: every landmark box, and the text of headings and paragraphs,
 * must sit at the mirrored position, the brand at the right edge and the
 * language switcher at the left, borders on the start side move to the right,
 * and nothing scrolls sideways at 320 or 1280 px.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allPages, pageName, viewports } from '../support/pages.ts';
import { isLocal, measureOverflow, openContext, useServerAndBrowser, visit, type TestContext } from '../support/browser.ts';

const suite = useServerAndBrowser();

/** Boxes that must mirror; the first match of each on the page, when there is one. */
const mirrored = [
	'.skip-link',
	'.header-row',
	'.brand',
	'.brand-mark',
	'details.language summary',
	'details.language ul',
	'.site-nav li:first-child a',
	'.site-nav li:last-child a',
	'main h1',
	'main .eyebrow',
	'main .lead',
	'main .actions .button',
	'.figure-list li:first-child',
	'.cards li:first-child',
	'.cards li:last-child',
	'.values li:first-child',
	'.testimonials li:first-child',
	'.prose',
	'.prose blockquote',
	'.notice',
	'.meta',
	'.error-code',
	'.footer-grid > :first-child',
	'.footer-grid > :last-child',
	'.copyright'
];

/** Elements whose text (the union of its lines, not the box) must mirror too: text-align: start, not left. */
const mirroredText = ['main h1', 'main .lead', 'main h2', '.prose p', '.error-code', '.footer-grid h2', '.copyright'];

interface Box {
	left: number;
	right: number;
	top: number;
	width: number;
}

interface Layout {
	width: number;
	dir: string;
	boxes: Record<string, Box>;
	/** The header row's content box: where the brand and the switcher must sit. */
	row: { start: number; end: number };
	/** border-left / border-right widths of elements with a border on their start side. */
	startBorders: Record<string, [string, string]>;
}

/** Focuses the skip link (which only shows when focused) and opens the language menu, then measures. */
async function layout(page: Page): Promise<Layout> {
	await page.keyboard.press('Tab');
	if ((await page.evaluate(() => document.activeElement?.className)) !== 'skip-link') throw new Error('The first Tab missed the skip link');
	// Opened from the test, not by a click, so that focus stays on the skip link.
	await page.locator('details.language').evaluate((d) => ((d as HTMLDetailsElement).open = true));
	return page.evaluate((selectors) => {
		const boxes: Record<string, Box> = {};
		for (const selector of selectors) {
			const text = selector.startsWith('text: ');
			const element = document.querySelector(text ? selector.slice(6) : selector);
			if (!element) continue;
			let r: DOMRect = element.getBoundingClientRect();
			if (text) {
				const range = document.createRange();
				range.selectNodeContents(element);
				r = range.getBoundingClientRect();
			}
			if (r.width === 0 && r.height === 0) continue;
			boxes[selector] = { left: r.left, right: r.right, top: r.top + scrollY, width: r.width };
		}
		const row = document.querySelector('.header-row')!;
		const rect = row.getBoundingClientRect();
		const style = getComputedStyle(row);
		const startBorders: Record<string, [string, string]> = {};
		for (const selector of ['.values li', '.prose blockquote', '.notice']) {
			const element = document.querySelector(selector);
			if (!element) continue;
			const s = getComputedStyle(element);
			startBorders[selector] = [s.borderLeftWidth, s.borderRightWidth];
		}
		return {
			width: document.documentElement.clientWidth,
			dir: document.documentElement.dir,
			boxes,
			row: { start: rect.left + parseFloat(style.paddingLeft), end: rect.right - parseFloat(style.paddingRight) },
			startBorders
		};
	}, [...mirrored, ...mirroredText.map((selector) => `text: ${selector}`)]);
}

describe.each(Object.values(viewports))('at $width px', (viewport) => {
	let ltr: TestContext;
	let rtl: TestContext;
	let ltrPage: Page;
	let rtlPage: Page;
	let rewritten = 0;
	beforeAll(async () => {
		ltr = await openContext(suite.browser, suite.origin, { viewport });
		rtl = await openContext(suite.browser, suite.origin, { viewport });
		// Both directions lay text out in the same fonts: the Devanagari web font (fetched on a system
		// without one) arrives at a different moment in each context and swaps in, moving the text.
		for (const context of [ltr, rtl]) await context.context.route(/\.woff2($|\?)/, (route) => route.abort());
		// Serve every document of this context with dir="rtl" instead of dir="ltr".
		await rtl.context.route(
			(url) => isLocal(url.href, suite.origin),
			async (route) => {
				if (route.request().resourceType() !== 'document') return route.fallback();
				const response = await route.fetch();
				const html = await response.text();
				const flipped = html.replace(/(<html\b[^>]*\bdir=")ltr(")/, '$1rtl$2');
				if (flipped !== html) rewritten++;
				const headers = { ...response.headers() };
				delete headers['content-length'];
				delete headers['content-encoding'];
				delete headers['etag'];
				await route.fulfill({ response, headers, body: flipped });
			}
		);
		[ltrPage, rtlPage] = await Promise.all([ltr.newPage(), rtl.newPage()]);
	});
	afterAll(async () => {
		await Promise.all([ltr?.close(), rtl?.close()]);
	});

	test.each(allPages.map((p) => [pageName(p), p] as const))('%s mirrors', async (_name, target) => {
		const before = rewritten;
		await Promise.all([
			visit(ltrPage, suite.origin + target.href, target.status),
			visit(rtlPage, suite.origin + target.href, target.status)
		]);
		expect(rewritten).toBe(before + 1);

		const [l, r] = await Promise.all([layout(ltrPage), layout(rtlPage)]);
		expect(l.dir).toBe('ltr');
		expect(r.dir).toBe('rtl');
		expect(r.width).toBe(viewport.width);

		// Nothing scrolls sideways, either way round.
		for (const page of [ltrPage, rtlPage]) {
			const overflow = await measureOverflow(page);
			expect(
				overflow.scrollWidth,
				`horizontal scrolling in ${await page.getAttribute('html', 'dir')}; sticking out: ${overflow.offenders.join(', ')}`
			).toBeLessThanOrEqual(viewport.width);
		}

		// The brand at the right edge of the header, the switcher at the left; the reverse in LTR.
		const tolerance = 1.5;
		expect(Math.abs(l.boxes['.brand']!.left - l.row.start)).toBeLessThanOrEqual(tolerance);
		expect(Math.abs(l.boxes['details.language summary']!.right - l.row.end)).toBeLessThanOrEqual(tolerance);
		expect(Math.abs(r.boxes['.brand']!.right - r.row.end), 'brand at the right edge in RTL').toBeLessThanOrEqual(tolerance);
		expect(
			Math.abs(r.boxes['details.language summary']!.left - r.row.start),
			'language switcher at the left edge in RTL'
		).toBeLessThanOrEqual(tolerance);
		// The open language menu stays on screen.
		const menu = r.boxes['details.language ul'];
		expect(menu, 'the language menu opened').toBeDefined();
		expect(menu!.left).toBeGreaterThanOrEqual(0);
		expect(menu!.right).toBeLessThanOrEqual(viewport.width);

		// Every box sits at the mirror image of its LTR position.
		expect(Object.keys(r.boxes).sort()).toEqual(Object.keys(l.boxes).sort());
		expect(Object.keys(l.boxes).length).toBeGreaterThan(10);
		const unmirrored = Object.entries(l.boxes).flatMap(([selector, box]) => {
			const flipped = r.boxes[selector]!;
			const expectedLeft = l.width - box.right;
			return Math.abs(flipped.left - expectedLeft) > tolerance ||
				Math.abs(flipped.width - box.width) > tolerance ||
				Math.abs(flipped.top - box.top) > tolerance
				? [
						`${selector}: LTR [${box.left.toFixed(1)}, ${box.right.toFixed(1)}] top ${box.top.toFixed(1)}, ` +
							`RTL [${flipped.left.toFixed(1)}, ${flipped.right.toFixed(1)}] top ${flipped.top.toFixed(1)}, ` +
							`expected RTL left ${expectedLeft.toFixed(1)}`
					]
				: [];
		});
		expect(unmirrored, `boxes that do not mirror:\n${unmirrored.join('\n')}`).toEqual([]);

		// Borders on the start side (border-inline-start) move to the right.
		for (const [selector, [left, right]] of Object.entries(l.startBorders)) {
			expect(right, `${selector} has no right border in LTR`).toBe('0px');
			expect(r.startBorders[selector], `${selector} border moves to the right in RTL`).toEqual([right, left]);
		}

		expect([...ltr.foreignRequests(), ...rtl.foreignRequests()]).toEqual([]);
	});
});
