/**
 * Issue 6: giving from /es/donate with JavaScript disabled reaches Stripe
 * Checkout (a stand-in on loopback that serves the checkout page), and the
 * donation pages have zero axe-core violations at 320 px and 1280 px, without
 * horizontal scrolling, also with the form's errors shown.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startStripeStandIn } from '../support/stripe-stand-in.ts';
import { axeOnServedDocument, formatViolations, measureOverflow, openContext, runAxe, useServedAndAnalysed, useServerAndBrowser, visit, type TestContext } from '../support/browser.ts';
import { viewports } from '../support/pages.ts';

let standIn: Awaited<ReturnType<typeof startStripeStandIn>>;
beforeAll(async () => {
	standIn = await startStripeStandIn({ pagesOnLoopback: true });
});
afterAll(async () => {
	await standIn?.close();
});
const suite = useServerAndBrowser(() => standIn.appEnv('whsec_test_browser'));

/** The stand-in's pages are the one other host the browser may reach. */
async function allowStandIn(context: TestContext) {
	await context.context.route(
		(url) => url.host === `127.0.0.1:${standIn.port}`,
		(route) => route.continue()
	);
}

describe('giving without JavaScript', () => {
	test('from /es/donate, a preset, monthly, an e-mail: lands on the Checkout page with the amount in cents', async () => {
		const context = await openContext(suite.browser, suite.origin);
		await allowStandIn(context);
		const page = await context.newPage();
		await visit(page, `${suite.origin}/es/donate`);
		expect(await page.evaluate(() => document.scripts.length)).toBe(0);
		await page.locator('#amount-1').check();
		await page.locator('main').getByLabel('Cada mes').check();
		// The footer's newsletter form has an e-mail field too: the donation form is the one in <main>.
		await page.locator('main').getByLabel('Correo electrónico').fill('lucia@example.org');
		await page.locator('main').getByLabel('Tu nombre').fill('Lucía');
		await Promise.all([page.waitForURL(/\/c\/pay\/cs_test_/), page.getByRole('button', { name: 'Continuar al pago seguro' }).click()]);
		expect(page.url()).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${standIn.port}/c/pay/cs_test_\\d+`));
		expect(await page.locator('h1').innerText()).toContain('Stripe stand-in');
		const call = standIn.requests.find((r) => r.path === '/v1/checkout/sessions');
		expect(call?.params.mode).toBe('subscription');
		expect(call?.params['line_items[0][price_data][unit_amount]']).toBe('1000');
		expect(call?.params['metadata[locale]']).toBe('es');
		expect(call?.params['metadata[donor_name]']).toBe('Lucía');
		expect(context.problems).toEqual([]);
		await context.close();
	});
});

const pages = ['/donate', '/es/donate/thanks', '/donate/cancelled', '/id/donate/transparency', '/donate/manage', '/ne/donate/manage/no-such-link-xxxxxxxxxxxxxxxxxxxx'];

describe.each(Object.values(viewports))('axe at $width×$height', (viewport) => {
	const both = useServedAndAnalysed(suite, { viewport });

	test.each(pages)('%s', async (path) => {
		const { served, analysed } = both;
		await visit(served, suite.origin + path);
		const overflow = await measureOverflow(served);
		expect(overflow.scrollWidth, `sticking out: ${overflow.offenders.join(', ')}`).toBeLessThanOrEqual(viewport.width);
		const results = await axeOnServedDocument(served, analysed, 200);
		expect(results.passes.length).toBeGreaterThan(10);
		expect(results.violations, formatViolations(results.violations)).toEqual([]);
	});

	test('/id/donate with the form’s errors shown', async () => {
		const { analysed } = both;
		// The page ships no script, so with JavaScript on it is the page as served.
		await visit(analysed, `${suite.origin}/id/donate`);
		await analysed.locator('#custom_amount').fill('abc');
		await analysed.locator('#email').fill('nope@');
		await Promise.all([analysed.waitForURL(`${suite.origin}/id/donate`), analysed.locator('main button[type=submit]').click()]);
		await analysed.waitForSelector('#amount-error');
		expect(await analysed.locator('#custom_amount').inputValue()).toBe('abc');
		const overflow = await measureOverflow(analysed);
		expect(overflow.scrollWidth, `sticking out: ${overflow.offenders.join(', ')}`).toBeLessThanOrEqual(viewport.width);
		const results = await runAxe(analysed);
		expect(results.violations, formatViolations(results.violations)).toEqual([]);
	});
});
