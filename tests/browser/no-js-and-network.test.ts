/**
 * Issue 2, item 8: every public page (and the "page not found" page) is
 * complete with JavaScript disabled, ships no script, and makes no request to
 * any host but the server itself.
 */
import { describe, expect, test } from 'vitest';
import { allPages, formRefusedPath, isItemPath, notFoundPath, optionalScripts, pageName, publicPages } from '../support/pages.ts';
import { usePage, useServerAndBrowser, visit } from '../support/browser.ts';

const suite = useServerAndBrowser();

describe('pages as served, without JavaScript', () => {
	const opened = usePage(suite);

	/** Same-origin addresses already checked, with what they answered. */
	const linkStatus = new Map<string, Promise<string>>();
	function check(url: string): Promise<string> {
		let status = linkStatus.get(url);
		if (!status) {
			status = fetch(url, { redirect: 'manual' }).then(async (response) => {
				await response.body?.cancel();
				const location = response.headers.get('location');
				return `${response.status}${location ? ` → ${location}` : ''}`;
			});
			linkStatus.set(url, status);
		}
		return status;
	}

	test('the list of pages under test is the one the sitemap publishes', async () => {
		const sitemap = await (await fetch(`${suite.origin}/sitemap.xml`)).text();
		const published = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
		const lists = published.filter((url) => !isItemPath(new URL(url).pathname)).sort();
		expect(lists).toEqual(
			publicPages
				.filter((p) => !isItemPath(p.path))
				.map((p) => suite.origin + p.href)
				.sort()
		);
		// The item pages under test are among those the sitemap lists.
		for (const page of publicPages.filter((p) => isItemPath(p.path))) expect(published).toContain(suite.origin + page.href);
	});

	test.each(allPages.map((p) => [pageName(p), p] as const))('%s', async (_name, target) => {
		const { context: noJs, page } = opened;
		noJs.requests.length = 0;
		noJs.responses.length = 0;
		noJs.problems.length = 0;
		const url = suite.origin + target.href;
		await visit(page, url, target.status);

		// The page is all there: a title, one h1, the landmarks, the footer.
		expect((await page.title()).trim()).not.toBe('');
		expect(await page.locator('h1').count()).toBe(1);
		expect((await page.locator('h1').innerText()).trim()).not.toBe('');
		expect(await page.locator('h1').isVisible()).toBe(true);
		expect(await page.locator('header.site-header').count()).toBe(1);
		expect(await page.locator('header nav a').count()).toBeGreaterThan(0);
		expect(await page.locator('main#main').count()).toBe(1);
		expect((await page.locator('main#main').innerText()).trim()).not.toBe('');
		expect(await page.locator('footer').count()).toBe(1);
		expect(await page.locator('footer').isVisible()).toBe(true);
		expect(await page.locator('details.language summary').isVisible()).toBe(true);

		// The stylesheet arrived and applies: the body is not the browser's default white or transparent.
		const stylesheets = noJs.responses.filter((r) => r.contentType.startsWith('text/css'));
		expect(stylesheets.length).toBeGreaterThan(0);
		expect(stylesheets.every((r) => r.status === 200)).toBe(true);
		const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		expect(['rgba(0, 0, 0, 0)', 'transparent', 'rgb(255, 255, 255)']).not.toContain(background);
		expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');

		// No JavaScript: no script elements but structured data and the optional static ones (deferred), nothing else fetched as a script.
		const scripts = await page.evaluate(
			(optional) =>
				Array.from(document.querySelectorAll('script'))
					.filter((s) => s.type !== 'application/ld+json' && !(s.defer && optional.includes(s.getAttribute('src') ?? '')))
					.map((s) => s.outerHTML.slice(0, 120)),
			[...optionalScripts]
		);
		expect(scripts).toEqual([]);
		expect(await page.locator('link[rel="modulepreload"], link[as="script"]').count()).toBe(0);
		expect(noJs.requests.filter((r) => r.resourceType === 'script' && !optionalScripts.has(new URL(r.url).pathname))).toEqual([]);

		// Nothing leaves the machine.
		expect(noJs.requests.length).toBeGreaterThan(0);
		expect(noJs.foreignRequests()).toEqual([]);

		// Every subresource loaded; only the document of the 404 (or 403) page may answer with it.
		const failed = noJs.responses.filter((r) => r.status >= 400 && !(r.url === url && r.status === target.status));
		expect(failed).toEqual([]);
		// No Content-Security-Policy refusal or other complaint in the console.
		const problems = noJs.problems.filter(
			(p) => !(target.status !== 200 && p.includes(`status of ${target.status}`) && p.endsWith(`(${url})`))
		);
		expect(problems).toEqual([]);

		// Every link and <link> to this site answers directly (no redirect, no error),
		// except those to the page that does not exist and to the refused-form page (403 by design).
		const hrefs = await page.evaluate(() =>
			// getAttribute, since an SVG link's `href` (the map's markers) is not a string.
			Array.from(document.querySelectorAll('a[href], link[href]')).map((a) => new URL(a.getAttribute('href')!, document.baseURI).href)
		);
		const local = [...new Set(hrefs)].filter(
			(href) => new URL(href).origin === suite.origin && ![notFoundPath, formRefusedPath].some((path) => new URL(href).pathname.endsWith(path))
		);
		expect(local.length).toBeGreaterThan(3);
		const broken = (
			await Promise.all(local.map(async (href) => ({ href, status: await check(href.split('#')[0]!) })))
		).filter((l) => l.status !== '200');
		expect(broken).toEqual([]);
	});
});
