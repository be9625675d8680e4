import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '$lib/server/db/test-database';
import { NotFoundError, ValidationError } from '$lib/server/platform/errors';
import { createJobWorker } from '$lib/server/platform/jobs/job-worker';
import { UploadRejectedError } from '$lib/server/platform/images/image-processing';
import { LocalMediaStorage, type StagedFiles } from './media-storage';
import {
	createMediaFromUpload,
	deleteMedia,
	editMediaText,
	getMedia,
	listMedia,
	mediaJobHandlers,
	mediaProcessJobKind,
	processGeneratedMedia,
	processUploadedMedia,
	recordGeneratedMedia,
	type CreateMediaCommand,
	type MediaProcessPayload
} from './media.service';
import { picture } from '$lib/server/shared/picture';
import { readSiteVersion } from '$lib/server/platform/site-version';
import { heicFromPhone, phoneJpegWithGps, readExifGps, solid, withHeifTransform } from '../../../../tests/support/test-images';
import { auditBookmark, expectNothingLeftWhenTheAuditEntryFails, mediaContext, withClock } from '../../../../tests/support/domain-contexts';

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

let handle: TestDatabase;
let dataDir: string;
let storage: LocalMediaStorage;
let photo: Buffer;

const editor = { id: 'staff-1', email: 'editor@example.org' };
/** The library's context over this file's database and the current test's storage. */
const mediaOf = () => mediaContext(handle.db, storage);

beforeAll(async () => {
	handle = await createTestDatabase();
	photo = await phoneJpegWithGps(800, 600);
});
afterAll(() => handle.dispose());

beforeEach(async () => {
	await handle.db.deleteFrom('media_variant').execute();
	await handle.db.deleteFrom('media').execute();
	await handle.db.deleteFrom('job').execute();
	await handle.db.deleteFrom('audit_event').execute();
	dataDir = mkdtempSync(join(tmpdir(), 'arts-media-'));
	storage = new LocalMediaStorage(join(dataDir, 'media'));
	return () => rmSync(dataDir, { recursive: true, force: true });
});

function upload(overrides: Partial<CreateMediaCommand> = {}): CreateMediaCommand {
	return {
		bytes: photo,
		originalName: 'IMG_0042.JPG',
		alt: { en: 'Children painting a mural on a school wall', ne: 'विद्यालयको भित्तामा चित्र बनाउँदै बालबालिका' },
		...overrides
	};
}

/** Runs every due media job, as the app's worker would, until none is left. */
async function runJobs(db = handle.db, jobStorage: LocalMediaStorage = storage): Promise<number> {
	const worker = createJobWorker(db, { handlers: mediaJobHandlers(jobStorage) });
	let total = 0;
	for (let claimed = await worker.runOnce(); claimed > 0; claimed = await worker.runOnce()) total += claimed;
	return total;
}

/**
 * Published variant files and folders under the media folder; staging folders
 * included, kept uploads not. A photo's image service is one entry (`<id>/iiif`,
 * `.staging-…/iiif`): its tiles are image-service.test.ts's business.
 */
