/**
 * The documents beside the pages: robots.txt, sitemap.xml with hreflang
 * alternates, and the manifesto as a PDF in each language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoArtists } from '$lib/server/demo/demo-content-collective';
import { DomUtils, parseDocument } from 'htmlparser2';
import { locales } from '$lib/i18n/locales';
import { publicPaths } from '$lib/server/content/sitemap';
import { demoCustomPages } from '$lib/server/demo/demo-content-pages';
import { demoContent } from '$lib/server/demo/demo-content';
import { demoInitiatives, demoStories } from '$lib/server/demo/demo-content-archive';
import { demoEvents } from '$lib/server/demo/demo-content-events';
import { demoExhibitions } from '$lib/server/demo/demo-content-exhibitions';
import { header, localized, rawRequest, startTestServer, type TestServer } from '../support/http';

let site: TestServer;
beforeAll(async () => {
	site = await startTestServer();
});
afterAll(async () => {
	await site?.stop();
});

describe('/robots.txt', () => {
	it('allows the public site and points to the sitemap', async () => {
		const response = await fetch(`${site.origin}/robots.txt`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^text\/plain\b/);
		const lines = (await response.text()).split('\n').map((line) => line.trim());
		expect(lines).toContain('User-agent: *');
		expect(lines).toContain(`Sitemap: ${site.origin}/sitemap.xml`);
		const disallowed = lines.filter((l) => /^disallow:/i.test(l)).map((l) => l.replace(/^disallow:\s*/i, ''));
		for (const path of publicPaths) {
			for (const locale of locales) {
				const url = localized(path, locale);
				const blocked = disallowed.filter((rule) => rule !== '' && url.startsWith(rule));
				expect(blocked, `${url} is blocked`).toEqual([]);
			}
		}
	});
});

describe('/sitemap.xml', () => {
	let entries: { loc: string; alternates: Record<string, string> }[];

	beforeAll(async () => {
		const response = await fetch(`${site.origin}/sitemap.xml`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^(application|text)\/xml\b/);
		const xml = await response.text();
		expect(xml).toMatch(/^<\?xml [^>]*encoding="UTF-8"/i);
		const document = parseDocument(xml, { xmlMode: true });
		const urlset = DomUtils.findOne((e) => e.name === 'urlset', document.children);
		expect(urlset?.attribs.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
		expect(urlset?.attribs['xmlns:xhtml']).toBe('http://www.w3.org/1999/xhtml');
		entries = DomUtils.findAll((e) => e.name === 'url', document.children).map((url) => {
			const loc = DomUtils.findOne((e) => e.name === 'loc', url.children);
			const links = DomUtils.findAll((e) => e.name === 'xhtml:link' && e.attribs.rel === 'alternate', url.children);
			return {
				loc: loc ? DomUtils.textContent(loc).trim() : '',
				alternates: Object.fromEntries(links.map((l) => [l.attribs.hreflang, l.attribs.href]))
			};
		});
	});

	it('lists every public page, published initiative, story, call, event and exhibition with its works in every language, once each', () => {
		const items = [
			...demoInitiatives.map((i) => `/initiatives/${i.slug}`),
			...demoStories.map((s) => `/stories/${s.slug}`),
			...demoContent.calls.map((c) => `/calls/${c.slug}`),
			...demoEvents.map((e) => `/events/${e.slug}`),
			...demoExhibitions.flatMap((e) => [`/exhibitions/${e.slug}`, ...e.works.map((_, i) => `/exhibitions/${e.slug}/${i + 1}`)]),
			// The collective's public profiles: the demo's listed artists (a minor's with a guardian's consent).
			...demoArtists.filter((a) => a.consent.includes('directory')).map((a) => `/artists/${a.slug}`),
			// The pages staff added.
			...demoCustomPages.map((p) => `/pages/${p.slug}`)
		];
		const expected = locales.flatMap((locale) => [...publicPaths, ...items].map((path) => site.origin + localized(path, locale)));
		expect(entries.map((e) => e.loc).sort()).toEqual([...expected].sort());
		// Each item page carries its own last change.
		const patan = entries.find((e) => e.loc === site.origin + '/ne/initiatives/patan-empower-2018');
		expect(patan?.alternates.en).toBe(site.origin + '/initiatives/patan-empower-2018');
	});

	it.each(locales.flatMap((locale) => publicPaths.map((path) => ({ locale, path, url: localized(path, locale) }))))(
		'gives $url its hreflang alternates',
		({ url, path }) => {
			const entry = entries.find((e) => e.loc === site.origin + url);
			expect(entry, url).toBeDefined();
			expect(entry?.alternates).toEqual(
				Object.fromEntries([
					...locales.map((l) => [l, site.origin + localized(path, l)]),
					['x-default', site.origin + path]
				])
			);
		}
	);

	it('lists only addresses that answer 200', async () => {
		expect(entries.length).toBeGreaterThan(0);
		for (const { loc } of entries) {
			const response = await fetch(loc, { redirect: 'manual' });
			expect(response.status, loc).toBe(200);
		}
	});
});

describe.each(locales)('the manifesto as PDF (%s)', (locale) => {
	const path = locale === 'en' ? '/manifesto.pdf' : `/${locale}/manifesto.pdf`;

	it(`${path} is a PDF document`, async () => {
		const response = await rawRequest(site.origin, path);
		expect(response.status).toBe(200);
		expect(header(response, 'content-type')).toMatch(/^application\/pdf\b/);
		expect(response.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(response.body.subarray(-1024).toString('latin1')).toMatch(/%%EOF\s*$/);
		expect(Number(header(response, 'content-length'))).toBe(response.body.byteLength);
		expect(header(response, 'x-content-type-options')).toBe('nosniff');
	});

	it(`${path} answers 304 to its own ETag`, async () => {
		const first = await rawRequest(site.origin, path);
		const etag = header(first, 'etag');
		expect(etag).toMatch(/^(W\/)?"[^"]+"$/);
		const again = await rawRequest(site.origin, path, { headers: { 'if-none-match': etag ?? '' } });
		expect(again.status).toBe(304);
		expect(again.body.byteLength).toBe(0);
		expect(header(again, 'etag')).toBe(etag);
	});
});

it('serves a different PDF per language', async () => {
	const english = await rawRequest(site.origin, '/manifesto.pdf');
	const nepali = await rawRequest(site.origin, '/ne/manifesto.pdf');
	expect(english.status).toBe(200);
	expect(nepali.status).toBe(200);
	expect(header(nepali, 'etag')).not.toBe(header(english, 'etag'));
	expect(Buffer.compare(english.body, nepali.body)).not.toBe(0);
});
