/**
 * Every public page in every language, as the built server sends it: status,
 * language and direction, no script, hreflang alternates, the language
 * switcher, the HTML + CSS byte budget and no third-party requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomUtils } from 'htmlparser2';
import sharp from 'sharp';
import { locales } from '$lib/i18n/locales';
import { publicPaths } from '$lib/server/content/sitemap';
import { itemPaths, optionalScripts } from '../support/pages';
import {
	header,
	isInside,
	localized,
	parseHtml,
	rawRequest,
	relTokens,
	startTestServer,
	type RawResponse,
	type TestServer
} from '../support/http';

/** PRODUCT.md, "Budgets": HTML + CSS at most 35 KB compressed per page (counted as 35 000 bytes, the stricter reading). */
const budgetBytes = 35_000;
const rtl = new Set(['ar', 'fa', 'he', 'ur']);

const pages = locales.flatMap((locale) => [...publicPaths, ...itemPaths].map((path) => ({ locale, path, url: localized(path, locale) })));

let site: TestServer;
beforeAll(async () => {
	site = await startTestServer();
});
afterAll(async () => {
	await site?.stop();
});

/** The compressed size of each stylesheet, fetched once per encoding. */
const cssSizes = new Map<string, Promise<RawResponse>>();
function compressedAsset(href: string, encoding: 'br' | 'gzip'): Promise<RawResponse> {
	const key = `${encoding} ${href}`;
	let response = cssSizes.get(key);
	if (!response) {
		response = rawRequest(site.origin, href, { headers: { 'accept-encoding': encoding } });
		cssSizes.set(key, response);
	}
	return response;
}

function sameOrigin(url: string, base: string): boolean {
	return new URL(url, base).origin === new URL(base).origin;
}

