/**
 * Link previews (og:image) over HTTP against the built server: every public page
 * names a picture of its own, in its language: its photo when it has one, else its
 * title drawn over the site's colours (/share/<key>/<page>.png), a PNG made once,
 * cached for a year under an address that changes with the title.
 */
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locales } from '../../src/lib/i18n/locales';
import type { Database } from '../../src/lib/server/db/schema';
import { solid } from '../support/test-images';
import { parseHtml, startTestServer, type TestServer } from '../support/http';
import { AdminClient, signedIn } from '../support/staff';

let test: TestServer;
let db: Kysely<Database>;
let editor: AdminClient;

beforeAll(async () => {
	test = await startTestServer();
	db = (await test.openDatabase()).db;
	editor = await signedIn(test, 'editor@example.org', 'editor');
});
afterAll(async () => {
	await test?.stop();
});

/** The link-preview tags of a page's <head>. */
async function previewOf(path: string) {
	const response = await fetch(test.origin + path);
	expect(response.status, path).toBe(200);
	const { all, head } = parseHtml(await response.text());
	const meta = (property: string) => all((e) => e.name === 'meta' && e.attribs.property === property && e.parent === head).map((e) => e.attribs.content);
	const [image, ...more] = meta('og:image');
	expect(more, `one og:image on ${path}`).toEqual([]);
	return {
		image: image!,
		width: Number(meta('og:image:width')[0]),
		height: Number(meta('og:image:height')[0]),
		alt: meta('og:image:alt')[0],
		title: meta('og:title')[0]
	};
}

describe('generated share pictures', () => {
	it('differ between /about and /ne/about, and each is a 1200 × 630 PNG of the page’s title, cached with an ETag', async () => {
		const english = await previewOf('/about');
		const nepali = await previewOf('/ne/about');
		expect(english.image).not.toBe(nepali.image);
		for (const preview of [english, nepali]) {
			expect(preview.image).toMatch(new RegExp(`^${test.origin}/share/[0-9a-f]{16}/(?:ne/)?about\\.png$`));
			expect([preview.width, preview.height]).toEqual([1200, 630]);
			expect(preview.alt).toBe(preview.title);
			const response = await fetch(preview.image);
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe('image/png');
			expect(response.headers.get('cache-control')).toMatch(/max-age=31536000/);
			const etag = response.headers.get('etag');
			expect(etag).toMatch(/^(?:W\/)?"/);
			const png = Buffer.from(await response.arrayBuffer());
			expect(png.byteLength).toBeLessThan(60_000);
			expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 });
			const again = await fetch(preview.image, { headers: { 'if-none-match': etag! } });
			expect(again.status).toBe(304);
		}
		const [en, ne] = await Promise.all([english, nepali].map(async (p) => Buffer.from(await (await fetch(p.image)).arrayBuffer())));
		expect(en!.equals(ne!)).toBe(false);
	});

	it('name a picture for every language of the home page, none of them the site’s general one', async () => {
		const images = await Promise.all(locales.map(async (locale) => (await previewOf(locale === 'en' ? '/' : `/${locale}`)).image));
		expect(new Set(images).size).toBe(locales.length);
		expect(images.some((image) => image.endsWith('/og-image.png'))).toBe(false);
	});

	it('draw no text of a visitor’s choosing: the address only names a page, whose own title is drawn', async () => {
		const english = await previewOf('/about');
		const own = Buffer.from(await (await fetch(english.image)).arrayBuffer());
		// Someone else's key on the about page's address: the about page's current picture, not cached for long.
		const other = await fetch(`${test.origin}/share/0123456789abcdef/about.png`);
		expect(other.status).toBe(200);
		expect(Buffer.from(await other.arrayBuffer()).equals(own)).toBe(true);
		expect(other.headers.get('cache-control')).not.toMatch(/immutable/);
		for (const path of ['/share/0123456789abcdef/no-such-page.png', '/share/0123456789abcdef/admin.png', '/share/0123456789abcdef/registrations/abc.png', '/share/nope/about.png']) {
			expect((await fetch(test.origin + path)).status, path).toBe(404);
		}
	});
});

describe('a page with its own photo', () => {
	it('shows the photo in link previews, at its own size, and its title picture again once the photo is gone', async () => {
		const bytes = await solid(1600, 1000, '#aa3322').jpeg().toBuffer();
		const upload = await editor.post('/admin/media?/upload', {
			file: new File([new Uint8Array(bytes)], 'photo.jpg', { type: 'image/jpeg' }),
			'alt.en': 'A red door',
			'alt.ne': 'रातो ढोका',
			'alt.id': 'Pintu merah',
			'alt.es': 'Una puerta roja'
		});
		expect(upload.status).toBe(303);
		const id = Number((upload.headers.get('location') ?? '').split('=')[1]);
		let status = 'processing';
		for (const deadline = Date.now() + 20_000; status === 'processing' && Date.now() < deadline; ) {
			await new Promise((resolve) => setTimeout(resolve, 200));
			status = (await db.selectFrom('media').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
		}
		expect(status).toBe('ready');

		const publishAbout = async (imageId: number) => {
			const page = await db.selectFrom('page').selectAll().where('key', '=', 'about').executeTakeFirstOrThrow();
			const latest = await db.selectFrom('content_revision').select('id').where('item_type', '=', 'page').where('item_key', '=', 'about').orderBy('id', 'desc').executeTakeFirst();
			const fields: Record<string, string> = { base: latest ? String(latest.id) : '', image_id: imageId ? String(imageId) : '' };
			for (const name of ['title', 'summary', 'body'] as const) {
				const texts = JSON.parse(page[name]) as Record<string, string>;
				for (const locale of locales) fields[`${name}.${locale}`] = texts[locale] ?? '';
			}
			const response = await editor.post('/admin/content/page/about?/publish', fields);
			expect(response.status).toBe(200);
		};

		await publishAbout(id);
		for (const path of ['/about', '/ne/about']) {
			const preview = await previewOf(path);
			expect(preview.image, path).toMatch(new RegExp(`^${test.origin}/media/[A-Za-z0-9_-]+/\\d+\\.jpg$`));
			const photo = await fetch(preview.image);
			expect(photo.status).toBe(200);
			const size = await sharp(Buffer.from(await photo.arrayBuffer())).metadata();
			expect([preview.width, preview.height]).toEqual([size.width, size.height]);
			expect(preview.alt).toBe(preview.title);
		}

		await publishAbout(0);
		expect((await previewOf('/about')).image).toMatch(/\/share\/[0-9a-f]{16}\/about\.png$/);
	});
});
