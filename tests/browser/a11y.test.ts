/**
 * Issue 2, item 8: zero axe-core violations (WCAG 2.2 A and AA rules) on every
 * public page in every language, and on the "page not found" page, at 320 px
 * and 1280 px, as served with JavaScript disabled; the right `lang` on <html>;
 * no horizontal scrolling.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allPages, pageName, viewports } from '../support/pages.ts';
import {
	axeOnServedDocument,
	formatViolations,
	measureOverflow,
	openContext,
	useServerAndBrowser,
	visit,
	type TestContext
} from '../support/browser.ts';

const suite = useServerAndBrowser();

describe.each(Object.values(viewports))('at $width×$height', (viewport) => {
	// One page without and one with JavaScript per viewport, reused by every test.
	let noJs: TestContext;
	let withJs: TestContext;
	let served: Page;
	let analysed: Page;
	beforeAll(async () => {
		noJs = await openContext(suite.browser, suite.origin, { viewport });
		withJs = await openContext(suite.browser, suite.origin, { viewport, javaScriptEnabled: true });
		[served, analysed] = await Promise.all([noJs.newPage(), withJs.newPage()]);
	});
	afterAll(async () => {
		await Promise.all([noJs?.close(), withJs?.close()]);
	});

	test.each(allPages.map((p) => [pageName(p), p] as const))('%s', async (_name, target) => {
		noJs.requests.length = 0;
		withJs.requests.length = 0;
		await visit(served, suite.origin + target.href, target.status);

		expect(await served.getAttribute('html', 'lang')).toBe(target.locale);
		expect(await served.getAttribute('html', 'dir')).toBe('ltr');

		const overflow = await measureOverflow(served);
		expect(overflow.clientWidth).toBe(viewport.width);
		expect(
			overflow.scrollWidth,
			`horizontal scrolling at ${viewport.width}px; sticking out: ${overflow.offenders.join(', ')}`
		).toBeLessThanOrEqual(viewport.width);

		const results = await axeOnServedDocument(served, analysed, target.status);
		// axe really looked at the page (an empty document passes next to nothing).
		expect(results.passes.length).toBeGreaterThan(10);
		expect(
			results.violations,
			`axe violations on ${target.href} at ${viewport.width}px:\n${formatViolations(results.violations)}`
		).toEqual([]);

		expect([...noJs.foreignRequests(), ...withJs.foreignRequests()]).toEqual([]);
	});
});
