import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFastPath, type FastPath } from './fast-path';
import { CachedPage, PageCache } from './page-cache';

const html = '<!doctype html><p>' + 'Art in the laneways. '.repeat(200) + '</p>';
let cache: PageCache;
let version: string | undefined = 'v1';
let server: Server;
let origin: string;
let framework = 0;

beforeAll(async () => {
	cache = new PageCache({ maxEntries: 10, maxBytes: 1e6 });
	const fastPath: FastPath = createFastPath({
		pageCache: cache,
		freshSiteVersion: () => version,
		cacheKey: (request) => (request.pathname.startsWith('/admin') ? undefined : request.pathname)
	});
	server = createServer((request, response) => {
		if (fastPath(request, response)) return;
		framework++;
		response.end('from the framework');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A request as sent, path untouched and body not decompressed (fetch does both). */
function raw(path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
	return new Promise((resolve, reject) => {
		const { hostname, port } = new URL(origin);
		const sent = httpRequest({ hostname, port, path, method: options.method ?? 'GET', headers: options.headers }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
		});
		sent.on('error', reject);
		sent.end(options.method === 'POST' ? 'x' : undefined);
	});
}

async function settled(page: CachedPage) {
	// The compressed forms are made in the background once a page is stored.
	await page.respond(new Request('http://x/', { headers: { 'accept-encoding': 'br' } }));
	await page.respond(new Request('http://x/', { headers: { 'accept-encoding': 'gzip' } }));
}

describe('the fast path', () => {
	it('answers a cached page from the HTTP layer with its stored headers, in the encoding asked for', async () => {
		const page = new CachedPage([['content-type', 'text/html'], ['content-security-policy', "default-src 'self'"], ['x-frame-options', 'DENY']], new TextEncoder().encode(html), 'stored');
		cache.set('/about', 'v1', page);
		await settled(page);
		const before = framework;
		const response = await raw('/about', { headers: { 'accept-encoding': 'br' } });
		expect(framework).toBe(before);
		expect(response.status).toBe(200);
		expect(response.headers['content-security-policy']).toBe("default-src 'self'");
		expect(response.headers['x-frame-options']).toBe('DENY');
		expect(response.headers.etag).toBe(page.etag);
		expect(response.headers.vary).toBe('Accept-Encoding, Save-Data');
		expect(response.headers['content-encoding']).toBe('br');
		expect(brotliDecompressSync(response.body).toString()).toBe(html);
		const plain = await raw('/about');
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.body.toString()).toBe(html);
		const notModified = await raw('/about', { headers: { 'if-none-match': page.etag } });
		expect(notModified.status).toBe(304);
		expect(notModified.body.byteLength).toBe(0);
		const head = await raw('/about', { method: 'HEAD' });
		expect(head.headers['content-length']).toBe(String(new TextEncoder().encode(html).byteLength));
		expect(head.body.byteLength).toBe(0);
		expect(framework).toBe(before);
	});

	it('leaves to the framework what is not cached, not plain, not a GET, or asked for while the version is unknown', async () => {
		const before = framework;
		for (const [path, method] of [
			['/missing', 'GET'],
			['/admin', 'GET'],
			['/a/../about', 'GET'],
			['//about', 'GET'],
			['/about?x=1', 'POST']
		] as const) {
			expect((await raw(path, { method })).body.toString(), path).toBe('from the framework');
		}
		version = undefined;
		expect((await raw('/about')).body.toString()).toBe('from the framework');
		version = 'v2';
		// A new version drops what was cached under the old one.
		expect((await raw('/about')).body.toString()).toBe('from the framework');
		expect(framework).toBe(before + 7);
	});
});
