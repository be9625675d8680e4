import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '$lib/server/db/test-database';
import { NotFoundError, ValidationError } from '$lib/server/errors';
import { UploadRejectedError } from './image-processing';
import { LocalMediaStorage, type StagedFiles } from './media-storage';
import {
	createMediaFromUpload,
	deleteMedia,
	getMedia,
	listMedia,
	updateAlt,
	type CreateMediaCommand
} from './media.service';
import { phoneJpegWithGps, solid } from './test-images';

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

let handle: TestDatabase;
let dataDir: string;
let storage: LocalMediaStorage;
let photo: Buffer;

beforeAll(async () => {
	handle = await createTestDatabase();
	photo = await phoneJpegWithGps(800, 600);
});
afterAll(() => handle.dispose());

beforeEach(async () => {
	await handle.db.deleteFrom('media_variant').execute();
	await handle.db.deleteFrom('media').execute();
	dataDir = mkdtempSync(join(tmpdir(), 'arts-media-'));
	storage = new LocalMediaStorage(join(dataDir, 'media'));
	return () => rmSync(dataDir, { recursive: true, force: true });
});

function upload(overrides: Partial<CreateMediaCommand> = {}): CreateMediaCommand {
	return {
		bytes: photo,
		originalName: 'IMG_0042.JPG',
		alt: { en: 'Children painting a mural on a school wall', ne: 'विद्यालयको भित्तामा चित्र बनाउँदै बालबालिका' },
		createdBy: 'staff-1',
		...overrides
	};
}

/** Every file and folder under the media folder, staging folders included. */
function filesOnDisk(): string[] {
	if (!existsSync(storage.root)) return [];
	return readdirSync(storage.root, { recursive: true, encoding: 'utf8' }).sort();
}

async function rowCounts(db = handle.db) {
	const media = await db.selectFrom('media').select('id').execute();
	const variants = await db.selectFrom('media_variant').select('media_id').execute();
	return { media: media.length, variants: variants.length };
}

async function thrown(promise: Promise<unknown>): Promise<unknown> {
	return promise.then(
		() => {
			throw new Error('expected a rejection');
		},
		(error: unknown) => error
	);
}

describe('adding a photo to the library', () => {
	it('records the photo and its variants, with their files in place and free of metadata', async () => {
		const media = await createMediaFromUpload(handle.db, storage, upload(), {
			now: () => new Date('2026-11-26T10:00:00.000Z')
		});
		// 800×600 stored, shown turned by its EXIF orientation: 600×800.
		expect(media).toMatchObject({
			originalName: 'IMG_0042.JPG',
			mimeType: 'image/jpeg',
			width: 600,
			height: 800,
			bytes: photo.length,
			alt: { en: 'Children painting a mural on a school wall', ne: 'विद्यालयको भित्तामा चित्र बनाउँदै बालबालिका' },
			caption: null,
			createdBy: 'staff-1',
			createdAt: '2026-11-26T10:00:00.000Z',
			updatedAt: '2026-11-26T10:00:00.000Z'
		});
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
			[String(media.id), ...['320.avif', '320.jpg', '320.webp', '600.avif', '600.jpg', '600.webp'].map((f) => join(String(media.id), f))].sort()
		);
		for (const variant of media.variants) {
			const bytes = readFileSync(join(storage.root, variant.path));
			expect(bytes.length).toBe(variant.bytes);
			const metadata = await sharp(bytes).metadata();
			expect([metadata.width, metadata.height]).toEqual([variant.width, variant.height]);
			expect(metadata.exif).toBeUndefined();
			expect(metadata.xmp).toBeUndefined();
		}
		expect(await getMedia(handle.db, media.id)).toEqual(media);
	});

	it('keeps only the file name of the upload, without folders or control characters', async () => {
		const media = await createMediaFromUpload(handle.db, storage, upload({ originalName: 'C:\\Users\\me\\DCIM/pic\u0000 1.jpg' }));
		expect(media.originalName).toBe('pic 1.jpg');
	});

	it('stores a caption per language when given, and drops unknown languages and empty translations', async () => {
		const media = await createMediaFromUpload(
			handle.db,
			storage,
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
			const error = await thrown(createMediaFromUpload(handle.db, storage, upload({ alt })));
			expect(error).toBeInstanceOf(ValidationError);
			expect(error).not.toBeInstanceOf(UploadRejectedError);
			expect((error as ValidationError).issues).toEqual({ 'alt.en': expect.stringMatching(/Describe the photo in English/) });
		}
		const tooLong = await thrown(createMediaFromUpload(handle.db, storage, upload({ alt: { en: 'x'.repeat(501) } })));
		expect((tooLong as ValidationError).issues).toEqual({ 'alt.en': expect.stringMatching(/500 characters/) });
		expect(await rowCounts()).toEqual({ media: 0, variants: 0 });
		expect(filesOnDisk()).toEqual([]);
	});

	it('names every problem at once: missing alt text and a file that is not a photo', async () => {
		const error = await thrown(
			createMediaFromUpload(handle.db, storage, upload({ alt: { en: '' }, bytes: Buffer.from('hello, I am text') }))
		);
		expect(error).toBeInstanceOf(UploadRejectedError);
		expect((error as UploadRejectedError).code).toBe('unsupported_type');
		expect(Object.keys((error as ValidationError).issues).sort()).toEqual(['alt.en', 'file']);
	});

	it('refuses a corrupt upload with its code, and writes nothing', async () => {
		const error = await thrown(createMediaFromUpload(handle.db, storage, upload({ bytes: photo.subarray(0, photo.length / 2) })));
		expect((error as UploadRejectedError).code).toBe('corrupt');
		expect((error as ValidationError).issues.file).toMatch(/Accepted: JPEG, PNG, WebP or AVIF/);
		expect(await rowCounts()).toEqual({ media: 0, variants: 0 });
		expect(filesOnDisk()).toEqual([]);
	});

	it('removes the files and leaves no row when the transaction fails after the files were published', async () => {
		class FailingAfterPublish extends LocalMediaStorage {
			async publish(staged: StagedFiles, mediaId: number) {
				await super.publish(staged, mediaId);
				expect(readdirSync(join(this.root, String(mediaId)))).toHaveLength(6);
				throw new Error('disk went away');
			}
		}
		const failing = new FailingAfterPublish(storage.root);
		await expect(createMediaFromUpload(handle.db, failing, upload())).rejects.toThrow('disk went away');
		expect(await rowCounts()).toEqual({ media: 0, variants: 0 });
		expect(filesOnDisk()).toEqual([]);
	});

	it('removes the files and rolls the photo back when recording the variants fails', async () => {
		const broken = await createTestDatabase();
		try {
			await broken.db.schema.dropTable('media_variant').execute();
			await expect(createMediaFromUpload(broken.db, storage, upload())).rejects.toThrow(/media_variant/);
			const media = await broken.db.selectFrom('media').select('id').execute();
			expect(media).toEqual([]);
			expect(filesOnDisk()).toEqual([]);
		} finally {
			await broken.dispose();
		}
	});

	it('adds photos sent at the same time, each under its own id', async () => {
		const small = await solid(400, 300, '#446688').jpeg().toBuffer();
		const created = await Promise.all(
			[1, 2, 3].map((n) => createMediaFromUpload(handle.db, storage, upload({ bytes: small, alt: { en: `Photo ${n}` } })))
		);
		expect(new Set(created.map((m) => m.id)).size).toBe(3);
		expect(await rowCounts()).toEqual({ media: 3, variants: 18 });
		expect(filesOnDisk().filter((f) => !f.includes('/'))).toEqual(created.map((m) => String(m.id)).sort());
	});
});

