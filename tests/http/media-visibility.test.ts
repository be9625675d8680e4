import type { Kysely } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locales } from '../../src/lib/i18n/locales';
import type { Database } from '../../src/lib/server/db/schema';
import { solid } from '../support/test-images';
import { parseHtml, startTestServer, type TestServer } from '../support/http';
import { AdminClient, signedIn } from '../support/staff';

/*
 * Who may fetch a photo's files. Photos are named in URLs by a random key, not by
 * their id; a photo no published page shows is for signed-in staff only (never
 * stored by a cache); a photo on a published page is public and cached for a year.
 */

const immutable = 'public, max-age=31536000, immutable';

describe('photo files over HTTP: public only once a published page shows them', () => {
	let test: TestServer;
	let db: Kysely<Database>;
	let editor: AdminClient;
	let reviewer: AdminClient;

	/** Uploads a photo as the editor and waits until its variants are made; returns its id. */
	async function uploadReady(alt: string, colour: string): Promise<number> {
		const bytes = await solid(1200, 800, colour).jpeg().toBuffer();
		const response = await editor.post('/admin/media?/upload', {
			file: new File([new Uint8Array(bytes)], 'photo.jpg', { type: 'image/jpeg' }),
			// The home page is written in four languages: a photo it shows is described in each.
			'alt.en': alt,
			'alt.ne': `${alt} (ने)`,
			'alt.id': `${alt} (id)`,
			'alt.es': `${alt} (es)`
		});
		expect(response.status).toBe(303);
		const id = Number((response.headers.get('location') ?? '').split('=')[1]);
		let status = 'processing';
		// The server's worker looks for jobs every second.
		for (const deadline = Date.now() + 20_000; status === 'processing' && Date.now() < deadline; ) {
			await new Promise((resolve) => setTimeout(resolve, 200));
			status = (await db.selectFrom('media').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
		}
		expect(status).toBe('ready');
		return id;
	}

	/** The thumbnail address the admin's library shows for a photo, found by its alt text. */
	async function thumbnailUrl(alt: string): Promise<string> {
		const html = await (await editor.get('/admin/media')).text();
		const img = parseHtml(html).byTag('img').find((element) => element.attribs.alt === alt);
		expect(img, `a thumbnail with alt text "${alt}"`).toBeDefined();
		return img!.attribs.src!;
	}

	/** Every photo address on a page: <img src>, and each candidate of every srcset. */
	function photoUrls(html: string): string[] {
		const { all } = parseHtml(html);
		return all((element) => element.name === 'img' || element.name === 'source').flatMap((element) => [
			...(element.attribs.src ? [element.attribs.src] : []),
			...(element.attribs.srcset ?? '')
				.split(',')
				.map((candidate) => candidate.trim().split(/\s+/)[0]!)
				.filter(Boolean)
		]).filter((url) => url.startsWith('/media/'));
	}

	/** The about page's edit form as the editor would send it, with the photo chosen (0: none). */
	async function aboutForm(imageId: number): Promise<Record<string, string>> {
		const page = await db.selectFrom('page').selectAll().where('key', '=', 'about').executeTakeFirstOrThrow();
		const latest = await db
			.selectFrom('content_revision')
			.select('id')
			.where('item_type', '=', 'page')
			.where('item_key', '=', 'about')
			.orderBy('id', 'desc')
			.executeTakeFirst();
		const fields: Record<string, string> = { base: latest ? String(latest.id) : '', image_id: imageId ? String(imageId) : '' };
		for (const name of ['title', 'summary', 'body'] as const) {
			const texts = JSON.parse(page[name]) as Record<string, string>;
			for (const locale of locales) fields[`${name}.${locale}`] = texts[locale] ?? '';
		}
		return fields;
	}

	async function publishAbout(imageId: number): Promise<void> {
		const response = await editor.post('/admin/content/page/about?/publish', await aboutForm(imageId));
		expect(response.status).toBe(200);
		expect(await response.text()).toContain('published');
	}

	const anonymous = (url: string, headers: Record<string, string> = {}) => fetch(test.origin + url, { redirect: 'manual', headers });

	beforeAll(async () => {
		test = await startTestServer();
		db = (await test.openDatabase()).db;
		[editor, reviewer] = await Promise.all([signedIn(test, 'editor@example.org', 'editor'), signedIn(test, 'reviewer@example.org', 'reviewer')]);
	});
	afterAll(async () => {
		await test?.stop();
	});

	it('keeps a freshly uploaded photo that no page shows from visitors, shows it to staff uncached, and no longer answers at its id', async () => {
		const id = await uploadReady('A blue wall, not on any page', '#2255aa');
		const url = await thumbnailUrl('A blue wall, not on any page');
		// 128 random bits, base64url: nothing to count up or guess.
		expect(url).toMatch(/^\/media\/[A-Za-z0-9_-]{22}\/320\.jpg$/);
		expect(url).not.toContain(`/${id}/`);

		const visitor = await anonymous(url);
		expect(visitor.status).toBe(404);
		expect(visitor.headers.get('cache-control')).toBe('no-store');

		const staff = await editor.get(url);
		expect(staff.status).toBe(200);
		expect(staff.headers.get('content-type')).toBe('image/jpeg');
		expect(staff.headers.get('cache-control')).toBe('private, no-store');
		expect((await staff.arrayBuffer()).byteLength).toBeGreaterThan(0);

		// Staff who never work with photos (reviewers) see no more than a visitor.
		expect((await reviewer.get(url)).status).toBe(404);

		// The sequential address of the same file serves nothing, to anyone.
		for (const file of ['320.jpg', '320.webp', '320.avif']) {
			expect((await anonymous(`/media/${id}/${file}`)).status).toBe(404);
			expect((await editor.get(`/media/${id}/${file}`)).status).toBe(404);
		}
	});

	it('makes a photo public and immutable once a published page shows it, and takes it away when the page stops showing it', async () => {
		const id = await uploadReady('A red door on the about page', '#aa3322');
		const thumbnail = await thumbnailUrl('A red door on the about page');
		expect((await anonymous(thumbnail)).status).toBe(404);

		await publishAbout(id);
		const page = await anonymous('/about');
		expect(page.status).toBe(200);
		const urls = photoUrls(await page.text());
		// AVIF, WebP and JPEG at every width, and the fallback src.
		expect(urls.length).toBeGreaterThanOrEqual(4);
		expect(urls).toContain(thumbnail);
		for (const url of new Set(urls)) {
			const file = await anonymous(url);
			expect(file.status, url).toBe(200);
			expect(file.headers.get('cache-control'), url).toBe(immutable);
			expect(file.headers.get('x-content-type-options'), url).toBe('nosniff');
			// Asked again, it comes from the page cache: the same bytes, type and validator.
			const again = await anonymous(url);
			expect(Buffer.from(await again.arrayBuffer()).equals(Buffer.from(await file.arrayBuffer())), url).toBe(true);
			expect(again.headers.get('content-type'), url).toBe(file.headers.get('content-type'));
			expect(again.headers.get('etag'), url).toBe(file.headers.get('etag'));
			expect(again.headers.get('vary'), url).toBeNull();
			expect((await anonymous(url, { 'if-none-match': file.headers.get('etag')! })).status, url).toBe(304);
		}

		// A draft that drops the photo changes nothing public yet.
		const draft = await editor.post('/admin/content/page/about?/save', await aboutForm(0));
		expect(draft.status).toBe(200);
		expect((await anonymous(thumbnail)).status).toBe(200);

		await publishAbout(0);
		const after = await anonymous('/about');
		expect(photoUrls(await after.text())).toEqual([]);
		for (const url of new Set(urls)) expect((await anonymous(url)).status, url).toBe(404);
		// Staff still see it in the library.
		expect((await editor.get(thumbnail)).status).toBe(200);
	});

	it("shows a draft's photo to staff in the preview, and not to visitors", async () => {
		const id = await uploadReady('A green tent in a draft', '#22aa55');
		const preview = await editor.post('/admin/content/page/about?/preview', { ...(await aboutForm(id)), previewLang: 'en' });
		expect(preview.status).toBe(303);
		const html = await (await editor.get(preview.headers.get('location')!)).text();
		const urls = photoUrls(html);
		expect(urls.length).toBeGreaterThanOrEqual(4);
		for (const url of new Set(urls)) {
			const staff = await editor.get(url);
			expect(staff.status, url).toBe(200);
			expect(staff.headers.get('cache-control'), url).toBe('private, no-store');
			expect((await anonymous(url)).status, url).toBe(404);
		}
	});

	it("serves a photo's image service (IIIF) by the same rule: staff only and uncached until published, then to everyone, immutable and open to every origin", async () => {
		const id = await uploadReady('A white gate with an image service', '#eeeeee');
		const key = /^\/media\/([A-Za-z0-9_-]{22})\//.exec(await thumbnailUrl('A white gate with an image service'))![1]!;
		const info = `/iiif/${key}/info.json`;
		const corner = `/iiif/${key}/0,0,512,512/512,512/0/default.jpg`;

		for (const url of [info, corner]) {
			const visitor = await anonymous(url);
			expect(visitor.status, url).toBe(404);
			expect(visitor.headers.get('cache-control'), url).toBe('no-store');
			expect((await reviewer.get(url)).status, url).toBe(404);
			const staff = await editor.get(url);
			expect(staff.status, url).toBe(200);
			expect(staff.headers.get('cache-control'), url).toBe('private, no-store');
		}

		await publishAbout(id);
		const response = await anonymous(info);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/ld+json;profile="http://iiif.io/api/image/3/context.json"');
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		expect(response.headers.get('cache-control')).toBe(immutable);
		const document = (await response.json()) as {
			id: string;
			width: number;
			height: number;
			tiles: { width: number; scaleFactors: number[] }[];
			sizes: { width: number; height: number }[];
		};
		// The id is this deployment's address of the service: what a manifest names.
		expect(document.id).toBe(`${test.origin}/iiif/${key}`);
		expect(document).toMatchObject({ width: 1200, height: 800, tiles: [{ width: 512, scaleFactors: [1, 2, 4] }] });
		// Asked again, from the page cache: the same document, still open to every origin.
		const again = await anonymous(info);
		expect(again.headers.get('access-control-allow-origin')).toBe('*');
		expect(((await again.json()) as { id: string }).id).toBe(document.id);

		const tile = await anonymous(corner);
		expect(tile.status).toBe(200);
		expect(tile.headers.get('content-type')).toBe('image/jpeg');
		expect(tile.headers.get('cache-control')).toBe(immutable);
		expect(tile.headers.get('access-control-allow-origin')).toBe('*');
		const { width, height } = await sharp(Buffer.from(await tile.arrayBuffer())).metadata();
		expect([width, height]).toEqual([512, 512]);
		expect(document.sizes.length).toBeGreaterThan(0);
		for (const size of document.sizes) {
			expect((await anonymous(`/iiif/${key}/full/${size.width},${size.height}/0/default.jpg`)).status).toBe(200);
		}

		// Level 0: only the files that exist; nothing else, and nothing outside the photo's folder.
		for (const url of [
			`/iiif/${key}/0,0,512,512/256,256/0/default.jpg`,
			`/iiif/${key}/0,0,100,100/100,100/0/default.jpg`,
			`/iiif/${key}/full/max/0/default.jpg`,
			`/iiif/${key}/0,0,512,512/512,512/90/default.jpg`,
			`/iiif/${key}/0,0,512,512/512,512/0/default.png`,
			`/iiif/${key}/%2e%2e/%2e%2e/%2e%2e/320.jpg`,
			`/iiif/${key}/..%2f..%2f..%2f/x/0/default.jpg`,
			`/iiif/${id}/info.json`,
			`/iiif/${key}/info.json/extra`
		]) {
			const refused = await anonymous(url);
			expect(refused.status, url).toBe(404);
		}

		await publishAbout(0);
		expect((await anonymous(info)).status).toBe(404);
		expect((await anonymous(corner)).status).toBe(404);
	});

	it('offers only small photos to a request that asks to save data, and says that the page varies by it', async () => {
		const id = await uploadReady('An orange kite, light or full', '#ee8822');
		await publishAbout(id);
		const widths = (html: string) =>
			photoUrls(html)
				.map((url) => Number(/\/(\d+)\.(?:avif|webp|jpg)$/.exec(url)![1]))
				.sort((a, b) => a - b);

		for (const round of ['rendered', 'from the page cache']) {
			const full = await anonymous('/about');
			const light = await anonymous('/about', { 'save-data': 'on' });
			expect(full.status, round).toBe(200);
			expect(light.status, round).toBe(200);
			for (const response of [full, light]) expect(response.headers.get('vary') ?? '', round).toMatch(/\bSave-Data\b/i);
			const fullWidths = widths(await full.text());
			const lightWidths = widths(await light.text());
			expect(Math.max(...fullWidths), round).toBe(1200);
			expect(lightWidths.length, round).toBeGreaterThan(0);
			expect(Math.max(...lightWidths), round).toBeLessThanOrEqual(480);
		}
		await publishAbout(0);
	});

	it('takes a published photo away from visitors when staff delete it', async () => {
		const id = await uploadReady('A yellow bench, deleted later', '#ddcc22');
		await publishAbout(id);
		const urls = photoUrls(await (await anonymous('/about')).text());
		expect(urls.length).toBeGreaterThan(0);
		expect((await anonymous(urls[0]!)).status).toBe(200);

		expect((await editor.post(`/admin/media/${id}/delete`, {})).status).toBe(303);
		expect(photoUrls(await (await anonymous('/about')).text())).toEqual([]);
		for (const url of new Set(urls)) expect((await anonymous(url)).status, url).toBe(404);
	});
});