describe.each(pages)('$url', ({ locale, path, url }) => {
	let response: RawResponse;
	let html: string;
	let doc: ReturnType<typeof parseHtml>;

	beforeAll(async () => {
		response = await rawRequest(site.origin, url, { headers: { 'accept-encoding': 'identity' } });
		html = response.body.toString('utf8');
		doc = parseHtml(html);
	});

	it('answers 200 with an HTML document', () => {
		expect(response.status).toBe(200);
		expect(header(response, 'content-type')).toMatch(/^text\/html\b/);
		expect(html).toMatch(/^<!doctype html>/i);
		expect(html.trimEnd()).toMatch(/<\/html>$/i);
	});

	it(`declares lang="${locale}" and its text direction on <html>`, () => {
		expect(doc.html?.attribs.lang).toBe(locale);
		expect(doc.html?.attribs.dir).toBe(rtl.has(locale) ? 'rtl' : 'ltr');
	});

	it('carries no script but JSON-LD data and optional static scripts, and no inline event handlers', () => {
		const scripts = doc.byTag('script');
		for (const script of scripts) {
			// A page may add a small static file that only enhances it (the exhibition walk's arrow keys): deferred, from this site, never needed.
			if (script.attribs.src !== undefined && optionalScripts.has(script.attribs.src)) {
				expect(script.attribs.defer).toBeDefined();
				continue;
			}
			expect(script.attribs.type, DomUtils.getOuterHTML(script).slice(0, 120)).toBe('application/ld+json');
			expect(script.attribs.src).toBeUndefined();
			expect(() => JSON.parse(DomUtils.textContent(script))).not.toThrow();
		}
		const handlers = doc.all((e) => Object.keys(e.attribs).some((name) => /^on/i.test(name)));
		expect(handlers.map((e) => DomUtils.getOuterHTML(e).slice(0, 120))).toEqual([]);
		const javascriptUrls = doc.all((e) =>
			['href', 'src', 'action', 'formaction'].some((name) => /^\s*javascript:/i.test(e.attribs[name] ?? ''))
		);
		expect(javascriptUrls).toHaveLength(0);
		const scriptPreloads = doc.all(
			(e) =>
				e.name === 'link' &&
				(relTokens(e).includes('modulepreload') || (relTokens(e).includes('preload') && e.attribs.as === 'script'))
		);
		expect(scriptPreloads).toHaveLength(0);
		expect(header(response, 'link') ?? '').not.toMatch(/modulepreload|as="?script/);
	});

	it('lists every language version (hreflang) in its head', () => {
		const alternates = doc.all((e) => e.name === 'link' && relTokens(e).includes('alternate') && 'hreflang' in e.attribs);
		for (const link of alternates) expect(isInside(link, doc.head)).toBe(true);
		const byLanguage = Object.fromEntries(alternates.map((link) => [link.attribs.hreflang, link.attribs.href]));
		const expected = Object.fromEntries([
			...locales.map((l) => [l, site.origin + localized(path, l)]),
			['x-default', site.origin + path]
		]);
		expect(byLanguage).toEqual(expected);
		expect(alternates).toHaveLength(locales.length + 1);
	});

	it('links to this same page in every other language, without script', () => {
		for (const other of locales) {
			const links = doc.all((e) => e.name === 'a' && e.attribs.hreflang === other);
			expect(
				links.map((a) => a.attribs.href),
				`a link to the ${other} version`
			).toContain(localized(path, other));
		}
	});

	it(`keeps HTML + CSS within ${budgetBytes} bytes compressed, with brotli and with gzip`, async () => {
		const stylesheets = doc
			.all((e) => e.name === 'link' && relTokens(e).includes('stylesheet'))
			.map((e) => e.attribs.href ?? '');
		expect(stylesheets.length).toBeGreaterThan(0);
		for (const encoding of ['br', 'gzip'] as const) {
			const page = await rawRequest(site.origin, url, { headers: { 'accept-encoding': encoding } });
			expect(page.status).toBe(200);
			expect(header(page, 'content-encoding')).toBe(encoding);
			let total = page.body.byteLength;
			for (const href of stylesheets) {
				expect(sameOrigin(href, site.origin + url), href).toBe(true);
				const css = await compressedAsset(new URL(href, site.origin + url).pathname, encoding);
				expect(css.status, href).toBe(200);
				expect(header(css, 'content-encoding'), href).toBe(encoding);
				total += css.body.byteLength;
			}
			expect(total, `${encoding}: HTML ${page.body.byteLength} bytes + CSS`).toBeLessThanOrEqual(budgetBytes);
		}
	});

	it('asks for nothing from any other host', () => {
		const resourceRels = ['stylesheet', 'icon', 'preload', 'prefetch', 'modulepreload', 'manifest', 'apple-touch-icon', 'preconnect', 'dns-prefetch'];
		const urls: string[] = [];
		for (const e of doc.all(() => true)) {
			if (e.name === 'link' && relTokens(e).some((rel) => resourceRels.includes(rel))) urls.push(e.attribs.href ?? '');
			for (const name of ['src', 'poster', 'data']) if (e.attribs[name] !== undefined) urls.push(e.attribs[name]);
			if (e.attribs.srcset) urls.push(...e.attribs.srcset.split(',').map((c) => c.trim().split(/\s+/)[0] ?? ''));
			if (e.name === 'form' && e.attribs.action) urls.push(e.attribs.action);
		}
		const styleText = doc.byTag('style').map((s) => DomUtils.textContent(s)).join('\n');
		const inlineStyles = doc.all((e) => e.attribs.style !== undefined).map((e) => e.attribs.style).join('\n');
		for (const match of `${styleText}\n${inlineStyles}`.matchAll(/url\(\s*['"]?([^'")]+)/g)) urls.push(match[1] ?? '');
		const foreign = urls.filter((u) => !u.startsWith('data:') && !sameOrigin(u, site.origin + url));
		expect(foreign).toEqual([]);
	});
});

describe('the home page', () => {
	it.each(locales)('describes the organization as an NGO in JSON-LD (%s)', async (locale) => {
		const response = await rawRequest(site.origin, localized('/', locale));
		const doc = parseHtml(response.body.toString('utf8'));
		const data = doc
			.all((e) => e.name === 'script' && e.attribs.type === 'application/ld+json')
			.map((s) => JSON.parse(DomUtils.textContent(s)) as Record<string, unknown>);
		const organization = data.find((d) => d['@type'] === 'NGO');
		expect(organization, JSON.stringify(data)).toBeDefined();
		expect(organization?.['@context']).toMatch(/^https?:\/\/schema\.org\/?$/);
		expect(typeof organization?.name).toBe('string');
		expect(sameOrigin(String(organization?.url), site.origin), String(organization?.url)).toBe(true);
	});
});

describe('words that repeat', () => {
	const textOfElement = (e: Parameters<typeof DomUtils.textContent>[0]) => DomUtils.textContent(e).replace(/\s+/g, ' ').trim();
	const pageOf = async (path: string) => parseHtml((await rawRequest(site.origin, path, { headers: { 'accept-encoding': 'identity' } })).body.toString('utf8'));

	it.each(locales)('the home page’s manifesto teaser does not say its heading twice (%s)', async (locale) => {
		const doc = await pageOf(localized('/', locale));
		const teaser = doc.all((e) => e.name === 'section' && (e.attribs.class ?? '').includes('manifesto-teaser'))[0]!;
		const heading = textOfElement(DomUtils.getElementsByTagName('h2', teaser)[0]!);
		const summary = textOfElement(DomUtils.getElementsByTagName('p', teaser)[0]!);
		expect(summary.toLowerCase().startsWith(heading.toLowerCase()), `${heading} / ${summary}`).toBe(false);
	});

	it.each(locales)('the About page tells its own story, not the home page’s sections again (%s)', async (locale) => {
		const home = await pageOf(localized('/', locale));
		const about = await pageOf(localized('/about', locale));
		const aboutText = textOfElement(about.byTag('main')[0]!);
		// Each item of the home page's lists (what we do, what we value, the agenda).
		const homeItems = home
			.all((e) => e.name === 'li' && home.all((s) => s.name === 'section').some((section) => isInside(e, section)))
			.map(textOfElement)
			.filter((text) => text.length > 40);
		expect(homeItems.length).toBeGreaterThan(3);
		expect(homeItems.filter((text) => aboutText.includes(text))).toEqual([]);
		const headings = (doc: typeof home) => doc.all((e) => e.name === 'h2' && isInside(e, doc.byTag('main')[0])).map(textOfElement);
		expect(headings(about).filter((heading) => headings(home).includes(heading))).toEqual([]);
	});
});

describe('linked resources', () => {
	it('every stylesheet and icon a page links to is served', async () => {
		const hrefs = new Set<string>();
		for (const { url } of pages) {
			const doc = parseHtml((await rawRequest(site.origin, url)).body.toString('utf8'));
			for (const link of doc.all((e) => e.name === 'link' && relTokens(e).some((r) => r === 'stylesheet' || r === 'icon'))) {
				hrefs.add(new URL(link.attribs.href ?? '', site.origin + url).pathname);
			}
		}
		expect(hrefs.size).toBeGreaterThan(1);
		for (const href of hrefs) {
			const response = await fetch(site.origin + href);
			expect(response.status, href).toBe(200);
		}
	});

	// Most pages' pictures are drawn on first demand (their titles, routes/share): a few dozen at a fraction of a second each.
	it('the share image (og:image) of every page is its own, described by its title, sized, and served as an image', async () => {
		const images = new Map<string, { width: number; height: number }>();
		for (const { url } of pages) {
			const doc = parseHtml((await rawRequest(site.origin, url)).body.toString('utf8'));
			const meta = (property: string) => doc.all((e) => e.name === 'meta' && e.attribs.property === property).map((e) => e.attribs.content ?? '');
			const og = meta('og:image');
			expect(og, `og:image on ${url}`).toHaveLength(1);
			expect(meta('og:image:alt'), `og:image:alt on ${url}`).toEqual(meta('og:title'));
			const [width, height] = [Number(meta('og:image:width')[0]), Number(meta('og:image:height')[0])];
			expect(width * height, `og:image size on ${url}`).toBeGreaterThan(0);
			expect(og[0], url).not.toMatch(/\/og-image\.png$/);
			images.set(og[0]!, { width, height });
		}
		for (const [image, size] of images) {
			expect(sameOrigin(image, site.origin), image).toBe(true);
			const response = await fetch(new URL(new URL(image).pathname, site.origin));
			expect(response.status, image).toBe(200);
			expect(response.headers.get('content-type'), image).toMatch(/^image\/(png|jpeg|webp|avif)\b/);
			if (image.includes('/share/')) {
				const { width, height } = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
				expect({ width, height }, image).toEqual(size);
			} else {
				await response.body?.cancel();
			}
		}
	}, 180_000);
});
