import { Parser } from 'htmlparser2';

/*
 * An Atom 1.0 feed (RFC 4287) as a string, from data the caller has already
 * picked for one language. Pure: no database, no clock, no request. Every text
 * goes through one escape that also drops the characters XML 1.0 cannot carry,
 * so a title typed with a stray control character cannot break the whole feed
 * for every reader.
 */

export const feedContentType = 'application/atom+xml; charset=utf-8';

export interface AtomPerson {
	name: string;
	/** Absolute URL of a page about the person or organization. */
	uri?: string;
}

export interface AtomAlternate {
	/** BCP 47 language of the page at `href`. */
	hreflang: string;
	/** Absolute URL. */
	href: string;
}

export interface AtomEntry {
	/** Stable for the life of the story: see tagUri. Never derived from the slug. */
	id: string;
	/** Absolute URL of the story's page; relative links in the content are resolved against it. */
	url: string;
	title: string;
	/** Plain text. */
	summary?: string;
	/** Sanitized HTML: the full story. */
	contentHtml: string;
	/** ISO 8601 instants. */
	published: string;
	updated: string;
	author?: string;
	categories?: string[];
	/** The entry's own language when it fell back to another one than the feed's. */
	lang?: string;
	/** The same story in other languages. */
	alternates?: AtomAlternate[];
}

export interface AtomFeed {
	/** BCP 47 language of the feed, e.g. 'ne'. */
	locale: string;
	/** Stable feed id: a tag: URI or the feed's absolute URL. */
	id: string;
	title: string;
	subtitle?: string;
	/** Absolute URL the feed is served at. */
	selfUrl: string;
	/** Absolute URL of the HTML page the feed follows. */
	alternateUrl: string;
	/** ISO 8601 instant. */
	updated: string;
	/** RFC 4287 wants a feed author unless every entry has one: pass the organization. */
	author?: AtomPerson;
	/** Plain text. */
	rights?: string;
	/** Absolute URL of a small square image. */
	icon?: string;
	entries: AtomEntry[];
}

/**
 * A tag: URI (RFC 4151) such as `tag:example.org,2026:story/12`. Built from the
 * host, the year the thing was first published and a path naming it by its
 * database id, it stays the same when the slug or the title changes, so feed
 * readers do not show an edited story twice. Keep `host` the same for the life
 * of the site (take it from configuration, not from the request); a port is
 * dropped, as a tag's authority is a bare domain name.
 */
export function tagUri(host: string, year: number, path: string): string {
	const authority = host.trim().toLowerCase().replace(/:\d*$/, '');
	if (!/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/.test(authority)) {
		throw new RangeError(`tagUri: not a domain name: ${host}`);
	}
	if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`tagUri: not a four-digit year: ${year}`);
	if (path === '') throw new RangeError('tagUri: empty path');
	// RFC 4151's specific part: pchar, "/" and "?"; everything else percent-encoded.
	const specific = path.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/?]/gu, (character) => encodeURIComponent(character));
	return `tag:${authority},${year}:${specific}`;
}

/** The whole feed document, UTF-8 XML. */
export function writeAtomFeed(feed: AtomFeed): string {
	const lines = [
		'<?xml version="1.0" encoding="utf-8"?>',
		`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${attribute(feed.locale)}">`,
		element('id', feed.id),
		element('title', feed.title, { type: 'text' }),
		feed.subtitle === undefined ? '' : element('subtitle', feed.subtitle, { type: 'text' }),
		link({ rel: 'self', type: 'application/atom+xml', href: absoluteUrl(feed.selfUrl, 'selfUrl') }),
		link({ rel: 'alternate', type: 'text/html', href: absoluteUrl(feed.alternateUrl, 'alternateUrl') }),
		element('updated', instant(feed.updated, 'updated')),
		feed.author === undefined ? '' : person(feed.author),
		feed.rights === undefined ? '' : element('rights', feed.rights, { type: 'text' }),
		feed.icon === undefined ? '' : element('icon', absoluteUrl(feed.icon, 'icon')),
		...feed.entries.map((entry) => writeEntry(entry, feed.locale)),
		'</feed>'
	];
	return lines.filter((line) => line !== '').join('\n') + '\n';
}

function writeEntry(entry: AtomEntry, feedLocale: string): string {
	const url = absoluteUrl(entry.url, `entry ${entry.id} url`);
	const lang = entry.lang !== undefined && entry.lang !== feedLocale ? ` xml:lang="${attribute(entry.lang)}"` : '';
	const lines = [
		`<entry${lang}>`,
		element('id', entry.id),
		element('title', entry.title, { type: 'text' }),
		link({ rel: 'alternate', type: 'text/html', href: url }),
		...alternateLinks(entry),
		element('published', instant(entry.published, `entry ${entry.id} published`)),
		element('updated', instant(entry.updated, `entry ${entry.id} updated`)),
		entry.author === undefined ? '' : person({ name: entry.author }),
		...(entry.categories ?? []).map((term) => `<category term="${attribute(term)}"/>`),
		entry.summary === undefined ? '' : element('summary', entry.summary, { type: 'text' }),
		// Escaped HTML rather than xhtml: the stored rich text is HTML, not XML, and escaping cannot fail on it.
		element('content', absoluteLinks(entry.contentHtml, url), { type: 'html' }),
		'</entry>'
	];
	return lines.filter((line) => line !== '').join('\n');
}