function filesOnDisk(): string[] {
	if (!existsSync(storage.root)) return [];
	return readdirSync(storage.root, { recursive: true, encoding: 'utf8' })
		.filter((path) => !path.startsWith('.incoming') && !/\/iiif\//.test(path))
		.sort();
}

/** Uploads kept until processed. */
function incomingFiles(): string[] {
	const folder = join(storage.root, '.incoming');
	return existsSync(folder) ? readdirSync(folder) : [];
}

async function rowCounts(db = handle.db) {
	const media = await db.selectFrom('media').select('id').execute();
	const variants = await db.selectFrom('media_variant').select('media_id').execute();
	const jobs = await db.selectFrom('job').select('id').execute();
	return { media: media.length, variants: variants.length, jobs: jobs.length };
}

async function mediaJob(mediaId: number) {
	return handle.db
		.selectFrom('job')
		.selectAll()
		.where('idempotency_key', '=', `${mediaProcessJobKind}:${mediaId}`)
		.executeTakeFirstOrThrow();
}

async function auditActions() {
	const rows = await handle.db.selectFrom('audit_event').select(['action', 'subject', 'actor_id']).orderBy('id').execute();
	return rows.map((row) => `${row.action} ${row.subject} ${row.actor_id}`);
}

async function thrown(promise: Promise<unknown>): Promise<unknown> {
	return promise.then(
		() => {
			throw new Error('expected a rejection');
		},
		(error: unknown) => error
	);
}

describe('uploading a photo', () => {
	it('records it as processing with its job, and keeps the upload out of sight until then', async () => {
		const media = await createMediaFromUpload(withClock(mediaOf(), '2026-11-26T10:00:00.000Z'), editor, upload());
		// 800×600 stored, shown turned by its EXIF orientation: 600×800.
		expect(media).toMatchObject({
			publicKey: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
			originalName: 'IMG_0042.JPG',
			mimeType: 'image/jpeg',
			width: 600,
			height: 800,
			bytes: photo.length,
			alt: { en: 'Children painting a mural on a school wall', ne: 'विद्यालयको भित्तामा चित्र बनाउँदै बालबालिका' },
			caption: null,
			color: null,
			status: 'processing',
			error: null,
			createdBy: 'staff-1',
			createdAt: '2026-11-26T10:00:00.000Z',
			variants: []
		});

		const job = await mediaJob(media.id);
		expect(job).toMatchObject({ kind: 'media.process', status: 'pending', max_attempts: 3 });
		const payload = JSON.parse(job.payload) as MediaProcessPayload;
		expect(payload.mediaId).toBe(media.id);

		// The original, location and all, waits in a private folder that no URL reaches.
		expect(incomingFiles()).toEqual([payload.incoming]);
		const kept = join(storage.root, '.incoming', payload.incoming);
		expect(readFileSync(kept).equals(photo)).toBe(true);
		expect(statSync(kept).mode & 0o777).toBe(0o600);
		expect(filesOnDisk()).toEqual([]);

		// Nothing a page could show yet.
		expect(picture(media, 'en')).toBeUndefined();
		expect((await listMedia(handle.db)).items).toEqual([]);
		expect(await auditActions()).toEqual([`media.uploaded media:${media.id} staff-1`]);
	});

	it('is processed by its job: variants free of metadata, ready, and the upload removed', async () => {
		const uploaded = await createMediaFromUpload(mediaOf(), editor, upload());
		expect(await runJobs()).toBe(1);

		const media = await getMedia(handle.db, uploaded.id);
		expect(media).toMatchObject({ status: 'ready', error: null, width: 600, height: 800 });
		expect(media.color).toMatch(/^#[0-9a-f]{6}$/);
		expect(media.variants.map((v) => `${v.format} ${v.width}x${v.height} ${v.path}`)).toEqual([
			`avif 320x427 ${media.id}/320.avif`,
			`jpeg 320x427 ${media.id}/320.jpg`,
			`webp 320x427 ${media.id}/320.webp`,
			`avif 600x800 ${media.id}/600.avif`,
			`jpeg 600x800 ${media.id}/600.jpg`,
			`webp 600x800 ${media.id}/600.webp`
		]);
		expect(filesOnDisk()).toEqual(
			[String(media.id), ...['320.avif', '320.jpg', '320.webp', '600.avif', '600.jpg', '600.webp', 'iiif'].map((f) => join(String(media.id), f))].sort()
		);
		// Its image service, from the upload at full size (upright).
		expect(media.imageService).toEqual({ width: 600, height: 800, tileSize: 512 });
		expect(readExifGps((await sharp(photo).metadata()).exif!)?.get(2)).toEqual([27, 42, 36]);
		for (const variant of media.variants) {
			const bytes = readFileSync(join(storage.root, variant.path));
			expect(bytes.length).toBe(variant.bytes);
			const metadata = await sharp(bytes).metadata();
			expect([metadata.width, metadata.height]).toEqual([variant.width, variant.height]);
			expect(metadata.exif).toBeUndefined();
			expect(metadata.xmp).toBeUndefined();
		}

		expect(incomingFiles()).toEqual([]);
		expect((await mediaJob(media.id)).status).toBe('done');
		// Named by its random key: the id, which counts up, appears in no URL.
		expect(picture(media, 'en')?.img.src).toBe(`/media/${media.publicKey}/600.jpg`);
		expect((await listMedia(handle.db)).items.map((m) => m.id)).toEqual([media.id]);
	});

	it('takes a HEIC from an iPhone as it is, and processes it into upright variants without metadata', async () => {
		// Taken upright: the pixels are stored sideways, with a rotation for readers to apply.
		const heic = withHeifTransform(heicFromPhone, { quarterTurns: 3 });
		const uploaded = await createMediaFromUpload(mediaOf(), editor, upload({ bytes: heic, originalName: 'IMG_0043.HEIC' }));
		expect(uploaded).toMatchObject({ mimeType: 'image/heic', width: 64, height: 96, bytes: heic.length, status: 'processing' });
		expect(await runJobs()).toBe(1);

		const media = await getMedia(handle.db, uploaded.id);
		expect(media).toMatchObject({ status: 'ready', error: null, width: 64, height: 96 });
		expect(media.variants.map((v) => `${v.format} ${v.width}x${v.height}`)).toEqual(['avif 64x96', 'jpeg 64x96', 'webp 64x96']);
		for (const variant of media.variants) {
			const metadata = await sharp(readFileSync(join(storage.root, variant.path))).metadata();
			expect([metadata.width, metadata.height]).toEqual([64, 96]);
			expect(metadata.exif).toBeUndefined();
			expect(metadata.xmp).toBeUndefined();
		}
		expect(incomingFiles()).toEqual([]);
	});

	it('keeps only the file name of the upload, without folders or control characters', async () => {
		const media = await createMediaFromUpload(mediaOf(), editor, upload({ originalName: 'C:\\Users\\me\\DCIM/pic\u0000 1.jpg' }));
		expect(media.originalName).toBe('pic 1.jpg');
	});

	it('stores a caption per language when given, and drops unknown languages and empty translations', async () => {
		const media = await createMediaFromUpload(
			mediaOf(),
			editor,
			upload({
				alt: { en: '  A mural  ', es: '', xx: 'unknown' } as never,
				caption: { en: 'Kathmandu, 2025', id: 'Kathmandu, 2025 (id)' }
			})
		);
		expect(media.alt).toEqual({ en: 'A mural' });
		expect(media.caption).toEqual({ en: 'Kathmandu, 2025', id: 'Kathmandu, 2025 (id)' });
	});

	it('requires alt text in English, and writes nothing without it', async () => {
		for (const alt of [{}, { en: '   ' }, { ne: 'केवल नेपाली' }]) {
			const error = await thrown(createMediaFromUpload(mediaOf(), editor, upload({ alt })));
			expect(error).toBeInstanceOf(ValidationError);
			expect(error).not.toBeInstanceOf(UploadRejectedError);
			expect((error as ValidationError).issues).toEqual({ 'alt.en': expect.stringMatching(/Describe the photo in English/) });
		}
		const tooLong = await thrown(createMediaFromUpload(mediaOf(), editor, upload({ alt: { en: 'x'.repeat(501) } })));
		expect((tooLong as ValidationError).issues).toEqual({ 'alt.en': expect.stringMatching(/500 characters/) });
		expect(await rowCounts()).toEqual({ media: 0, variants: 0, jobs: 0 });
		expect(incomingFiles()).toEqual([]);
	});

	it('names every problem at once: missing alt text and a file that is not a photo', async () => {
		const error = await thrown(
			createMediaFromUpload(mediaOf(), editor, upload({ alt: { en: '' }, bytes: Buffer.from('hello, I am text') }))
		);
		expect(error).toBeInstanceOf(UploadRejectedError);
		expect((error as UploadRejectedError).code).toBe('unsupported_type');
		expect(Object.keys((error as ValidationError).issues).sort()).toEqual(['alt.en', 'file']);
	});

	it('asks for a file when none was chosen', async () => {
		const error = await thrown(createMediaFromUpload(mediaOf(), editor, upload({ bytes: new Uint8Array(0) })));
		expect((error as UploadRejectedError).code).toBe('missing');
		expect((error as ValidationError).issues.file).toMatch(/^Choose a photo to upload\. Accepted: JPEG, PNG, WebP, AVIF or HEIC/);
	});

	it('refuses a truncated upload at once, with its code, and writes nothing', async () => {
		const error = await thrown(createMediaFromUpload(mediaOf(), editor, upload({ bytes: photo.subarray(0, photo.length / 2) })));
		expect((error as UploadRejectedError).code).toBe('corrupt');
		expect((error as ValidationError).issues.file).toMatch(/Accepted: JPEG, PNG, WebP, AVIF or HEIC/);
		expect(await rowCounts()).toEqual({ media: 0, variants: 0, jobs: 0 });
		expect(filesOnDisk()).toEqual([]);
		expect(incomingFiles()).toEqual([]);
	});

	it('leaves no row, job or kept upload when recording the upload fails', async () => {
		const broken = await createTestDatabase();
		try {
			await broken.db.schema.dropTable('job').execute();
			await expect(createMediaFromUpload(mediaContext(broken.db, storage), editor, upload())).rejects.toThrow(/job/);
			expect(await broken.db.selectFrom('media').select('id').execute()).toEqual([]);
			expect(incomingFiles()).toEqual([]);
		} finally {
			await broken.dispose();
		}
	});

	it('adds photos sent at the same time, each under its own id', async () => {
		const small = await solid(400, 300, '#446688').jpeg().toBuffer();
		const created = await Promise.all(
			[1, 2, 3].map((n) => createMediaFromUpload(mediaOf(), editor, upload({ bytes: small, alt: { en: `Photo ${n}` } })))
		);
		expect(new Set(created.map((m) => m.id)).size).toBe(3);
		expect(incomingFiles()).toHaveLength(3);
		expect(await runJobs()).toBe(3);
		expect(await rowCounts()).toEqual({ media: 3, variants: 18, jobs: 3 });
		expect(filesOnDisk().filter((f) => !f.includes('/'))).toEqual(created.map((m) => String(m.id)).sort());
		expect(incomingFiles()).toEqual([]);
	});
});

describe('processing that fails', () => {
	it('fails for good, without retrying, when the file is damaged past the upload check; the upload is removed', async () => {
		const media = await createMediaFromUpload(mediaOf(), editor, upload());
		// The upload check passed; the body the job reads is damaged (a disk error, a bad sector).
		const [kept] = incomingFiles();
		writeFileSync(join(storage.root, '.incoming', kept!), photo.subarray(0, Math.floor(photo.length * 0.6)));

		expect(await runJobs()).toBe(1);
		const failed = await getMedia(handle.db, media.id);
		expect(failed.status).toBe('failed');
		expect(failed.error).toMatch(/^The file is damaged or incomplete/);
		expect(failed.variants).toEqual([]);
		expect(incomingFiles()).toEqual([]);
		expect(filesOnDisk()).toEqual([]);
		// Nothing to retry: the job is done, the photo is not.
		expect((await mediaJob(media.id)).status).toBe('done');
		expect(picture(failed, 'en')).toBeUndefined();
		expect((await listMedia(handle.db)).total).toBe(0);
		expect((await listMedia(handle.db, { status: 'all' })).items.map((m) => m.status)).toEqual(['failed']);
	});

	it('retries passing trouble, then on the last attempt fails the photo and removes the upload', async () => {
		class FailingPublish extends LocalMediaStorage {
			async publish(staged: StagedFiles, mediaId: number) {
				await super.publish(staged, mediaId);
				throw new Error('disk went away');
			}
		}
		const failing = new FailingPublish(storage.root);
		const media = await createMediaFromUpload(mediaOf(), editor, upload());
		const makeDue = () =>
			handle.db.updateTable('job').set({ run_at: '2000-01-01T00:00:00.000Z' }).where('kind', '=', mediaProcessJobKind).execute();

		for (const attempt of [1, 2]) {
			expect(await runJobs(handle.db, failing)).toBe(1);
			const job = await mediaJob(media.id);
			expect(job).toMatchObject({ status: 'pending', attempts: attempt });
			expect(job.last_error).toContain('disk went away');
			// Still processing, the upload kept for the next attempt, and no half-made files.
			expect((await getMedia(handle.db, media.id)).status).toBe('processing');
			expect(incomingFiles()).toHaveLength(1);
			expect(filesOnDisk()).toEqual([]);
			expect(await rowCounts()).toMatchObject({ variants: 0 });
			await makeDue();
		}

		expect(await runJobs(handle.db, failing)).toBe(1);
		expect((await mediaJob(media.id)).status).toBe('failed');
		const failed = await getMedia(handle.db, media.id);
		expect(failed.status).toBe('failed');
		expect(failed.error).toBe('The photo could not be processed after 3 tries (disk went away). Upload it again.');
		expect(incomingFiles()).toEqual([]);
		expect(filesOnDisk()).toEqual([]);
	});

	it('rolls the photo back to processing and removes the files when recording the variants fails', async () => {
		const broken = await createTestDatabase();
		try {
			const media = await createMediaFromUpload(mediaContext(broken.db, storage), editor, upload());
			await broken.db.schema.dropTable('media_variant').execute();
			const [incoming] = incomingFiles();
			await expect(processUploadedMedia(broken.db, storage, { mediaId: media.id, incoming: incoming! })).rejects.toThrow(
				/media_variant/
			);
			const row = await broken.db.selectFrom('media').select('status').where('id', '=', media.id).executeTakeFirstOrThrow();
			expect(row.status).toBe('processing');
			expect(filesOnDisk()).toEqual([]);
			expect(incomingFiles()).toEqual([incoming]);
		} finally {
			await broken.dispose();
		}
	});

	it('marks the photo failed when its kept upload is gone', async () => {
		const media = await createMediaFromUpload(mediaOf(), editor, upload());
		rmSync(join(storage.root, '.incoming'), { recursive: true });
		expect(await runJobs()).toBe(1);
		expect(await getMedia(handle.db, media.id)).toMatchObject({ status: 'failed', error: expect.stringMatching(/lost/) });
	});
});

describe('a photo the app makes itself', () => {
	const generated = { originalName: 'demo-mural.png', mimeType: 'image/png', width: 900, height: 600, alt: { en: 'A painted wall' } };

	it('is recorded as processing, in the caller\'s transaction, with no file and no job of the library\'s', async () => {
		const id = await handle.db.transaction().execute((trx) =>
			recordGeneratedMedia(trx, new Date('2026-12-02T08:00:00.000Z'), { ...generated, caption: { en: 'Laneway, 2025' } })
		);
		expect(await getMedia(handle.db, id)).toMatchObject({
			originalName: 'demo-mural.png',
			mimeType: 'image/png',
			width: 900,
			height: 600,
			bytes: 0,
			alt: { en: 'A painted wall' },
			caption: { en: 'Laneway, 2025' },
			status: 'processing',
			createdBy: null,
			createdAt: '2026-12-02T08:00:00.000Z',
			variants: []
		});
		expect(await rowCounts()).toEqual({ media: 1, variants: 0, jobs: 0 });
		expect(incomingFiles()).toEqual([]);
	});

	it('needs alt text in English, as an upload does', async () => {
		const error = await thrown(recordGeneratedMedia(handle.db, new Date(), { ...generated, alt: { en: ' ' } }));
		expect((error as ValidationError).issues).toEqual({ 'alt.en': expect.stringMatching(/Describe the photo in English/) });
		expect(await rowCounts()).toMatchObject({ media: 0 });
	});

	it('becomes ready with the variants of an upload, its size recorded, and moves the site version', async () => {
		const id = await recordGeneratedMedia(handle.db, new Date(), generated);
		const png = await solid(900, 600, '#d1495b').png().toBuffer();
		const before = await readSiteVersion(handle.db);
		let made = 0;
		const make = async () => {
			made++;
			return png;
		};

		expect(await processGeneratedMedia(handle.db, storage, id, make)).toBe('ready');
		const media = await getMedia(handle.db, id);
		expect(media).toMatchObject({ status: 'ready', mimeType: 'image/png', bytes: png.length, width: 900, height: 600, color: expect.stringMatching(/^#[0-9a-f]{6}$/) });
		expect(media.variants.map((v) => `${v.format} ${v.width}`)).toEqual([
			'avif 320', 'jpeg 320', 'webp 320', 'avif 640', 'jpeg 640', 'webp 640', 'avif 900', 'jpeg 900', 'webp 900'
		]);
		for (const variant of media.variants) expect(readFileSync(join(storage.root, variant.path)).length).toBe(variant.bytes);
		// Content may already show it: the pages that do must be made again.
		expect(await readSiteVersion(handle.db)).not.toBe(before);

		// Run again, it does not even make the file.
		const version = await readSiteVersion(handle.db);
		expect(await processGeneratedMedia(handle.db, storage, id, make)).toBe('skipped');
		expect(made).toBe(1);
		expect(await getMedia(handle.db, id)).toEqual(media);
		expect(await readSiteVersion(handle.db)).toBe(version);
	});

	it('fails for good when what was made is not a photo', async () => {
		const id = await recordGeneratedMedia(handle.db, new Date(), generated);
		expect(await processGeneratedMedia(handle.db, storage, id, async () => Buffer.from('<svg/>'))).toBe('failed');
		expect(await getMedia(handle.db, id)).toMatchObject({ status: 'failed', error: expect.stringMatching(/not a photo in a format we accept/) });
		expect(filesOnDisk()).toEqual([]);
	});

	it('is retried when making the file fails, and fails the photo on the last attempt', async () => {
		const id = await recordGeneratedMedia(handle.db, new Date(), generated);
		const make = () => Promise.reject(new Error('out of memory'));
		await expect(processGeneratedMedia(handle.db, storage, id, make)).rejects.toThrow('out of memory');
		expect((await getMedia(handle.db, id)).status).toBe('processing');
		await expect(processGeneratedMedia(handle.db, storage, id, make, { lastAttempt: true })).rejects.toThrow('out of memory');
		expect(await getMedia(handle.db, id)).toMatchObject({ status: 'failed', error: expect.stringMatching(/after 3 tries \(out of memory\)/) });
	});
});

describe('a processing job run again, or after the photo was deleted', () => {
	it('changes nothing the second time', async () => {
		const media = await createMediaFromUpload(mediaOf(), editor, upload());
		const payload = JSON.parse((await mediaJob(media.id)).payload) as MediaProcessPayload;
		expect(await processUploadedMedia(handle.db, storage, payload)).toBe('ready');
		const ready = await getMedia(handle.db, media.id);
		expect(await processUploadedMedia(handle.db, storage, payload)).toBe('skipped');
		expect(await getMedia(handle.db, media.id)).toEqual(ready);
		expect(await rowCounts()).toMatchObject({ variants: 6 });
	});

	it('finds nothing to do for a photo deleted while processing, and removes its upload', async () => {
		const media = await createMediaFromUpload(mediaOf(), editor, upload());
		await deleteMedia(mediaOf(), null, media.id);
		expect(incomingFiles()).toHaveLength(1);
		expect(await runJobs()).toBe(1);
		expect(incomingFiles()).toEqual([]);
		expect(filesOnDisk()).toEqual([]);
		expect(await rowCounts()).toMatchObject({ media: 0, variants: 0 });
	});
});

describe('the library', () => {
	async function addSmall(alt: string, at: string) {
		const bytes = await solid(120, 90, '#996633').png().toBuffer();
		const media = await createMediaFromUpload(withClock(mediaOf(), at), editor, upload({ bytes, alt: { en: alt } }));
		await runJobs();
		return getMedia(handle.db, media.id);
	}

	it('lists ready photos newest first, one page at a time', async () => {
		await addSmall('first', '2026-01-01T00:00:00.000Z');
		await addSmall('third', '2026-03-01T00:00:00.000Z');
		await addSmall('second', '2026-02-01T00:00:00.000Z');

		const first = await listMedia(handle.db, { page: 1, perPage: 2 });
		expect(first.items.map((m) => m.alt.en)).toEqual(['third', 'second']);
		expect(first).toMatchObject({ total: 3, page: 1, perPage: 2, pageCount: 2 });
		expect(first.items.every((m) => m.variants.length === 3 && m.variants.every((v) => v.width === 120))).toBe(true);

		const second = await listMedia(handle.db, { page: 2, perPage: 2 });
		expect(second.items.map((m) => m.alt.en)).toEqual(['first']);
		expect(second.items[0]!.variants.map((v) => v.format)).toEqual(['avif', 'jpeg', 'webp']);

		expect((await listMedia(handle.db, { page: 3, perPage: 2 })).items).toEqual([]);
		expect(await listMedia(handle.db, { page: 0, perPage: 1000 })).toMatchObject({ page: 1, perPage: 100 });
	});

	it('leaves photos still processing out of the list pickers use, and shows them to the library', async () => {
		const ready = await addSmall('ready', '2026-01-01T00:00:00.000Z');
		const processing = await createMediaFromUpload(mediaOf(), editor, upload({ alt: { en: 'processing' } }));
		expect((await listMedia(handle.db)).items.map((m) => m.id)).toEqual([ready.id]);
		expect((await listMedia(handle.db, { status: 'processing' })).items.map((m) => m.id)).toEqual([processing.id]);
		const all = await listMedia(handle.db, { status: 'all' });
		expect(all.items.map((m) => [m.id, m.status])).toEqual([
			[processing.id, 'processing'],
			[ready.id, 'ready']
		]);
		expect(all.total).toBe(2);
	});

	it('edits the alt text and caption in every language, keeping English alt text required', async () => {
		const media = await addSmall('old', '2026-01-01T00:00:00.000Z');
		const updated = await editMediaText(withClock(mediaOf(), '2026-05-05T05:05:05.000Z'), editor, media.id, {
			alt: { en: 'A clay pot', es: 'Una vasija de barro' },
			caption: { en: 'Made in Patan' }
		});
		expect(updated.alt).toEqual({ en: 'A clay pot', es: 'Una vasija de barro' });
		expect(updated.caption).toEqual({ en: 'Made in Patan' });
		expect(updated.updatedAt).toBe('2026-05-05T05:05:05.000Z');
		expect(updated.createdAt).toBe('2026-01-01T00:00:00.000Z');

		const error = await thrown(editMediaText(mediaOf(), null, media.id, { alt: { es: 'Solo español' } }));
		expect((error as ValidationError).issues).toHaveProperty('alt.en');
		expect((await getMedia(handle.db, media.id)).alt.en).toBe('A clay pot');

		// An empty caption removes it.
		expect((await editMediaText(mediaOf(), null, media.id, { alt: { en: 'A clay pot' }, caption: { en: ' ' } })).caption).toBeNull();

		await expect(editMediaText(mediaOf(), null, media.id + 1000, { alt: { en: 'x' } })).rejects.toBeInstanceOf(NotFoundError);
		expect((await auditActions()).filter((a) => a.startsWith('media.updated'))).toEqual([
			`media.updated media:${media.id} staff-1`,
			`media.updated media:${media.id} null`
		]);
	});

	it('deletes a photo with its variants and files, and never gives its id out again', async () => {
		const kept = await addSmall('kept', '2026-01-01T00:00:00.000Z');
		const removed = await addSmall('removed', '2026-01-02T00:00:00.000Z');
		await deleteMedia(mediaOf(), editor, removed.id);

		await expect(getMedia(handle.db, removed.id)).rejects.toBeInstanceOf(NotFoundError);
		expect(await rowCounts()).toMatchObject({ media: 1, variants: 3 });
		expect(existsSync(join(storage.root, String(removed.id)))).toBe(false);
		expect(existsSync(join(storage.root, String(kept.id), '120.jpg'))).toBe(true);
		await expect(deleteMedia(mediaOf(), null, removed.id)).rejects.toBeInstanceOf(NotFoundError);
		expect((await auditActions()).filter((a) => a.startsWith('media.deleted'))).toEqual([`media.deleted media:${removed.id} staff-1`]);

		// Variant URLs are cached as immutable, so a new photo must not reuse the id.
		const next = await addSmall('next', '2026-01-03T00:00:00.000Z');
		expect(next.id).toBeGreaterThan(removed.id);
	});

	it('says not found for a photo that does not exist', async () => {
		await expect(getMedia(handle.db, 999_999)).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('a change to a photo and its audit entry', () => {
	it('commit together: when the entry cannot be written, the alt text and the public pages’ version stay as they were', async () => {
		const media = await createMediaFromUpload(mediaOf(), editor, upload({ alt: { en: 'Before' } }));
		const text = { alt: { en: 'After' } };
		await expectNothingLeftWhenTheAuditEntryFails(handle.db, (failing) => editMediaText({ ...mediaOf(), db: failing }, editor, media.id, text));
		expect((await getMedia(handle.db, media.id)).alt.en).toBe('Before');

		const audit = await auditBookmark(handle.db);
		await editMediaText(mediaOf(), editor, media.id, text);
		expect((await getMedia(handle.db, media.id)).alt.en).toBe('After');
		expect(await audit.entries()).toEqual([{ action: 'media.updated', actor_email: editor.email, subject: `media:${media.id}`, detail: {} }]);
	});
});
