import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadStaticFiles } from './static-files';

function folder(files: Record<string, string | Buffer>): string {
	const dir = mkdtempSync(join(tmpdir(), 'arts-static-'));
	for (const [name, bytes] of Object.entries(files)) {
		mkdirSync(join(dir, name, '..'), { recursive: true });
		writeFileSync(join(dir, name), bytes);
	}
	return dir;
}

const css = 'body { color: #222 }\n'.repeat(20);
const request = (pathname: string, more: Partial<{ method: string; ifNoneMatch: string; acceptEncoding: string; range: string }> = {}) => ({
	method: more.method ?? 'GET',
	pathname,
	ifNoneMatch: more.ifNoneMatch ?? null,
	acceptEncoding: more.acceptEncoding ?? null,
	range: more.range ?? null
});
const options = { headers: { 'x-content-type-options': 'nosniff' }, immutablePrefix: '/_app/immutable/' };

describe('static files', () => {
	const dir = folder({
		'_app/immutable/assets/site.abc.css': css,
		'_app/immutable/assets/site.abc.css.br': brotliCompressSync(css),
		'_app/immutable/assets/site.abc.css.gz': gzipSync(css),
		'og-image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
		'big.txt': 'x'.repeat(2000)
	});
	const files = loadStaticFiles(dir, { ...options, maxFileBytes: 1000 });

	it('holds each file once, with its compressed forms, and not the files over the size limit', () => {
		expect(files.size).toBe(2);
		expect(files.bytes).toBe(css.length + brotliCompressSync(css).byteLength + gzipSync(css).byteLength + 4);
		expect(files.answer(request('/big.txt'))).toBeUndefined();
		expect(files.answer(request('/_app/immutable/assets/site.abc.css.br'))).toBeUndefined();
	});

	it('sends the form the browser takes, with the given headers and the right type and lifetime', () => {
		const br = files.answer(request('/_app/immutable/assets/site.abc.css', { acceptEncoding: 'gzip, deflate, br' }))!;
		expect(br.status).toBe(200);
		expect(Buffer.from(br.body!).equals(brotliCompressSync(css))).toBe(true);
		expect(br.headers).toMatchObject({
			'x-content-type-options': 'nosniff',
			'Content-Type': 'text/css; charset=utf-8',
			'Cache-Control': 'public, max-age=31536000, immutable',
			'Content-Encoding': 'br',
			Vary: 'Accept-Encoding',
			'Content-Length': String(br.body!.byteLength)
		});
		const gzip = files.answer(request('/_app/immutable/assets/site.abc.css', { acceptEncoding: 'gzip, br;q=0' }))!;
		expect(gzip.headers['Content-Encoding']).toBe('gzip');
		const plain = files.answer(request('/_app/immutable/assets/site.abc.css'))!;
		expect(Buffer.from(plain.body!).toString()).toBe(css);
		expect(plain.headers['Content-Encoding']).toBeUndefined();
		// One validator for every form of the file.
		expect(plain.headers.ETag).toBe(br.headers.ETag);

		const image = files.answer(request('/og-image.png', { acceptEncoding: 'br' }))!;
		expect(image.headers['Content-Type']).toBe('image/png');
		expect(image.headers['Cache-Control']).toBe('public, max-age=3600');
		expect(image.headers['Content-Encoding']).toBeUndefined();
		expect(image.headers.Vary).toBeUndefined();
	});

	it('answers a validator that still holds with 304, HEAD without a body, and leaves ranges and other methods alone', () => {
		const first = files.answer(request('/og-image.png'))!;
		const again = files.answer(request('/og-image.png', { ifNoneMatch: first.headers.ETag }))!;
		expect(again.status).toBe(304);
		expect(again.body).toBeUndefined();
		const head = files.answer(request('/og-image.png', { method: 'HEAD' }))!;
		expect(head.status).toBe(200);
		expect(head.body).toBeUndefined();
		expect(head.headers['Content-Length']).toBe('4');
		expect(files.answer(request('/og-image.png', { range: 'bytes=0-1' }))).toBeUndefined();
		expect(files.answer(request('/og-image.png', { method: 'POST' }))).toBeUndefined();
	});

	it('stops holding files at the total limit, and holds nothing for a folder that is not there', () => {
		expect(loadStaticFiles(dir, { ...options, maxTotalBytes: 10 }).size).toBe(1);
		expect(loadStaticFiles(join(dir, 'missing'), options).size).toBe(0);
	});
});
