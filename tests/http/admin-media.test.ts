import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/schema';
import { phoneJpegWithGps, readExifGps } from '../support/test-images';
import { startTestServer, type TestServer } from '../support/http';
import { storedKeys } from '../support/s3';
import { AdminClient, signedIn } from '../support/staff';

const contentTypes: Record<string, string> = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg' };
const extensions: Record<string, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg' };

describe('the media library in the admin, over HTTP against the built server', () => {
	let test: TestServer;
	let db: Kysely<Database>;
	let editor: AdminClient;
	let reviewer: AdminClient;
	let photo: Buffer;

	function uploadFields(file: Blob, fields: Record<string, string> = {}): Record<string, string | Blob> {
		return {
			file,
			'alt.en': 'Children painting a mural on a school wall',
			'alt.ne': 'विद्यालयको भित्तामा चित्र बनाउँदै बालबालिका',
			'alt.id': '',
			'alt.es': '',
			'caption.en': 'Patan, 2018',
			...fields
		};
	}

	function photoFile(): File {
		return new File([new Uint8Array(photo)], 'IMG_0042.JPG', { type: 'image/jpeg' });
	}

	async function mediaRows() {
		return db.selectFrom('media').select(['id', 'status', 'error', 'original_name']).orderBy('id').execute();
	}

	/** Kept uploads, in the data folder or (TEST_S3_ENDPOINT) the bucket. */
	async function incomingFiles(): Promise<string[]> {
		return storedKeys(test.server, 'media/.incoming/');
	}

	beforeAll(async () => {
		test = await startTestServer();
		db = (await test.openDatabase()).db;
		[editor, reviewer, photo] = await Promise.all([
			signedIn(test, 'editor@example.org', 'editor'),
			signedIn(test, 'reviewer@example.org', 'reviewer'),
			// 4000×3000, about 3.6 MB, with a GPS position in its EXIF and XMP, as a phone writes it.
			phoneJpegWithGps(4000, 3000)
		]);
	});
	afterAll(async () => {
		await test?.stop();
	});

	it('takes a 12-megapixel phone photo at once, processes it in the background, and serves variants without location data', async () => {
		expect(readExifGps((await sharp(photo).metadata()).exif!)?.size).toBeGreaterThan(0);

		const started = Date.now();
		const response = await editor.post('/admin/media?/upload', uploadFields(photoFile()));
		const answeredIn = Date.now() - started;
		expect(response.status).toBe(303);
		const location = response.headers.get('location') ?? '';
		expect(location).toMatch(/^\/admin\/media\?uploaded=\d+$/);
		const id = Number(location.split('=')[1]);
		// Processing takes seconds; the request only checks and stores the file.
		expect(answeredIn).toBeLessThan(2500);

		const [row] = await mediaRows();
		expect(row).toMatchObject({ id, status: 'processing', original_name: 'IMG_0042.JPG' });
		const listWhileProcessing = await (await editor.get(location)).text();
		expect(listWhileProcessing).toContain('Photo uploaded.');
		expect(listWhileProcessing).toContain('processing…');

		// The server's worker looks for jobs every second.
		let status = row!.status;
		for (const deadline = Date.now() + 20_000; status === 'processing' && Date.now() < deadline; ) {
			await new Promise((resolve) => setTimeout(resolve, 250));
			status = (await db.selectFrom('media').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
		}
		expect(status).toBe('ready');
		// The job marks the photo ready, then deletes the original: wait for the job to finish.
		let job = '';
		for (const deadline = Date.now() + 10_000; job !== 'done' && Date.now() < deadline; ) {
			job = (await db.selectFrom('job').select('status').where('idempotency_key', '=', `media.process:${id}`).executeTakeFirstOrThrow()).status;
			if (job !== 'done') await new Promise((resolve) => setTimeout(resolve, 100));
		}
		expect(job).toBe('done');
		// The original, with its location, is gone.
		expect(await incomingFiles()).toEqual([]);
		// Every file is where the configuration says: in the bucket and not in the data folder, or the other way round.
		const stored = await storedKeys(test.server, `media/${id}/`);
		expect(stored).toContain(`media/${id}/1920.jpg`);
		expect(stored).toContain(`media/${id}/iiif/info.json`);
		expect(existsSync(join(test.server.dataDir, 'media', String(id)))).toBe(test.server.s3 === undefined);

		const variants = await db.selectFrom('media_variant').selectAll().where('media_id', '=', id).execute();
		expect(variants.map((v) => `${v.format} ${v.width}`).sort()).toEqual(
			['avif', 'jpeg', 'webp'].flatMap((format) => [320, 640, 960, 1280, 1920].map((width) => `${format} ${width}`)).sort()
		);
		const { public_key: key } = await db.selectFrom('media').select('public_key').where('id', '=', id).executeTakeFirstOrThrow();
		for (const variant of variants) {
			// No published page shows the photo yet: staff see it, nobody else (media-visibility.test.ts).
			const file = await editor.get(`/media/${key}/${variant.width}.${extensions[variant.format]}`);
			expect(file.status).toBe(200);
			expect(file.headers.get('content-type')).toBe(contentTypes[variant.format]);
			expect(file.headers.get('cache-control')).toBe('private, no-store');
			const bytes = Buffer.from(await file.arrayBuffer());
			expect(bytes.length).toBe(Number(variant.bytes));
			const metadata = await sharp(bytes).metadata();
			expect([metadata.width, metadata.height]).toEqual([variant.width, variant.height]);
			expect(metadata.exif).toBeUndefined();
			expect(metadata.xmp).toBeUndefined();
			expect(metadata.iptc).toBeUndefined();
		}

		const list = await (await editor.get('/admin/media')).text();
		expect(list).toMatch(new RegExp(`<img src="/media/${key}/320\\.jpg"[^>]* alt="Children painting a mural on a school wall"`));
		expect(list).toContain(`srcset="/media/${key}/320.webp"`);

		const audit = await db.selectFrom('audit_event').select(['action', 'subject']).where('action', 'like', 'media.%').execute();
		expect(audit).toEqual([{ action: 'media.uploaded', subject: `media:${id}` }]);
	});

	it('refuses a text file named .jpg with a message that says what is accepted, keeping the typed text', async () => {
		const before = await mediaRows();
		const response = await editor.post(
			'/admin/media?/upload',
			uploadFields(new File(['just some notes, not a photo'], 'holiday.jpg', { type: 'image/jpeg' }), { 'alt.es': 'Unas notas' })
		);
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(html).toContain('This file is not a photo in a format we accept. Accepted: JPEG, PNG, WebP, AVIF or HEIC photos up to 20 MB');
		expect(html).toContain('Children painting a mural on a school wall</textarea>');
		expect(html).toContain('Unas notas</textarea>');
		expect(html).toContain('choose the file again');
		expect(await mediaRows()).toEqual(before);
		expect(await incomingFiles()).toEqual([]);
	});

	it('asks for the English alt text beside its field, keeping the other fields', async () => {
		const before = await mediaRows();
		const small = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#336699' } }).jpeg().toBuffer();
		const response = await editor.post(
			'/admin/media?/upload',
			uploadFields(new File([small], 'blue.jpg', { type: 'image/jpeg' }), { 'alt.en': '   ', 'caption.es': 'Azul' })
		);
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(html).toMatch(/<textarea[^>]*id="upload-alt-en"[^>]*aria-invalid="true"/);
		expect(html).toContain('id="upload-alt-en-error">Describe the photo in English for people who cannot see it.</p>');
		expect(html).toContain('विद्यालयको भित्तामा चित्र बनाउँदै बालबालिका</textarea>');
		expect(html).toContain('Patan, 2018</textarea>');
		expect(html).toContain('Azul</textarea>');
		expect(html).toContain('choose the file again');
		expect(await mediaRows()).toEqual(before);
	});

	it('states the size limit in the form and offers the types it takes, HEIC included, so iPhones send photos as they are', async () => {
		const html = await (await editor.get('/admin/media')).text();
		expect(html).toContain('JPEG, PNG, WebP, AVIF or HEIC, up to 20 MB. Photos from a phone can be sent as they are.');
		expect(html).toMatch(/<input[^>]*type="file"[^>]*accept="image\/jpeg,image\/png,image\/webp,image\/avif,image\/heic,image\/heif,\.heic,\.heif"/);
		expect(html).toContain('enctype="multipart/form-data"');
	});

	it('refuses a file over 20 MB with the friendly message, also when the whole body is over the server limit', async () => {
		const before = await mediaRows();
		// Within the server's body limit (25 MB): the domain says it is too large, and the text is kept.
		const over = await editor.post('/admin/media?/upload', uploadFields(new File([Buffer.alloc(21 * 1024 * 1024, 1)], 'big.jpg')));
		expect(over.status).toBe(400);
		const overHtml = await over.text();
		expect(overHtml).toContain('This file is larger than 20 MB.');
		expect(overHtml).toContain('Patan, 2018</textarea>');

		// Over the body limit: nothing of the form can be read, but the answer is still the page with the message.
		const huge = await editor.post('/admin/media?/upload', uploadFields(new File([Buffer.alloc(26 * 1024 * 1024, 1)], 'huge.jpg')));
		expect(huge.status).toBe(413);
		expect(huge.headers.get('content-type')).toContain('text/html');
		const hugeHtml = await huge.text();
		expect(hugeHtml).toContain('This file is larger than 20 MB.');
		expect(hugeHtml).toContain('what you typed could not be kept either');
		expect(await mediaRows()).toEqual(before);
	});

	it('lets an editor change the alt text and caption, then delete the photo after confirming', async () => {
		const [photoRow] = await mediaRows();
		const id = photoRow!.id;
		const page = await editor.get(`/admin/media/${id}`);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toMatch(/<td>JPEG<\/td>\s*<td>1920 px<\/td>/);
		const { public_key: key } = await db.selectFrom('media').select('public_key').where('id', '=', id).executeTakeFirstOrThrow();
		expect(html).toContain(`/media/${key}/1920.avif 1920w`);

		const refused = await editor.post(`/admin/media/${id}?/save`, { 'alt.en': '', 'alt.es': 'Niños pintando un mural' });
		expect(refused.status).toBe(400);
		expect(await refused.text()).toContain('Niños pintando un mural</textarea>');

		const saved = await editor.post(`/admin/media/${id}?/save`, { 'alt.en': 'A mural, half painted', 'alt.es': 'Un mural a medio pintar', 'caption.en': '' });
		expect(saved.status).toBe(200);
		const savedHtml = await saved.text();
		expect(savedHtml).toContain('Saved.');
		expect(savedHtml).toContain('A mural, half painted</textarea>');

		const confirm = await editor.get(`/admin/media/${id}/delete`);
		expect(confirm.status).toBe(200);
		const confirmHtml = await confirm.text();
		expect(confirmHtml).toContain('Delete this image?');
		expect(confirmHtml).toContain('It will disappear from every page that uses it.');
		expect(await mediaRows()).toHaveLength(1);

		const deleted = await editor.post(`/admin/media/${id}/delete`, {});
		expect(deleted.status).toBe(303);
		expect(deleted.headers.get('location')).toBe('/admin/media?deleted');
		expect(await mediaRows()).toEqual([]);
		expect((await editor.get(`/media/${key}/320.jpg`)).status).toBe(404);
		expect((await editor.get(`/admin/media/${id}`)).status).toBe(404);

		const audit = await db.selectFrom('audit_event').select('action').where('subject', '=', `media:${id}`).orderBy('id').execute();
		expect(audit.map((a) => a.action)).toEqual(['media.uploaded', 'media.updated', 'media.deleted']);
	});

	it('turns a reviewer away from the library and its upload', async () => {
		expect((await reviewer.get('/admin')).status).toBe(200);
		expect((await reviewer.get('/admin/media')).status).toBe(403);
		const upload = await reviewer.post('/admin/media?/upload', uploadFields(photoFile()));
		expect(upload.status).toBe(403);
		expect(await mediaRows()).toEqual([]);
		expect(await incomingFiles()).toEqual([]);
	});

	it('sends someone not signed in to the sign-in page', async () => {
		const anonymous = new AdminClient(test.origin);
		const page = await anonymous.get('/admin/media');
		expect(page.status).toBe(303);
		expect(page.headers.get('location')).toBe('/admin/login?next=%2Fadmin%2Fmedia');
		const upload = await anonymous.post('/admin/media?/upload', uploadFields(photoFile()));
		expect(upload.status).toBe(303);
		expect(upload.headers.get('location')).toMatch(/^\/admin\/login\?next=/);
		expect(await mediaRows()).toEqual([]);
	});
});
