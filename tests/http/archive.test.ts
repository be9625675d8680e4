/**
 * The archive, stories, feeds and search as the built server answers them:
 * filters as plain GET addresses, the map and its list, bad input answered in the
 * reader's language, feeds read by a feed reader and by a strict XML reader.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoExhibitions } from '$lib/server/demo/demo-content-exhibitions';
import { demoArtists } from '$lib/server/demo/demo-content-collective';
import { DomUtils } from 'htmlparser2';
import { parseFeed } from '@rowanmanning/feed-parser';
import { locales } from '$lib/i18n/locales';
import { demoInitiatives, demoStories } from '$lib/server/demo/demo-content-archive';
import { localized, parseHtml, rawRequest, startTestServer, textOf, type TestServer } from '../support/http';
import { childrenNamed, readXml, textOf as xmlText } from '../support/xml-reader';

let site: TestServer;
beforeAll(async () => {
	site = await startTestServer();
});
afterAll(async () => {
	await site?.stop();
});

async function page(path: string) {
	const response = await fetch(site.origin + path);
	return { status: response.status, html: await response.text() };
}

function links(html: string, prefix: string): string[] {
	return parseHtml(html)
		.all((e) => e.name === 'a' && (e.attribs.href ?? '').startsWith(prefix))
		.map((a) => a.attribs.href!);
}

describe('/initiatives', () => {
	it('lists the initiatives, puts their places on the map and lists the same places by country', async () => {
		const { status, html } = await page('/initiatives');
		expect(status).toBe(200);
		const svg = parseHtml(html).all((e) => e.name === 'svg' && e.attribs.role === 'group')[0];
		expect(svg?.attribs['aria-label']).toBeTruthy();
		const markers = DomUtils.findAll((e) => e.name === 'a' && e.attribs['aria-label'] !== undefined, svg ? [svg] : []);
		expect(markers.length).toBeGreaterThan(5);
		// Singapore has no outline on the map and still has its marker.
		expect(markers.some((m) => /Singapore/.test(m.attribs['aria-label']!))).toBe(true);
		const text = textOf(html);
		expect(text).toContain('Nepal');
		expect(text).toContain('Singapore');
		expect(text).toContain(`Initiatives found: ${demoInitiatives.length}`);
	});

	it('filters by country, kind and year through a plain GET form that works without script', async () => {
		const { html } = await page('/initiatives?country=NP&year=2018');
		const expected = demoInitiatives.filter((i) => i.places.some((p) => p.country === 'NP') && i.startDate <= '2018-12-31' && (i.endDate ?? i.startDate) >= '2018-01-01');
		const shown = [...new Set(links(html, '/initiatives/'))].filter((href) => !href.includes('?'));
		expect(shown.sort()).toEqual(expected.map((i) => `/initiatives/${i.slug}`).sort());
		const form = DomUtils.findOne((e) => e.name === 'form' && e.attribs.method === 'get', parseHtml(html).document.children);
		expect(form?.attribs.action).toBe('/initiatives');
		const selected = DomUtils.findAll((e) => e.name === 'option' && e.attribs.selected !== undefined, form ? [form] : []).map((o) => o.attribs.value);
		expect(selected).toEqual(expect.arrayContaining(['NP', '2018']));
	});

	it('names a filter value it does not know, in the reader’s language, and shows the rest', async () => {
		const { status, html } = await page('/es/initiatives?kind=no-such-kind&country=ZZ');
		expect(status).toBe(200);
		const text = textOf(html);
		expect(text).toContain('no-such-kind');
		expect(text).toContain('ZZ');
		expect(links(html, '/es/initiatives/').length).toBeGreaterThan(0);
	});

	it('answers a page past the end, an unknown initiative and a malformed one with a clear page, not an error', async () => {
		for (const path of ['/initiatives?page=999', '/ne/initiatives/no-such-initiative', '/initiatives/Bad%20Slug!', '/stories?page=99']) {
			const { status, html } = await page(path);
			expect(status, path).toBe(404);
			expect(html).not.toMatch(/\bat \S+:\d+:\d+/);
		}
		const { html } = await page('/ne/initiatives/no-such-initiative');
		expect(parseHtml(html).document.children.length).toBeGreaterThan(0);
		expect(html).toMatch(/lang="ne"/);
	});
});

describe('an initiative', () => {
	it('shows its texts, places on a small map, figures, credits, calls and stories, with JSON-LD', async () => {
		const initiative = demoInitiatives.find((i) => i.slug === 'guerrilla-gallery-kit-climate-2024')!;
		const { status, html } = await page('/id/initiatives/guerrilla-gallery-kit-climate-2024');
		expect(status).toBe(200);
		const text = textOf(html);
		expect(text).toContain(initiative.title.id!);
		for (const figure of initiative.figures) expect(text).toContain(figure.label.id!);
		expect(links(html, '/id/calls/')).toContain('/id/calls/guerrilla-gallery-kit-climate');
		const ld = DomUtils.findAll((e) => e.name === 'script' && e.attribs.type === 'application/ld+json', parseHtml(html).document.children)
			.map((s) => JSON.parse(DomUtils.textContent(s)) as { '@type': string; locationCreated?: unknown[] });
		const work = ld.find((d) => d['@type'] === 'CreativeWork');
		expect(work?.locationCreated?.length).toBe(initiative.places.filter((p) => !p.virtual).length);
	});
});

describe('stories', () => {
	it('lists the newest first and shows one as an Article', async () => {
		const newest = [...demoStories].sort((a, b) => b.publishedOn.localeCompare(a.publishedOn));
		const { html } = await page('/stories');
		expect(links(html, '/stories/')[0]).toBe(`/stories/${newest[0]!.slug}`);
		const story = await page(`/ne/stories/${newest[0]!.slug}`);
		expect(textOf(story.html)).toContain(newest[0]!.title.ne!);
		expect(story.html).toContain('"@type":"Article"');
	});

	it('are on the home page, the latest three', async () => {
		const { html } = await page('/');
		const newest = [...demoStories].sort((a, b) => b.publishedOn.localeCompare(a.publishedOn)).slice(0, 3);
		expect(links(html, '/stories/').slice(0, 3)).toEqual(newest.map((s) => `/stories/${s.slug}`));
		// The demo pins the totals the archive does not hold yet, and says so.
		expect(textOf(html)).toMatch(/\*/);
	});
});

