/**
 * The page cache of the built server (issue 13): which requests it answers (a
 * query string the page does not read, any cookie but the staff session), and
 * that its answer, given by the fast path in front of the framework, is the
 * framework's answer byte for byte and header for header.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '$lib/server/db/connect';
import { rawRequest, startTestServer, type RawResponse, type TestServer } from '../support/http';

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

/** Every header but the moment it was sent. */
const headersOf = (response: RawResponse) => Object.fromEntries(Object.entries(response.headers).filter(([name]) => name !== 'date'));

describe('the page cache', () => {
	it('answers a query string the page does not read, and a cookie other than the staff session, with the cached page', async () => {
		const first = await text('/about');
		expect(first).toContain('<h1');
		// A change behind the app's back (no new site version): cached answers do not show it, rendered ones do.
		const [before] = await database.db.selectFrom('organization').select('name').execute();
		await database.db.updateTable('organization').set({ name: 'Renamed behind the cache' }).execute();
		try {
			expect(await text('/about?utm_source=newsletter&fbclid=x')).toBe(first);
			expect(await text('/about', { cookie: 'theme=dark; seen=1' })).toBe(first);
			expect(await text('/about', { cookie: 'arts.session_token=nobody' })).toContain('Renamed behind the cache');
			expect(await text('/about', { cookie: 'theme=dark; __Secure-arts.session_token=nobody' })).toContain('Renamed behind the cache');
		} finally {
			await database.db.updateTable('organization').set({ name: before!.name }).execute();
		}
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
