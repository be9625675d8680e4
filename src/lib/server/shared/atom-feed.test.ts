import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, it } from 'vitest';
import { childrenNamed, readXml, textOf, type XmlElement } from '../../../../tests/support/xml-reader';
import { absoluteLinks, tagUri, writeAtomFeed, type AtomEntry, type AtomFeed } from './atom-feed';

const site = 'https://art.example';

const titles: Record<string, { feed: string; story: string }> = {
	en: { feed: 'Stories', story: 'Walls that speak' },
	ne: { feed: 'कथाहरू', story: 'नेपाली कला' },
	id: { feed: 'Cerita', story: 'Dinding yang berbicara' },
	es: { feed: 'Historias', story: 'Muros que hablan' }
};

function prefix(locale: string): string {
	return locale === 'en' ? '' : `/${locale}`;
}

function story(locale: string, overrides: Partial<AtomEntry> = {}): AtomEntry {
	return {
		id: tagUri('art.example', 2026, 'story/12'),
		url: `${site}${prefix(locale)}/stories/walls-that-speak`,
		title: titles[locale]!.story,
		summary: 'Painting the old bus park with twelve artists.',
		contentHtml: '<p>Read about <a href="/initiatives/mg-live" rel="noopener">MG Live</a> and <a href="https://other.example/page" rel="noopener">elsewhere</a>.</p>\n<p><img src="../media/12.jpg" alt="A wall"></p>',
		published: '2026-03-01T10:00:00.000Z',
		updated: '2026-03-04T08:30:00.000Z',
		author: 'Asha Gurung',
		categories: ['mural', 'women on wall'],
		...overrides
	};
}

function storiesFeed(locale: string, overrides: Partial<AtomFeed> = {}): AtomFeed {
	return {
		locale,
		id: tagUri('art.example', 2026, `stories/${locale}`),
		title: titles[locale]!.feed,
		subtitle: 'From the archive',
		selfUrl: `${site}${prefix(locale)}/stories/feed.xml`,
		alternateUrl: `${site}${prefix(locale)}/stories`,
		updated: '2026-03-04T08:30:00.000Z',
		author: { name: 'Art Collective', uri: `${site}/` },
		rights: '© 2026 Art Collective',
		icon: `${site}/icon.png`,
		entries: [
			story(locale),
			story(locale, {
				id: tagUri('art.example', 2025, 'story/7'),
				url: `${site}${prefix(locale)}/stories/older`,
				title: 'Older story',
				summary: undefined,
				contentHtml: '<p>Plain.</p>',
				published: '2025-11-20T09:00:00.000Z',
				updated: '2025-11-20T09:00:00.000Z',
				categories: []
			})
		],
		...overrides
	};
}

function only(node: XmlElement, name: string): XmlElement {
	const found = childrenNamed(node, name);
	expect(found, `<${name}> in <${node.name}>`).toHaveLength(1);
	return found[0]!;
}

