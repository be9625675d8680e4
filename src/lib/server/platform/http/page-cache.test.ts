import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '$lib/server/db/test-database';
import { CachedPage, PageCache } from './page-cache';
import { bumpSiteVersion, createSiteVersionReader, readSiteVersion } from '../site-version';

const html = '<!doctype html><p>' + 'Art in the laneways. '.repeat(100) + '</p>';

function page(body = html) {
	return new CachedPage([['content-type', 'text/html']], new TextEncoder().encode(body));
}

function get(headers: Record<string, string> = {}, method = 'GET') {
	return new Request('http://localhost/', { method, headers });
}

describe('CachedPage', () => {
	it('serves brotli, gzip or plain bytes as the request accepts, with its ETag', async () => {
		const cached = page();
		const br = await cached.respond(get({ 'accept-encoding': 'gzip, br' }));
		expect(br.headers.get('content-encoding')).toBe('br');
		expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(html);
		const gz = await cached.respond(get({ 'accept-encoding': 'gzip' }));
		expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(html);
		const plain = await cached.respond(get());
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(await plain.text()).toBe(html);
		expect(plain.headers.get('etag')).toBe(cached.etag);
		expect(plain.headers.get('vary')).toContain('Accept-Encoding');
	});

	it('answers 304 with no body to a matching If-None-Match, and HEAD with no body', async () => {
		const cached = page();
		const notModified = await cached.respond(get({ 'if-none-match': cached.etag }));
		expect(notModified.status).toBe(304);
		expect(await notModified.text()).toBe('');
		const head = await cached.respond(get({}, 'HEAD'));
		expect(head.status).toBe(200);
		expect(await head.text()).toBe('');
		expect(Number(head.headers.get('content-length'))).toBe(new TextEncoder().encode(html).byteLength);
	});
});

describe('PageCache', () => {
	it('drops everything when the site version moves', () => {
		const cache = new PageCache({ maxEntries: 10, maxBytes: 1e6 });
		cache.set('/', 'v1', page());
		expect(cache.get('/', 'v1')).toBeDefined();
		expect(cache.get('/', 'v2')).toBeUndefined();
		expect(cache.size).toBe(0);
	});

	it('evicts the least recently used entries beyond its limits', () => {
		const cache = new PageCache({ maxEntries: 2, maxBytes: 1e6 });
		cache.set('/a', 'v', page());
		cache.set('/b', 'v', page());
		cache.get('/a', 'v');
		cache.set('/c', 'v', page());
		expect(cache.get('/b', 'v')).toBeUndefined();
		expect(cache.get('/a', 'v')).toBeDefined();
		expect(cache.get('/c', 'v')).toBeDefined();

		const small = new PageCache({ maxEntries: 100, maxBytes: new TextEncoder().encode(html).byteLength * 1.5 });
		small.set('/a', 'v', page());
		small.set('/b', 'v', page());
		expect(small.size).toBe(1);
	});
});

describe('PageCache lifetimes', () => {
	it('keeps a page whose text changes with time only as long as it was given', () => {
		let now = 0;
		const cache = new PageCache({ maxEntries: 10, maxBytes: 1e6 }, () => now);
		cache.set('/calls', 'v', page(), 60_000);
		cache.set('/about', 'v', page());
		now = 59_999;
		expect(cache.get('/calls', 'v')).toBeDefined();
		now = 60_000;
		expect(cache.get('/calls', 'v')).toBeUndefined();
		expect(cache.get('/about', 'v')).toBeDefined();
		expect(cache.size).toBe(1);
	});

	it('counts the compressed forms against its bytes once they are made', async () => {
		const cache = new PageCache({ maxEntries: 10, maxBytes: 1e6 });
		const stored = page();
		cache.set('/', 'v', stored);
		const plainBytes = new TextEncoder().encode(html).byteLength;
		expect(cache.heldBytes).toBe(plainBytes);
		await stored.respond(get({ 'accept-encoding': 'br' }));
		await stored.respond(get({ 'accept-encoding': 'gzip' }));
		expect(cache.heldBytes).toBe(stored.size);
		expect(stored.size).toBeGreaterThan(plainBytes);
	});
});

describe('site version', () => {
	let handle: Awaited<ReturnType<typeof createTestDatabase>>;
	beforeAll(async () => {
		handle = await createTestDatabase();
	});
	afterAll(() => handle.dispose());

	it('changes on every bump and is seen by a reader once its time is up or it is told', async () => {
		const before = await readSiteVersion(handle.db);
		const reader = createSiteVersionReader(handle.db, 60_000);
		expect(await reader.current()).toBe(before);
		const after = await bumpSiteVersion(handle.db);
		expect(after).not.toBe(before);
		expect(await readSiteVersion(handle.db)).toBe(after);
		// Within its time the reader keeps the old value: no query per request.
		expect(await reader.current()).toBe(before);
		reader.invalidate();
		expect(await reader.current()).toBe(after);
		expect(await bumpSiteVersion(handle.db)).not.toBe(after);

		const eager = createSiteVersionReader(handle.db, 0);
		expect(await eager.current()).toBe(await readSiteVersion(handle.db));
	});

	it('reads public content once per version, again after a bump, and keeps no failed reading', async () => {
		const reader = createSiteVersionReader(handle.db, 0, 2);
		let reads = 0;
		const read = async () => ({ reads: ++reads });
		const first = await reader.cached('frame:en', read);
		expect(await reader.cached('frame:en', read)).toBe(first);
		expect(reads).toBe(1);
		await bumpSiteVersion(handle.db);
		expect(await reader.cached('frame:en', read)).toEqual({ reads: 2 });
		expect(await reader.cached('frame:en', read)).toEqual({ reads: 2 });

		await expect(reader.cached('failing', () => Promise.reject(new Error('database busy')))).rejects.toThrow('database busy');
		expect(await reader.cached('failing', read)).toEqual({ reads: 3 });

		// Bounded: past its size the oldest reading goes.
		await reader.cached('third', read);
		expect(await reader.cached('frame:en', read)).toEqual({ reads: 5 });
	});
});
