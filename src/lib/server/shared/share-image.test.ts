import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { DiskStorage } from '$lib/server/platform/storage/disk-storage';
import { shareImageKey, shareImagePath } from '$lib/share/share-image-address';
import { shareContentOfPage, shareImageFolder, shareImageResponse } from './share-image';

const root = mkdtempSync(join(tmpdir(), 'arts-share-image-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const storage = new DiskStorage(root);

const page = (title: string, locale = 'en', siteName = 'Micro Galleries') =>
	`<!doctype html><html lang="${locale}"><head><meta property="og:site_name" content="${siteName}"><meta property="og:locale" content="${locale}">` +
	`<meta property="og:title" content="${title}"></head><body><meta property="og:title" content="Not this"></body></html>`;

let pages: Record<string, string>;
let opened: string[];
const deps = {
	storage,
	fetchPage: async (path: string) => {
		opened.push(path);
		const html = pages[path];
		return html === undefined ? new Response('Not found', { status: 404, headers: { 'content-type': 'text/html' } }) : new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
	}
};
/** The rest of a picture's address after /share/<key>/. */
const restOf = (path: string) => shareImagePath('0000000000000000', path).replace('/share/0000000000000000/', '');

beforeEach(async () => {
	await storage.deletePrefix(shareImageFolder);
	opened = [];
	pages = { '/about': page('About us &amp; the &quot;walls&quot;'), '/ne/about': page('हाम्रो बारेमा', 'ne', 'माइक्रो ग्यालेरीहरू') };
});

describe('shareContentOfPage', () => {
	it('reads the title, language and site name from the head, entities decoded', () => {
		expect(shareContentOfPage(pages['/about']!)).toEqual({ title: 'About us & the "walls"', locale: 'en', siteName: 'Micro Galleries' });
	});
	it('finds nothing in a page without a title', () => {
		expect(shareContentOfPage('<html><head><title>x</title></head></html>')).toBeUndefined();
	});
});

describe('shareImageResponse', () => {
	it('draws the page’s title once, then answers from the storage, cached for a year with its key as ETag', async () => {
		const key = shareImageKey({ title: 'हाम्रो बारेमा', locale: 'ne', siteName: 'माइक्रो ग्यालेरीहरू' });
		const first = (await shareImageResponse(deps, key, restOf('/ne/about'), null))!;
		expect(first.status).toBe(200);
		expect(first.headers.get('content-type')).toBe('image/png');
		expect(first.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		expect(first.headers.get('etag')).toBe(`"${key}"`);
		const png = Buffer.from(await first.arrayBuffer());
		expect(first.headers.get('content-length')).toBe(String(png.byteLength));
		expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 });
		expect(opened).toEqual(['/ne/about']);

		const again = (await shareImageResponse(deps, key, restOf('/ne/about'), null))!;
		expect(Buffer.from(await again.arrayBuffer()).equals(png)).toBe(true);
		expect(opened).toEqual(['/ne/about']);
		const unchanged = (await shareImageResponse(deps, key, restOf('/ne/about'), `"${key}"`))!;
		expect(unchanged.status).toBe(304);
	});

	it('gives a page’s current picture, briefly cached, for an address whose title has changed', async () => {
		const response = (await shareImageResponse(deps, 'abcdefabcdefabcd', restOf('/about'), null))!;
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('public, max-age=600');
		expect(response.headers.get('etag')).toBe(`"${shareImageKey({ title: 'About us & the "walls"', locale: 'en', siteName: 'Micro Galleries' })}"`);
	});

	it('draws nothing for an address that names no page, a private link, or not a page at all', async () => {
		for (const [key, rest] of [
			['abcdefabcdefabcd', restOf('/missing')],
			['abcdefabcdefabcd', 'registrations/some-token.png'],
			['abcdefabcdefabcd', 'ne/newsletter/confirm/some-token.png'],
			['abcdefabcdefabcd', 'admin.png'],
			['abcdefabcdefabcd', 'share/abcdefabcdefabcd/about.png'],
			['abcdefabcdefabcd', 'about.jpg'],
			['not-a-key', restOf('/about')]
		] as const) {
			expect(await shareImageResponse(deps, key, rest, null), rest).toBeUndefined();
		}
		expect(opened).toEqual(['/missing']);
	});
});
