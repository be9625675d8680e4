/**
 * /readyz while the database answers, the 404 page in the visitor's
 * language, and addresses that are unknown or malformed: 404, never 500.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomUtils } from 'htmlparser2';
import { locales } from '$lib/i18n/locales';
import { header, localized, parseHtml, rawRequest, stackFrame, startTestServer, type TestServer } from '../support/http';

const messages = (locale: string) =>
	JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'messages', `${locale}.json`), 'utf8')) as Record<string, string>;

let site: TestServer;
beforeAll(async () => {
	site = await startTestServer();
});
afterAll(async () => {
	await site?.stop();
});

describe('/readyz', () => {
	it('answers 200 while the database answers, and is never cached', async () => {
		const response = await fetch(`${site.origin}/readyz`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^application\/json\b/);
		expect(response.headers.get('cache-control')).toMatch(/no-store/);
		const body = (await response.json()) as { status: string; database: string };
		expect(body.status).toBe('ready');
		// The server really runs on the database this suite was asked for.
		expect(body.database).toBe(site.dialect);
	});
});

describe.each(locales)("the 404 page in the visitor's language (%s)", (locale) => {
	it.each([localized('/no-such-page', locale), localized('/about/no-such-page', locale)])('%s', async (path) => {
		const response = await rawRequest(site.origin, path, { headers: { accept: 'text/html' } });
		expect(response.status).toBe(404);
		expect(header(response, 'content-type')).toMatch(/^text\/html\b/);
		const doc = parseHtml(response.body.toString('utf8'));
		expect(doc.html?.attribs.lang).toBe(locale);
		expect(doc.html?.attribs.dir).toBe('ltr');
		const title = messages(locale).not_found_title;
		expect(title).toBeTruthy();
		const h1 = doc.byTag('h1')[0];
		expect(h1 && DomUtils.textContent(h1).trim()).toBe(title);
		const titleElement = doc.byTag('title')[0];
		expect(titleElement && DomUtils.textContent(titleElement)).toContain(title);
		expect(doc.all((e) => e.name === 'script' && e.attribs.type !== 'application/ld+json')).toHaveLength(0);
		// A way back home, in the same language.
		expect(doc.all((e) => e.name === 'a' && e.attribs.href === localized('/', locale)).length).toBeGreaterThan(0);
	});
});

describe('unknown language prefixes and malformed paths give 404, never 500', () => {
	const paths = [
		'/xx',
		'/xx/about',
		'/fr/manifesto',
		'/NE/about',
		'/ne/ne/about',
		'/ne/about/extra',
		'/%',
		'/about%',
		'/%E0%A4',
		'/%C0%AF',
		'/%00',
		'/about%00',
		'/ne/%ZZ',
		'/ne%2fabout',
		'/..%2f..%2fetc%2fpasswd',
		'/%2e%2e/%2e%2e/etc/passwd',
		'/../../etc/passwd',
		'/manifesto.pdf%',
		'/ne/manifesto.pdf/extra',
		'/sitemap.xml%',
		'/healthz/%',
		'/readyz/%',
		'/metrics/%',
		'/_app/immutable/%',
		'/_app/immutable/assets/no-such-file.css',
		'//no-such-page',
		'//about',
		'/ne//about',
		'///',
		'////',
		'/ne//',
		'/ne///',
		'//%2F/'
	];

	it.each(paths)('%s', async (path) => {
		const response = await rawRequest(site.origin, path, { headers: { accept: 'text/html' } });
		const body = response.body.toString('utf8');
		expect(response.status, body.slice(0, 200)).toBe(404);
		expect(body).not.toMatch(stackFrame);
	});

	it.each(['///elsewhere.example', '///elsewhere.example/admin', '//ne', '//about'])('%s, as a browser navigates to it, stays on this site', async (path) => {
		const response = await rawRequest(site.origin, path, { headers: { accept: 'text/html', 'sec-fetch-dest': 'document' } });
		expect(response.status).toBe(404);
		expect(header(response, 'location')).toBeUndefined();
	});

	it('a malformed path under a language prefix gets the 404 page in that language', async () => {
		const response = await rawRequest(site.origin, '/ne/%E0%A4', { headers: { accept: 'text/html' } });
		expect(response.status).toBe(404);
		const doc = parseHtml(response.body.toString('utf8'));
		expect(doc.html?.attribs.lang).toBe('ne');
		const h1 = doc.byTag('h1')[0];
		expect(h1 && DomUtils.textContent(h1).trim()).toBe(messages('ne').not_found_title);
	});

	it('the server logged no error for any of them', () => {
		const errors = site.server
			.output()
			.split('\n')
			.filter((line) => line.startsWith('{'))
			.map((line) => JSON.parse(line) as { level: string | number; msg?: string })
			.filter((entry) => entry.level === 'error' || entry.level === 'fatal' || Number(entry.level) >= 50);
		expect(errors).toEqual([]);
	});
});