describe('writeAtomFeed, read back by a feed reader', () => {
	it.each(['en', 'ne', 'id', 'es'])('gives the %s feed and its stories', (locale) => {
		const input = storiesFeed(locale);
		const xml = writeAtomFeed(input);
		const feed = parseFeed(xml);

		expect(feed.meta).toEqual({ type: 'atom', version: '1.0' });
		expect(feed.title).toBe(titles[locale]!.feed);
		expect(feed.description).toBe('From the archive');
		expect(feed.language).toBe(locale);
		expect(feed.self).toBe(input.selfUrl);
		expect(feed.url).toBe(input.alternateUrl);
		expect(feed.updated).toEqual(new Date('2026-03-04T08:30:00.000Z'));
		expect(feed.copyright).toBe('© 2026 Art Collective');
		expect(feed.authors).toEqual([{ name: 'Art Collective', url: `${site}/`, email: null }]);
		expect(feed.items).toHaveLength(2);

		const [first, second] = feed.items;
		expect(first!.id).toBe('tag:art.example,2026:story/12');
		expect(first!.title).toBe(titles[locale]!.story);
		expect(first!.url).toBe(`${site}${prefix(locale)}/stories/walls-that-speak`);
		expect(first!.published).toEqual(new Date('2026-03-01T10:00:00.000Z'));
		expect(first!.updated).toEqual(new Date('2026-03-04T08:30:00.000Z'));
		expect(first!.description).toBe('Painting the old bus park with twelve artists.');
		expect(first!.content).toBe(
			`<p>Read about <a href="${site}/initiatives/mg-live" rel="noopener">MG Live</a> and <a href="https://other.example/page" rel="noopener">elsewhere</a>.</p>\n<p><img src="${site}${prefix(locale)}/media/12.jpg" alt="A wall"></p>`
		);
		expect(first!.categories.map((category) => category.term)).toEqual(['mural', 'women on wall']);
		expect(first!.authors.map((author) => author.name)).toEqual(['Asha Gurung']);

		expect(second!.id).toBe('tag:art.example,2025:story/7');
		expect(second!.title).toBe('Older story');
		expect(second!.published).toEqual(new Date('2025-11-20T09:00:00.000Z'));
		expect(second!.content).toBe('<p>Plain.</p>');
		expect(second!.description).toBeNull();

		// The lenient reader above cannot tell a broken document: the strict one can.
		expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true);
		const root = readXml(xml);
		expect(root.name).toBe('feed');
		expect(root.attributes).toEqual({ xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': locale });
		expect(childrenNamed(root, 'link').map((link) => link.attributes)).toEqual([
			{ rel: 'self', type: 'application/atom+xml', href: input.selfUrl },
			{ rel: 'alternate', type: 'text/html', href: input.alternateUrl }
		]);
	});

	it('gives a valid feed with no entries', () => {
		const xml = writeAtomFeed(storiesFeed('ne', { entries: [] }));
		const feed = parseFeed(xml);
		expect(feed.title).toBe('कथाहरू');
		expect(feed.items).toEqual([]);
		const root = readXml(xml);
		expect(childrenNamed(root, 'entry')).toEqual([]);
		expect(textOf(only(root, 'id'))).toBe('tag:art.example,2026:stories/ne');
	});
});

const hostileTexts = [
	'<script>alert(1)</script>',
	'&amp; is already an entity',
	'Tom & "Jerry\'s" <b>bold</b> > less',
	'end of CDATA ]]> here',
	'emoji 🎨🧱 and a family 👩‍👩‍👧',
	'नेपाली कला',
	'فن الشارع في كاتماندو',
	'tab\there, line\nbreak, carriage\rreturn'
];

describe('writeAtomFeed escaping', () => {
	it.each(hostileTexts)('gives back exactly %j in every text and attribute', (hostile) => {
		const xml = writeAtomFeed(
			storiesFeed('en', {
				title: hostile,
				subtitle: hostile,
				rights: hostile,
				author: { name: hostile },
				entries: [story('en', { title: hostile, summary: hostile, author: hostile, categories: [hostile], contentHtml: `<p>${hostile}</p>` })]
			})
		);
		expect(xml).not.toContain('<script>');
		expect(xml).not.toContain(']]>');

		const root = readXml(xml);
		for (const name of ['title', 'subtitle', 'rights']) expect(textOf(only(root, name)), name).toBe(hostile);
		expect(textOf(only(only(root, 'author'), 'name'))).toBe(hostile);
		const entry = only(root, 'entry');
		for (const name of ['title', 'summary']) expect(textOf(only(entry, name)), name).toBe(hostile);
		expect(textOf(only(only(entry, 'author'), 'name'))).toBe(hostile);
		expect(only(entry, 'category').attributes.term).toBe(hostile);
		expect(textOf(only(entry, 'content'))).toBe(`<p>${hostile}</p>`);
	});

	it('keeps the entities of the HTML content as HTML, escaped once more for XML', () => {
		const html = '<p>Tom &amp; Jerry &lt;3 <a href="/search?a=1&amp;b=2" rel="noopener">search</a></p>';
		const xml = writeAtomFeed(storiesFeed('en', { entries: [story('en', { contentHtml: html })] }));
		const content = only(only(readXml(xml), 'entry'), 'content');
		expect(content.attributes.type).toBe('html');
		expect(textOf(content)).toBe(`<p>Tom &amp; Jerry &lt;3 <a href="${site}/search?a=1&amp;b=2" rel="noopener">search</a></p>`);
	});

	it('drops the characters XML 1.0 cannot carry, from texts, attributes and content', () => {
		const xml = writeAtomFeed(
			storiesFeed('en', {
				title: 'Wall\u0001 art\u0000',
				entries: [story('en', { title: 'Bus\u001f park\uFFFE', categories: ['mu\u0008ral'], contentHtml: '<p>lone \uD800surrogate\u000b</p>' })]
			})
		);
		// The strict reader throws on any of them.
		const root = readXml(xml);
		expect(textOf(only(root, 'title'))).toBe('Wall art');
		const entry = only(root, 'entry');
		expect(textOf(only(entry, 'title'))).toBe('Bus park');
		expect(only(entry, 'category').attributes.term).toBe('mural');
		expect(textOf(only(entry, 'content'))).toBe('<p>lone surrogate</p>');
		expect(parseFeed(xml).title).toBe('Wall art');
	});
});

describe('writeAtomFeed entries', () => {
	it('marks an entry that fell back to another language with its own xml:lang', () => {
		const xml = writeAtomFeed(storiesFeed('ne', { entries: [story('ne', { lang: 'en' }), story('ne', { id: 'tag:art.example,2026:story/13', lang: 'ne' })] }));
		const [fallback, own] = childrenNamed(readXml(xml), 'entry');
		expect(fallback!.attributes['xml:lang']).toBe('en');
		expect(own!.attributes['xml:lang']).toBeUndefined();
	});

	it('links the story in its other languages, once per language', () => {
		const alternates = [
			{ hreflang: 'en', href: `${site}/stories/walls-that-speak` },
			{ hreflang: 'es', href: `${site}/es/stories/walls-that-speak` },
			{ hreflang: 'es', href: `${site}/es/stories/duplicate` }
		];
		const xml = writeAtomFeed(storiesFeed('ne', { entries: [story('ne', { alternates })] }));
		const links = childrenNamed(only(readXml(xml), 'entry'), 'link').map((link) => link.attributes);
		expect(links).toEqual([
			{ rel: 'alternate', type: 'text/html', href: `${site}/ne/stories/walls-that-speak` },
			{ rel: 'alternate', type: 'text/html', hreflang: 'en', href: `${site}/stories/walls-that-speak` },
			{ rel: 'alternate', type: 'text/html', hreflang: 'es', href: `${site}/es/stories/walls-that-speak` }
		]);
		expect(parseFeed(xml).items[0]!.url).toBe(`${site}/ne/stories/walls-that-speak`);
	});

	it('writes dates as RFC 3339 instants in UTC', () => {
		const xml = writeAtomFeed(storiesFeed('en', { updated: '2026-03-04T14:15:00+05:45', entries: [story('en', { published: '2026-03-01' })] }));
		const root = readXml(xml);
		expect(textOf(only(root, 'updated'))).toBe('2026-03-04T08:30:00.000Z');
		expect(textOf(only(only(root, 'entry'), 'published'))).toBe('2026-03-01T00:00:00.000Z');
	});

	it('refuses a date that is no date and a URL that is not absolute', () => {
		expect(() => writeAtomFeed(storiesFeed('en', { updated: 'yesterday' }))).toThrow(RangeError);
		expect(() => writeAtomFeed(storiesFeed('en', { selfUrl: '/stories/feed.xml' }))).toThrow(RangeError);
		expect(() => writeAtomFeed(storiesFeed('en', { entries: [story('en', { url: 'stories/x' })] }))).toThrow(RangeError);
	});
});

describe('absoluteLinks', () => {
	const base = `${site}/ne/stories/walls`;

	it('resolves relative hrefs of links and srcs of images against the entry', () => {
		expect(absoluteLinks('<a href="/about">a</a><a href="#notes">b</a><a href="//cdn.example/x">c</a><IMG SRC=\'photo.jpg\' alt="x"/>', base)).toBe(
			`<a href="${site}/about">a</a><a href="${base}#notes">b</a><a href="https://cdn.example/x">c</a><img src="${site}/ne/stories/photo.jpg" alt="x"/>`
		);
	});

	it('leaves absolute links, other attributes and everything else as they were', () => {
		const html = '<p class="x">Hi &amp; bye <a href="https://Other.example" rel="noopener">x</a> <a href="mailto:a@b.example">m</a> <a>no href</a> <span src="/not-a-link">s</span></p>';
		expect(absoluteLinks(html, base)).toBe(html);
	});
});

describe('tagUri', () => {
	it('names a thing by host, year and path, whatever its slug', () => {
		expect(tagUri('art.example', 2026, 'story/12')).toBe('tag:art.example,2026:story/12');
	});

	it('drops a port and lower-cases the host, as a tag authority is a domain name', () => {
		expect(tagUri('Art.Example:5173', 2026, 'story/12')).toBe('tag:art.example,2026:story/12');
	});

	it('percent-encodes what a tag may not hold', () => {
		expect(tagUri('art.example', 2026, 'stories/ने pal#1')).toBe('tag:art.example,2026:stories/%E0%A4%A8%E0%A5%87%20pal%231');
	});

	it('refuses a host that is no domain name, a year that is not four digits, and an empty path', () => {
		expect(() => tagUri('art example', 2026, 'x')).toThrow(RangeError);
		expect(() => tagUri('art.example', 26, 'x')).toThrow(RangeError);
		expect(() => tagUri('art.example', 2026.5, 'x')).toThrow(RangeError);
		expect(() => tagUri('art.example', 2026, '')).toThrow(RangeError);
	});
});

// The tests above lean on the strict reader to fail on a broken feed: make sure it does.
describe('the strict XML reader these tests use', () => {
	it.each([
		['a bare ampersand', '<feed><title>a & b</title></feed>'],
		['an unknown entity', '<feed><title>&nbsp;</title></feed>'],
		['an unescaped tag in text', '<feed><title>a <script> b</title></feed>'],
		['a mismatched end tag', '<feed><title>a</titl></feed>'],
		['an unclosed root', '<feed><title>a</title>'],
		['a control character', '<feed><title>a\u0001b</title></feed>'],
		['a reference to a control character', '<feed><title>a&#1;b</title></feed>'],
		[']]> in text', '<feed><title>a ]]> b</title></feed>'],
		['a quote inside an attribute', '<feed><link href="a"b"/></feed>'],
		['< inside an attribute', '<feed><link href="a<b"/></feed>'],
		['a repeated attribute', '<feed><link href="a" href="b"/></feed>'],
		['two roots', '<feed/><feed/>']
	])('rejects %s', (_, xml) => {
		expect(() => readXml(xml)).toThrow(/^XML/);
	});
});
