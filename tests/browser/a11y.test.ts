/**
 * Issue 2, item 8: zero axe-core violations (WCAG 2.2 A and AA rules) on every
 * public page in every language, and on the "page not found" page, at 320 px
 * and 1280 px, as served with JavaScript disabled; the right `lang` on <html>;
 * no horizontal scrolling.
 */
import { describe, expect, test } from 'vitest';
import { allPages, pageName, viewports } from '../support/pages.ts';
import { axeOnServedDocument, formatViolations, measureOverflow, useServedAndAnalysed, useServerAndBrowser, visit } from '../support/browser.ts';

const suite = useServerAndBrowser();

describe.each(Object.values(viewports))('at $width×$height', (viewport) => {
	// One page without and one with JavaScript per viewport, reused by every test.
	const both = useServedAndAnalysed(suite, { viewport });

	test.each(allPages.map((p) => [pageName(p), p] as const))('%s', async (_name, target) => {
		const { noJs, withJs, served, analysed } = both;
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