describe('the library', () => {
	async function addSmall(alt: string, at: string) {
		const bytes = await solid(120, 90, '#996633').png().toBuffer();
		return createMediaFromUpload(handle.db, storage, upload({ bytes, alt: { en: alt } }), { now: () => new Date(at) });
	}

	it('lists photos newest first, one page at a time', async () => {
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

	it('updates the alt text in every language, keeping English required', async () => {
		const media = await addSmall('old', '2026-01-01T00:00:00.000Z');
		const updated = await updateAlt(handle.db, media.id, { en: 'A clay pot', es: 'Una vasija de barro' }, {
			now: () => new Date('2026-05-05T05:05:05.000Z')
		});
		expect(updated.alt).toEqual({ en: 'A clay pot', es: 'Una vasija de barro' });
		expect(updated.updatedAt).toBe('2026-05-05T05:05:05.000Z');
		expect(updated.createdAt).toBe('2026-01-01T00:00:00.000Z');

		const error = await thrown(updateAlt(handle.db, media.id, { es: 'Solo español' }));
		expect((error as ValidationError).issues).toHaveProperty('alt.en');
		expect((await getMedia(handle.db, media.id)).alt.en).toBe('A clay pot');

		await expect(updateAlt(handle.db, media.id + 1000, { en: 'x' })).rejects.toBeInstanceOf(NotFoundError);
	});

	it('deletes a photo with its variants and files, and never gives its id out again', async () => {
		const kept = await addSmall('kept', '2026-01-01T00:00:00.000Z');
		const removed = await addSmall('removed', '2026-01-02T00:00:00.000Z');
		await deleteMedia(handle.db, storage, removed.id);

		await expect(getMedia(handle.db, removed.id)).rejects.toBeInstanceOf(NotFoundError);
		expect(await rowCounts()).toEqual({ media: 1, variants: 3 });
		expect(existsSync(join(storage.root, String(removed.id)))).toBe(false);
		expect(existsSync(join(storage.root, String(kept.id), '120.jpg'))).toBe(true);
		await expect(deleteMedia(handle.db, storage, removed.id)).rejects.toBeInstanceOf(NotFoundError);

		// Variant URLs are cached as immutable, so a new photo must not reuse the id.
		const next = await addSmall('next', '2026-01-03T00:00:00.000Z');
		expect(next.id).toBeGreaterThan(removed.id);
	});

	it('says not found for a photo that does not exist', async () => {
		await expect(getMedia(handle.db, 999_999)).rejects.toBeInstanceOf(NotFoundError);
	});
});
