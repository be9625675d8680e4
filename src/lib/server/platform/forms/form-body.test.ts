import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBoundedForm, readSmallForm } from './form-body';

describe('readBoundedForm', () => {
	const spool = mkdtempSync(join(tmpdir(), 'arts-spool-'));
	afterAll(() => rmSync(spool, { recursive: true, force: true }));

	function posted(form: FormData) {
		return new Request('http://localhost/calls/x/apply', { method: 'POST', body: form });
	}

	it('keeps text in memory and each file on disk until it is read, in the order sent', async () => {
		const form = new FormData();
		form.append('email', 'ana@example.org');
		form.append('field.photos', new File([new Uint8Array(300_000).fill(1)], 'first.jpg', { type: 'image/jpeg' }));
		form.append('field.photos', new File([new Uint8Array([2, 2])], 'second.jpg', { type: 'image/jpeg' }));
		form.append('field.empty', new File([], ''));
		const body = await readBoundedForm(posted(form), 1_000_000, spool);
		expect(body.ok).toBe(true);
		if (!body.ok) return;
		expect(body.form.get('email')).toBe('ana@example.org');
		expect(body.form.getAll('field.empty')).toEqual([]);
		const photos = body.form.getAll('field.photos') as File[];
		expect(photos.map((f) => [f.name, f.size, f.type])).toEqual([
			['first.jpg', 300_000, 'image/jpeg'],
			['second.jpg', 2, 'image/jpeg']
		]);
		expect(readdirSync(spool)).toHaveLength(2);
		expect([...new Uint8Array(await photos[1]!.arrayBuffer())]).toEqual([2, 2]);
		await body.discard();
		expect(readdirSync(spool)).toEqual([]);
	});

	it('refuses a body over the limit as it streams in and leaves nothing spooled', async () => {
		const form = new FormData();
		form.append('field.photos', new File([new Uint8Array(200_000)], 'big.jpg', { type: 'image/jpeg' }));
		const request = posted(form);
		const bytes = new Uint8Array(await request.arrayBuffer());
		let offset = 0;
		// No announced length, sent in pieces: the limit is found while reading.
		const pieces = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (offset >= bytes.length) return controller.close();
				controller.enqueue(bytes.slice(offset, (offset += 16_384)));
			}
		});
		const streamed = new Request(request.url, { method: 'POST', headers: { 'content-type': request.headers.get('content-type')! }, body: pieces, duplex: 'half' } as RequestInit);
		expect(await readBoundedForm(streamed, 100_000, spool)).toEqual({ ok: false, reason: 'too_large' });
		expect(readdirSync(spool)).toEqual([]);
	});

	it('calls a body that is not a form unreadable', async () => {
		const request = new Request('http://localhost/x', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=abc' }, body: 'not multipart at all' });
		expect(await readBoundedForm(request, 1000, spool)).toEqual({ ok: false, reason: 'unreadable' });
		expect(readdirSync(spool)).toEqual([]);
	});
});

describe('readSmallForm', () => {
	const post = (body: BodyInit, type: string, headers: Record<string, string> = {}) =>
		new Request('http://localhost/newsletter', { method: 'POST', headers: { 'content-type': type, ...headers }, body });

	it('reads a url-encoded or multipart form within the limit', async () => {
		const encoded = await readSmallForm(post('email=ana%40example.org&topics=a&topics=b', 'application/x-www-form-urlencoded'));
		expect(encoded?.get('email')).toBe('ana@example.org');
		expect(encoded?.getAll('topics')).toEqual(['a', 'b']);
		const multipart = new Request('http://localhost/x', { method: 'POST', body: (() => { const f = new FormData(); f.append('name', 'Ana'); return f; })() });
		expect((await readSmallForm(multipart))?.get('name')).toBe('Ana');
	});

	it('refuses more than the limit, announced or streamed, and anything that is not a form', async () => {
		expect(await readSmallForm(post('x='.padEnd(5000, 'x'), 'application/x-www-form-urlencoded'), 4096)).toBeUndefined();
		const pieces = new ReadableStream<Uint8Array>({
			start(controller) {
				for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode('x='.padEnd(1000, 'x') + '&'));
				controller.close();
			}
		});
		const streamed = new Request('http://localhost/x', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: pieces, duplex: 'half' } as RequestInit);
		expect(await readSmallForm(streamed, 4096)).toBeUndefined();
		expect(await readSmallForm(post('{"email":"a"}', 'application/json'))).toBeUndefined();
		expect(await readSmallForm(post('not multipart', 'multipart/form-data; boundary=abc'))).toBeUndefined();
	});
});