/** The demo artists with a public profile: listed, and a minor only with a guardian's consent. */
const listedDemoArtists = demoArtists.filter((a) => a.consent.includes('directory'));

describe('the feeds', () => {
	it.each(locales)('%s: an Atom feed of the stories with full content, well-formed and read by a feed reader', async (locale) => {
		const response = await fetch(site.origin + localized('/feed.xml', locale));
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
		const xml = await response.text();
		const root = readXml(xml);
		expect(root.name).toBe('feed');
		expect(root.attributes['xml:lang']).toBe(locale);
		const entries = childrenNamed(root, 'entry');
		// The stories, then the exhibitions, then the collective's listed artists (collective/artist-directory.ts).
		expect(entries).toHaveLength(demoStories.length + demoExhibitions.length + listedDemoArtists.length);
		const ids = entries.map((e) => xmlText(childrenNamed(e, 'id')[0]!));
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.every((id) => id.startsWith('tag:localhost,'))).toBe(true);

		const feed = parseFeed(xml);
		expect(feed.language).toBe(locale);
		expect(feed.items).toHaveLength(demoStories.length + demoExhibitions.length + listedDemoArtists.length);
		const exhibitionItems = feed.items.slice(demoStories.length, demoStories.length + demoExhibitions.length);
		expect(exhibitionItems.map((item) => item.url).sort()).toEqual(demoExhibitions.map((e) => site.origin + localized(`/exhibitions/${e.slug}`, locale)).sort());
		expect(exhibitionItems.map((item) => item.title).sort()).toEqual(demoExhibitions.map((e) => e.title[locale] ?? e.title.en).sort());
		expect(feed.items.slice(demoStories.length + demoExhibitions.length).every((item) => item.url?.includes('/artists/'))).toBe(true);
		const newest = [...demoStories].sort((a, b) => b.publishedOn.localeCompare(a.publishedOn))[0]!;
		expect(feed.items[0]!.title).toBe(newest.title[locale]);
		expect(feed.items[0]!.url).toBe(site.origin + localized(`/stories/${newest.slug}`, locale));
		expect(feed.items[0]!.content?.length).toBeGreaterThan(newest.standfirst[locale]!.length);
		expect(feed.items[0]!.published?.toISOString().slice(0, 10)).toBe(newest.publishedOn);
	});

	it('is announced on every page', async () => {
		const { html } = await page('/ne/about');
		const link = DomUtils.findOne((e) => e.name === 'link' && e.attribs.type === 'application/atom+xml', parseHtml(html).document.children);
		expect(link?.attribs.href).toBe('/ne/feed.xml');
	});
});

describe('/search', () => {
	it('finds initiatives, stories and calls in the reader’s language, with the words marked', async () => {
		const { html } = await page('/search?q=patan');
		const found = links(html, '/');
		expect(found).toContain('/initiatives/patan-empower-2018');
		expect(found.some((href) => href.startsWith('/stories/'))).toBe(true);
		expect(html).toMatch(/<mark>Patan<\/mark>/i);
		// Results are not for search engines; the empty search page is.
		expect(html).toMatch(/<meta name="robots" content="noindex"\s*\/?>/);
		expect((await page('/search')).html).not.toContain('noindex');
		const nepali = await page(`/ne/search?q=${encodeURIComponent('कला')}`);
		expect(links(nepali.html, '/ne/').some((href) => href.startsWith('/ne/initiatives/'))).toBe(true);
	});

	it('says when nothing matches and points to the archive', async () => {
		const { status, html } = await page('/es/search?q=zzqxjv');
		expect(status).toBe(200);
		expect(links(html, '/es/initiatives').length).toBeGreaterThan(0);
	});

	it('answers hostile and odd queries with a page, never an error', async () => {
		const long = 'mural '.repeat(900);
		for (const q of [long, '!!!', '"', '*', 'NEAR(', 'a OR', '\u0000', '%', '<script>alert(1)</script>']) {
			const response = await rawRequest(site.origin, `/search?q=${encodeURIComponent(q)}`);
			expect(response.status, q.slice(0, 20)).toBe(200);
			expect(response.body.toString('utf8')).not.toContain('<script>alert');
		}
	});
});
