/**
 * The page cache of the built server (issue 13): which requests it answers (a
 * query string the page does not read, any cookie but the staff session), and
 * that its answer, given by the fast path in front of the framework, is the
 * framework's answer byte for byte and header for header. And the app's own
 * files, answered by the same fast path from memory with their compressed forms.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '$lib/server/db/connect';
import { rawRequest, startTestServer, type RawResponse, type TestServer } from '../support/http';
import { itemPaths, locales, pathIn, publicPaths } from '../support/pages';

let site: TestServer;
let database: DatabaseHandle;
beforeAll(async () => {
	site = await startTestServer();
	database = await site.openDatabase();
});
afterAll(async () => {
	await site?.stop();
});

const text = async (path: string, headers: Record<string, string> = {}) => (await rawRequest(site.origin, path, { headers })).body.toString('utf8');

/** Every header but the moment it was sent and the request's own id. */
const headersOf = (response: RawResponse) =>
	Object.fromEntries(Object.entries(response.headers).filter(([name]) => name !== 'date' && name !== 'x-request-id'));

describe('the page cache', () => {
	it('answers a query string the page does not read, and a cookie other than the staff session, with the cached page', async () => {
		const first = await text('/newsletter');
		expect(first).toContain('<h1');
		// A change behind the app's back (no new site version): cached answers do not show it, rendered ones do.
		const [topic] = await database.db.selectFrom('newsletter_topic').select(['id', 'name']).orderBy('position').limit(1).execute();
		await database.db.updateTable('newsletter_topic').set({ name: JSON.stringify({ en: 'Renamed behind the cache' }) }).where('id', '=', topic!.id).execute();
		try {
			expect(await text('/newsletter?utm_source=newsletter&fbclid=x')).toBe(first);
			expect(await text('/newsletter', { cookie: 'theme=dark; seen=1' })).toBe(first);
			expect(await text('/newsletter', { cookie: 'arts.session_token=nobody' })).toContain('Renamed behind the cache');
			expect(await text('/newsletter', { cookie: 'theme=dark; __Secure-arts.session_token=nobody' })).toContain('Renamed behind the cache');
		} finally {
			await database.db.updateTable('newsletter_topic').set({ name: topic!.name }).where('id', '=', topic!.id).execute();
		}
	});

	it('is the production build, as npm start serves it', async () => {
		// Svelte's development code marks every {@html} block with a hash for hydration checks.
		const body = (await text('/about')).split('<body')[1]!;
		expect(body).toContain('<!---->');
		expect(body).not.toMatch(/<!--[a-z0-9]{4,}-->/);
	});

	it.each(['br', 'gzip', 'identity'])('gives the same bytes and headers from the cache as when it rendered the page (%s)', async (encoding) => {
		// A page of its own per encoding, so that the first request is the one that renders.
		const path = { br: '/es/privacy', gzip: '/id/privacy', identity: '/ne/privacy' }[encoding]!;
		const rendered = await rawRequest(site.origin, path, { headers: { 'accept-encoding': encoding } });
		const cached = await rawRequest(site.origin, path, { headers: { 'accept-encoding': encoding } });
		expect(rendered.status).toBe(200);
		expect(cached.status).toBe(200);
		expect(headersOf(cached)).toEqual(headersOf(rendered));
		expect(cached.body.equals(rendered.body)).toBe(true);
		const head = await rawRequest(site.origin, path, { method: 'HEAD', headers: { 'accept-encoding': encoding } });
		expect(headersOf(head)).toEqual(headersOf(rendered));
		expect(head.body.byteLength).toBe(0);
		const notModified = await rawRequest(site.origin, path, { headers: { 'if-none-match': String(rendered.headers.etag) } });
		expect(notModified.status).toBe(304);
		expect(notModified.headers['content-security-policy']).toBe(rendered.headers['content-security-policy']);
	});
});

describe('every public page', () => {
	it('is the same from the cache as rendered for staff, byte for byte, in every language', async () => {
		const calls = [...(await text('/calls')).matchAll(/href="(\/calls\/[a-z0-9-]+)"/g)].map((match) => match[1]!);
		expect(calls.length).toBeGreaterThan(0);
		const paths = [...publicPaths, ...itemPaths, ...new Set(calls)];
		for (const locale of locales) {
			for (const path of paths) {
				const href = pathIn(path, locale);
				// A call's page says how much time is left as of this minute: asked again when the minute turned.
				for (let attempt = 0; ; attempt++) {
					const cached = await rawRequest(site.origin, href);
					const again = await rawRequest(site.origin, href);
					const rendered = await rawRequest(site.origin, href, { headers: { cookie: 'arts.session_token=nobody' } });
					expect(cached.status, href).toBe(200);
					if (attempt === 0 && !rendered.body.equals(again.body)) continue;
					expect(again.body.equals(cached.body), href).toBe(true);
					expect(rendered.body.toString('utf8'), href).toBe(again.body.toString('utf8'));
					break;
				}
			}
		}
	});
});

describe("the app's own files", () => {
	const built = (path: string) => readFileSync(join(import.meta.dirname, '..', '..', 'build', 'client', path));

	it.each([
		['br', '.br'],
		['gzip', '.gz'],
		['identity', '']
	])('sends a hashed stylesheet in its precompressed form (%s), with the security headers, cached for a year', async (encoding, suffix) => {
		const css = /<link href="(\/_app\/immutable\/[^"]+\.css)"/.exec(await text('/'))?.[1];
		expect(css).toBeDefined();
		const response = await rawRequest(site.origin, css!, { headers: { 'accept-encoding': encoding } });
		expect(response.status).toBe(200);
		expect(response.body.equals(built(css! + suffix))).toBe(true);
		expect(response.headers['content-encoding']).toBe(encoding === 'identity' ? undefined : encoding);
		expect(response.headers['content-type']).toBe('text/css; charset=utf-8');
		expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
		expect(response.headers['x-content-type-options']).toBe('nosniff');
		expect(response.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
		expect(response.headers.vary).toBe('Accept-Encoding');
		const notModified = await rawRequest(site.origin, css!, { headers: { 'if-none-match': String(response.headers.etag) } });
		expect(notModified.status).toBe(304);
		expect(notModified.body.byteLength).toBe(0);
	});

	it('sends a file from the static folder with a short cache lifetime, and leaves ranges and unknown files to the file server', async () => {
		const icon = await rawRequest(site.origin, '/favicon.svg');
		expect(icon.status).toBe(200);
		expect(icon.body.equals(built('favicon.svg'))).toBe(true);
		expect(icon.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
		expect(icon.headers['cache-control']).toBe('public, max-age=3600');
		expect(icon.headers['content-security-policy']).toContain("default-src 'none'");
		const part = await rawRequest(site.origin, '/favicon.svg', { headers: { range: 'bytes=0-9' } });
		expect(part.status).toBe(206);
		expect(part.body.equals(built('favicon.svg').subarray(0, 10))).toBe(true);
		expect((await rawRequest(site.origin, '/_app/immutable/assets/none.css')).status).toBe(404);
	});
});
