/**
 * Response headers of the built server: security headers, validators and
 * cache policy (304), compression done by the app, and the precompressed,
 * immutable hashed assets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locales } from '$lib/i18n/locales';
import { publicPaths } from '$lib/server/content/sitemap';
import { itemPaths } from '../support/pages';
import {
	header,
	localized,
	parseCsp,
	parseHtml,
	rawRequest,
	relTokens,
	startTestServer,
	type RawResponse,
	type TestServer
} from '../support/http';

const clientBuild = join(import.meta.dirname, '..', '..', 'build', 'client');
const pages = locales.flatMap((locale) => [...publicPaths, ...itemPaths].map((path) => ({ locale, path, url: localized(path, locale) })));
const referrerPolicies = ['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'];

let site: TestServer;
beforeAll(async () => {
	site = await startTestServer();
});
afterAll(async () => {
	await site?.stop();
});

function expectSecurityHeaders(response: RawResponse, what: string) {
	const policy = header(response, 'content-security-policy');
	expect(policy, `${what}: Content-Security-Policy`).toBeDefined();
	const csp = parseCsp(policy ?? '');
	for (const directive of ['script-src', 'script-src-elem', 'script-src-attr']) {
		const sources = csp.get(directive) ?? (directive === 'script-src' ? csp.get('default-src') : undefined);
		if (directive === 'script-src') expect(sources, `${what}: script-src or default-src`).toBeDefined();
		for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'data:', 'http:', 'https:']) {
			expect(sources ?? [], `${what}: ${directive} allows ${unsafe}`).not.toContain(unsafe);
		}
	}
	expect(csp.get('frame-ancestors'), `${what}: frame-ancestors`).toEqual(["'none'"]);
	expect(csp.get('object-src') ?? csp.get('default-src'), `${what}: object-src`).toEqual(["'none'"]);
	expect(csp.get('base-uri'), `${what}: base-uri`).toBeDefined();
	expect(header(response, 'x-content-type-options'), `${what}: X-Content-Type-Options`).toBe('nosniff');
	expect(referrerPolicies, `${what}: Referrer-Policy`).toContain(header(response, 'referrer-policy'));
	const permissions = header(response, 'permissions-policy') ?? '';
	for (const feature of ['camera', 'microphone', 'geolocation']) {
		expect(permissions, `${what}: Permissions-Policy`).toMatch(new RegExp(`(^|,)\\s*${feature}=\\(\\)`));
	}
	// ORIGIN is http here: HSTS would be wrong (https-origin.test.ts checks the other case).
	expect(header(response, 'strict-transport-security'), `${what}: HSTS on an http origin`).toBeUndefined();
}

describe.each(pages)('$url', ({ url }) => {
	let plain: RawResponse;
	beforeAll(async () => {
		plain = await rawRequest(site.origin, url, { headers: { 'accept-encoding': 'identity' } });
		expect(plain.status).toBe(200);
	});

	it('sends a strict Content-Security-Policy and the other security headers', () => {
		expectSecurityHeaders(plain, url);
	});

	it('has an ETag and a Cache-Control policy, and answers 304 to a matching If-None-Match', async () => {
		const etag = header(plain, 'etag') ?? '';
		expect(etag).toMatch(/^(W\/)?"[^"]+"$/);
		const cacheControl = header(plain, 'cache-control') ?? '';
		expect(cacheControl).toMatch(/(^|,)\s*(max-age=\d+|no-cache)\b/);
		expect(cacheControl).not.toMatch(/no-store|private/);

		const again = await rawRequest(site.origin, url, { headers: { 'accept-encoding': 'identity' } });
		expect(header(again, 'etag'), 'the ETag of an unchanged page stays the same').toBe(etag);

		const notModified = await rawRequest(site.origin, url, { headers: { 'if-none-match': etag, 'accept-encoding': 'br' } });
		expect(notModified.status).toBe(304);
		expect(notModified.body.byteLength).toBe(0);
		expect(header(notModified, 'etag')).toBe(etag);
		expect(header(notModified, 'cache-control')).toBe(cacheControl);
		expect(header(notModified, 'content-security-policy')).toBe(header(plain, 'content-security-policy'));

		// Weak comparison (RFC 9110 §13.1.2), and a list of tags.
		const otherForm = etag.startsWith('W/') ? etag.slice(2) : `W/${etag}`;
		for (const ifNoneMatch of [otherForm, `"not-this-one", ${etag}`]) {
			const matched = await rawRequest(site.origin, url, { headers: { 'if-none-match': ifNoneMatch } });
			expect(matched.status, `If-None-Match: ${ifNoneMatch}`).toBe(304);
		}
		const stale = await rawRequest(site.origin, url, { headers: { 'if-none-match': '"not-this-one"' } });
		expect(stale.status).toBe(200);
		expect(stale.body.byteLength).toBeGreaterThan(0);
	});

	it('is compressed by the app: brotli when accepted, else gzip, else not at all', async () => {
		expect(header(plain, 'content-encoding')).toBeUndefined();
		expect(Number(header(plain, 'content-length'))).toBe(plain.body.byteLength);

		const br = await rawRequest(site.origin, url, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
		expect(header(br, 'content-encoding')).toBe('br');
		expect(br.body.byteLength).toBeLessThan(plain.body.byteLength);
		expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);

		for (const acceptEncoding of ['gzip, deflate', 'br;q=0, gzip']) {
			const gzip = await rawRequest(site.origin, url, { headers: { 'accept-encoding': acceptEncoding } });
			expect(header(gzip, 'content-encoding'), `Accept-Encoding: ${acceptEncoding}`).toBe('gzip');
			expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
		}
		for (const response of [plain, br]) {
			expect(header(response, 'vary') ?? '').toMatch(/(^|,)\s*accept-encoding\s*(,|$)/i);
		}
	});
});

it('one ETag shared by the brotli, gzip and plain bodies of a page is a weak one (RFC 9110 §8.8.3)', async () => {
	const mistakes: string[] = [];
	for (const { url } of pages) {
		const encodingsByTag = new Map<string, string[]>();
		for (const encoding of ['br', 'gzip', 'identity']) {
			const response = await rawRequest(site.origin, url, { headers: { 'accept-encoding': encoding } });
			expect(header(response, 'content-encoding') ?? 'identity').toBe(encoding);
			const tag = header(response, 'etag') ?? '';
			encodingsByTag.set(tag, [...(encodingsByTag.get(tag) ?? []), encoding]);
		}
		for (const [tag, encodings] of encodingsByTag) {
			if (encodings.length > 1 && !tag.startsWith('W/')) mistakes.push(`${url}: strong ETag ${tag} on ${encodings.join(', ')} bodies`);
		}
	}
	expect(mistakes).toEqual([]);
});

it('answers HEAD for a page with its headers and no body', async () => {
	const get = await rawRequest(site.origin, '/ne/about', { headers: { 'accept-encoding': 'identity' } });
	const head = await rawRequest(site.origin, '/ne/about', { method: 'HEAD', headers: { 'accept-encoding': 'identity' } });
	expect(head.status).toBe(200);
	expect(head.body.byteLength).toBe(0);
	expect(header(head, 'content-type')).toBe(header(get, 'content-type'));
	expect(header(head, 'etag')).toBe(header(get, 'etag'));
	expect(header(head, 'content-security-policy')).toBe(header(get, 'content-security-policy'));
});

describe('other responses carry the security headers too', () => {
	it.each([
		'/healthz',
		'/robots.txt',
		'/sitemap.xml',
		'/manifesto.pdf',
		'/ne/no-such-page',
		'/%E0%A4',
		// A photo's files and its image service, answered by endpoints (a key no photo has: 404).
		'/media/AAAAAAAAAAAAAAAAAAAAAA/320.jpg',
		'/iiif/AAAAAAAAAAAAAAAAAAAAAA/info.json',
		'/iiif/AAAAAAAAAAAAAAAAAAAAAA/0,0,512,512/512,512/0/default.jpg',
		// A page's generated link-preview picture (a key of no title: the page's current picture), and one of no page.
		'/share/0123456789abcdef/ne/about.png',
		'/share/0123456789abcdef/no-such-page.png'
	])('%s', async (path) => {
		const response = await rawRequest(site.origin, path);
		expect(response.status).toBeLessThan(500);
		expectSecurityHeaders(response, path);
	});
});

describe('static assets', () => {
	let stylesheets: string[];
	beforeAll(async () => {
		const home = await rawRequest(site.origin, '/');
		stylesheets = parseHtml(home.body.toString('utf8'))
			.all((e) => e.name === 'link' && relTokens(e).includes('stylesheet'))
			.map((e) => new URL(e.attribs.href ?? '', site.origin).pathname);
	});

	it('hashed assets under /_app/immutable/ are cached for a year as immutable', async () => {
		const hashed = stylesheets.filter((href) => href.startsWith('/_app/immutable/'));
		expect(hashed.length, `stylesheets: ${stylesheets.join(', ')}`).toBeGreaterThan(0);
		for (const href of hashed) {
			const response = await rawRequest(site.origin, href);
			expect(response.status, href).toBe(200);
			const cacheControl = (header(response, 'cache-control') ?? '').replace(/\s/g, '');
			expect(cacheControl, href).toMatch(/(^|,)immutable(,|$)/);
			expect(Number(/(?:^|,)max-age=(\d+)/.exec(cacheControl)?.[1] ?? 0), href).toBeGreaterThanOrEqual(31_536_000);
		}
	});

	it('carry the same security headers as pages (nosniff, Referrer-Policy, the locked-down policy)', async () => {
		const files = [...stylesheets, '/favicon.svg', '/og-image.png', '/exhibition-walk.js'];
		for (const path of files) {
			const response = await rawRequest(site.origin, path);
			expect(response.status, path).toBe(200);
			expectSecurityHeaders(response, path);
		}
	});

	it('stylesheets and static files are served precompressed, as built', async () => {
		const files = [...stylesheets, '/favicon.svg'];
		for (const path of files) {
			for (const [encoding, suffix] of [
				['br', '.br'],
				['gzip', '.gz']
			] as const) {
				const response = await rawRequest(site.origin, path, { headers: { 'accept-encoding': encoding } });
				expect(response.status, path).toBe(200);
				expect(header(response, 'content-encoding'), `${path} (${encoding})`).toBe(encoding);
				const prebuilt = readFileSync(join(clientBuild, path + suffix));
				expect(response.body.equals(prebuilt), `${path} is the prebuilt ${suffix} file`).toBe(true);
				expect(header(response, 'vary') ?? '', path).toMatch(/accept-encoding/i);
			}
		}
	});
});