/**
 * The story in other languages. Atom allows one alternate link per type and
 * language, so a second link for the same language is left out.
 */
function alternateLinks(entry: AtomEntry): string[] {
	const seen = new Set<string>();
	const links: string[] = [];
	for (const alternate of entry.alternates ?? []) {
		const language = alternate.hreflang.toLowerCase();
		if (seen.has(language)) continue;
		seen.add(language);
		links.push(link({ rel: 'alternate', type: 'text/html', hreflang: alternate.hreflang, href: absoluteUrl(alternate.href, `entry ${entry.id} alternate`) }));
	}
	return links;
}

function person(value: AtomPerson): string {
	const uri = value.uri === undefined ? '' : element('uri', absoluteUrl(value.uri, 'author uri'));
	return `<author>${element('name', value.name)}${uri}</author>`;
}

function link(attributes: Record<string, string>): string {
	return `<link${attributeList(attributes)}/>`;
}

function element(name: string, content: string, attributes: Record<string, string> = {}): string {
	return `<${name}${attributeList(attributes)}>${text(content)}</${name}>`;
}

function attributeList(attributes: Record<string, string>): string {
	return Object.entries(attributes)
		.map(([name, value]) => ` ${name}="${attribute(value)}"`)
		.join('');
}

// Outside XML 1.0's Char production: C0 controls other than tab, LF and CR, lone surrogates, U+FFFE and U+FFFF.
const notXmlCharacter = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const references: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Character data. '>' is escaped too, so no text can hold ']]>'; CR is kept, not turned into LF by the reader. */
function text(value: string): string {
	return value.replace(notXmlCharacter, '').replace(/[&<>\r]/g, (character) => references[character] ?? character);
}

/** A double-quoted attribute value; tab and line breaks as references, which attribute normalization leaves alone. */
function attribute(value: string): string {
	return value.replace(notXmlCharacter, '').replace(/[&<>"'\t\n\r]/g, (character) => references[character] ?? character);
}

/** RFC 3339 in UTC; a value that is no date is a bug in the caller, not something to publish. */
function instant(value: string, what: string): string {
	const date = new Date(value);
	if (Number.isNaN(date.getTime())) throw new RangeError(`Atom feed: ${what} is not a date: ${value}`);
	return date.toISOString();
}

function absoluteUrl(value: string, what: string): string {
	if (!URL.canParse(value)) throw new RangeError(`Atom feed: ${what} is not an absolute URL: ${value}`);
	return value;
}

const linkAttributes: Record<string, string> = { a: 'href', img: 'src' };

/**
 * The HTML with each relative href of a link and src of an image resolved
 * against `base`, since feed readers show content away from the site. Only the
 * start tags that change are written anew; everything else is kept as it is.
 */
export function absoluteLinks(html: string, base: string): string {
	const changes: { start: number; end: number; tag: string }[] = [];
	const parser = new Parser(
		{
			onopentag(name, attributes, isImplied) {
				const attributeName = linkAttributes[name];
				const value = attributeName === undefined ? undefined : attributes[attributeName];
				if (isImplied || attributeName === undefined || value === undefined || !isRelative(value)) return;
				const resolved = URL.parse(value.trim(), base);
				if (resolved === null) return;
				const rewritten = { ...attributes, [attributeName]: resolved.href };
				const selfClosing = html[parser.endIndex - 1] === '/' ? '/' : '';
				changes.push({ start: parser.startIndex, end: parser.endIndex + 1, tag: `<${name}${htmlAttributes(rewritten)}${selfClosing}>` });
			}
		},
		{ decodeEntities: true }
	);
	parser.write(html);
	parser.end();
	let out = '';
	let position = 0;
	for (const change of changes) {
		out += html.slice(position, change.start) + change.tag;
		position = change.end;
	}
	return out + html.slice(position);
}

/** No scheme ("/about", "photo.jpg", "#notes", "//host/x"): the reader would resolve it against the wrong page. */
function isRelative(url: string): boolean {
	return !/^\s*[a-z][a-z0-9+.-]*:/i.test(url);
}

function htmlAttributes(attributes: Record<string, string>): string {
	return Object.entries(attributes)
		.map(([name, value]) => ` ${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
		.join('');
}
