import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '$lib/server/db/test-database';
import { createJobWorker } from '$lib/server/platform/jobs/job-worker';
import { iiifInfoContentType, type ImageServiceInfo } from '$lib/server/platform/images/iiif-tiles';
import {
	addTilesToReadyMedia,
	enqueueTilesForReadyMedia,
	imageServiceJobHandlers,
	imageServiceId,
	mediaTilesJobKind,
	scheduleTilesBackfill,
	tilesBackfillJobKind
} from './image-service';
import { imageServiceInfoResponse, imageServiceTileResponse } from './image-service-response';
import type { MediaFiles } from './media-file-response';
import { LocalMediaStorage } from './media-storage';
import { createMediaFromUpload, deleteMedia, getMedia, mediaJobHandlers, processUploadedMedia, type MediaRecord } from './media.service';
import { mediaContext } from '../../../../tests/support/domain-contexts';
import { phoneJpegWithGps, photoLike } from '../../../../tests/support/test-images';

/*
 * A photo's image service (IIIF level 0), on SQLite and PostgreSQL: made with the
 * variants by processing, given by a once-only backfill to photos from before,
 * and answered for exactly the files that exist, to whom may see the photo.
 */

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

let handle: TestDatabase;
let dataDir: string;
let storage: LocalMediaStorage;
let largePhoto: Buffer;

const editor = { id: 'staff-1', email: 'editor@example.org' };
const origin = 'https://arts.example';
const visitor = { mayPreview: async () => false };
const staff = { mayPreview: async () => true };

beforeAll(async () => {
	handle = await createTestDatabase();
	largePhoto = await photoLike(1300, 900);
});
afterAll(() => handle.dispose());

beforeEach(async () => {
	await handle.db.deleteFrom('media_variant').execute();
	await handle.db.deleteFrom('media').execute();
	await handle.db.deleteFrom('job').execute();
	dataDir = mkdtempSync(join(tmpdir(), 'arts-iiif-'));
	storage = new LocalMediaStorage(join(dataDir, 'media'));
	return () => rmSync(dataDir, { recursive: true, force: true });
});

/** Runs every due job of the library and of the image service, as the app's worker would. */
async function runJobs(): Promise<number> {
	const worker = createJobWorker(handle.db, { handlers: { ...mediaJobHandlers(storage), ...imageServiceJobHandlers(storage) } });
	let total = 0;
	for (let claimed = await worker.runOnce(); claimed > 0; claimed = await worker.runOnce()) total += claimed;
	return total;
}

async function uploadReady(bytes: Buffer): Promise<MediaRecord> {
	const uploaded = await createMediaFromUpload(mediaContext(handle.db, storage), editor, { bytes, originalName: 'photo.jpg', alt: { en: 'A photo' } });
	await runJobs();
	return getMedia(handle.db, uploaded.id);
}

function storedInfo(mediaId: number): ImageServiceInfo {
	return JSON.parse(readFileSync(storage.imageServiceInfoPath(mediaId), 'utf8')) as ImageServiceInfo;
}

/** A photo made before photos had tiles: ready, with its variants, and nothing of an image service. */
async function asIfFromBefore(media: MediaRecord): Promise<void> {
	await handle.db.updateTable('media').set({ iiif_width: null, iiif_height: null, iiif_tile_size: null }).where('id', '=', media.id).execute();
	rmSync(join(storage.root, String(media.id), 'iiif'), { recursive: true });
}

/** Files answer only for one key: published or not, as a test says. */
function filesFor(media: MediaRecord, published: boolean): MediaFiles {
	return { db: handle.db, storage, published: { idOf: async (key) => (published && key === media.publicKey ? media.id : undefined) } };
}

describe('the image service made with the variants', () => {
	it('tiles an upload at full size, and records what its info.json says', async () => {
		const media = await uploadReady(largePhoto);
		expect(media.status).toBe('ready');
		// The variants stop at the upload's width; the tiles start from the upload itself.
		expect(media.imageService).toEqual({ width: 1300, height: 900, tileSize: 512 });
		const info = storedInfo(media.id);
		expect({ width: info.width, height: info.height, tileSize: info.tiles[0]!.width }).toEqual(media.imageService);
		expect(existsSync(join(storage.root, String(media.id), 'iiif', '0,0,512,512', '512,512', '0', 'default.jpg'))).toBe(true);
		// Nothing left behind in the staging area.
		expect(readdirSync(storage.root).filter((name) => name.startsWith('.staging'))).toEqual([]);
	});

	it('removes the tiles with the photo', async () => {
		const media = await uploadReady(largePhoto);
		await deleteMedia(mediaContext(handle.db, storage), editor, media.id);
		expect(existsSync(join(storage.root, String(media.id)))).toBe(false);
	});
});

describe('tiles that cannot be written', () => {
	/** A media folder whose tiles never reach the disk (it is full, say). */
	class FullDisk extends LocalMediaStorage {
		override async writeTiles<T>(): Promise<T> {
			throw new Error('no space left on device (test)');
		}
	}

	it('keep the photo processing for a retry, leave no files, and fail it on the last attempt', async () => {
		const full = new FullDisk(storage.root);
		const uploaded = await createMediaFromUpload(mediaContext(handle.db, full), editor, { bytes: largePhoto, originalName: 'photo.jpg', alt: { en: 'A photo' } });
		const [incoming] = readdirSync(join(storage.root, '.incoming'));
		const payload = { mediaId: uploaded.id, incoming: incoming! };

		await expect(processUploadedMedia(handle.db, full, payload)).rejects.toThrow(/no space left/);
		expect((await getMedia(handle.db, uploaded.id)).status).toBe('processing');
		expect(readdirSync(storage.root).filter((name) => name !== '.incoming')).toEqual([]);

		await expect(processUploadedMedia(handle.db, full, payload, { lastAttempt: true })).rejects.toThrow(/no space left/);
		expect(await getMedia(handle.db, uploaded.id)).toMatchObject({ status: 'failed', imageService: null });
		expect(readdirSync(storage.root)).toEqual(['.incoming']);
		expect(readdirSync(join(storage.root, '.incoming'))).toEqual([]);
	});
});

describe('the backfill for photos from before', () => {
	it('tiles every ready photo without tiles from its largest JPEG variant, once', async () => {
		const media = await uploadReady(await phoneJpegWithGps(800, 600));
		const other = await uploadReady(largePhoto);
		await asIfFromBefore(media);
		expect((await getMedia(handle.db, media.id)).imageService).toBeNull();

		await scheduleTilesBackfill(handle.db);
		// The backfill job, then one job for the one photo without tiles.
		expect(await runJobs()).toBe(2);
		const jobs = await handle.db.selectFrom('job').select(['kind', 'idempotency_key', 'status']).orderBy('id').execute();
		expect(jobs.filter((job) => job.kind !== 'media.process')).toEqual([
			{ kind: tilesBackfillJobKind, idempotency_key: tilesBackfillJobKind, status: 'done' },
			{ kind: mediaTilesJobKind, idempotency_key: `${mediaTilesJobKind}:${media.id}`, status: 'done' }
		]);

		const tiled = await getMedia(handle.db, media.id);
		// The largest variant is 600 × 800 (upright): the tiles go no further.
		expect(tiled.imageService).toEqual({ width: 600, height: 800, tileSize: 512 });
		expect(storedInfo(media.id)).toMatchObject({ width: 600, height: 800 });
		const tile = readFileSync(join(storage.root, String(media.id), 'iiif', '0,0,512,512', '512,512', '0', 'default.jpg'));
		const metadata = await sharp(tile).metadata();
		expect([metadata.width, metadata.height, metadata.exif]).toEqual([512, 512, undefined]);
		// The other photo kept the tiles it was made with.
		expect((await getMedia(handle.db, other.id)).imageService).toEqual({ width: 1300, height: 900, tileSize: 512 });

		// Asked again at the next start: the key holds, and there is nothing left to tile anyway.
		await scheduleTilesBackfill(handle.db);
		expect(await runJobs()).toBe(0);
		expect(await enqueueTilesForReadyMedia(handle.db)).toBe(0);
		expect(await addTilesToReadyMedia(handle.db, storage, media.id)).toBe('skipped');
	});

	it('leaves nothing for a photo deleted before its tiles were made', async () => {
		const media = await uploadReady(largePhoto);
		await asIfFromBefore(media);
		await deleteMedia(mediaContext(handle.db, storage), editor, media.id);
		expect(await addTilesToReadyMedia(handle.db, storage, media.id)).toBe('skipped');
		expect(readdirSync(storage.root).filter((name) => name !== '.incoming')).toEqual([]);
	});
});

describe('the image service over HTTP', () => {
	it('gives a published photo’s info.json to everyone, with this deployment’s id, open to every origin and immutable', async () => {
		const media = await uploadReady(largePhoto);
		const response = await imageServiceInfoResponse(filesFor(media, true), origin, media.publicKey, visitor);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe(iiifInfoContentType);
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		const info = (await response.json()) as Record<string, unknown>;
		expect(info.id).toBe(imageServiceId(origin, media.publicKey));
		expect(info).toMatchObject({ type: 'ImageService3', profile: 'level0', width: 1300, height: 900 });

		const elsewhere = await imageServiceInfoResponse(filesFor(media, true), 'http://localhost:5173/', media.publicKey, visitor);
		expect(((await elsewhere.json()) as { id: string }).id).toBe(`http://localhost:5173/iiif/${media.publicKey}`);
	});

	it('serves the tiles that exist and nothing else', async () => {
		const media = await uploadReady(largePhoto);
		const files = filesFor(media, true);
		const tile = (region: string, size: string, rotation = '0', quality = 'default.jpg') =>
			imageServiceTileResponse(files, { key: media.publicKey, region, size, rotation, quality }, visitor);

		const corner = await tile('0,0,512,512', '512,512');
		expect(corner.status).toBe(200);
		expect(corner.headers.get('content-type')).toBe('image/jpeg');
		expect(corner.headers.get('access-control-allow-origin')).toBe('*');
		const bytes = Buffer.from(await corner.arrayBuffer());
		expect((await sharp(bytes).metadata()).width).toBe(512);
		expect((await tile('full', '325,225')).status).toBe(200);

		for (const [region, size, rotation, quality] of [
			['0,0,512,512', '256,256', '0', 'default.jpg'],
			['0,0,100,100', '100,100', '0', 'default.jpg'],
			['full', 'max', '0', 'default.jpg'],
			['0,0,512,512', '512,512', '90', 'default.jpg'],
			['0,0,512,512', '512,512', '0', 'default.png'],
			['..', '..', '0', 'default.jpg'],
			['full', '..', '..', 'info.json']
		] as const) {
			const response = await tile(region, size, rotation, quality);
			expect(response.status, `${region}/${size}/${rotation}/${quality}`).toBe(404);
			expect(response.headers.get('cache-control')).toBe('no-store');
		}
	});

	it('keeps an unpublished photo’s service from visitors, and gives it to staff uncached', async () => {
		const media = await uploadReady(largePhoto);
		const files = filesFor(media, false);
		expect((await imageServiceInfoResponse(files, origin, media.publicKey, visitor)).status).toBe(404);
		const segments = { key: media.publicKey, region: '0,0,512,512', size: '512,512', rotation: '0', quality: 'default.jpg' };
		expect((await imageServiceTileResponse(files, segments, visitor)).status).toBe(404);

		const info = await imageServiceInfoResponse(files, origin, media.publicKey, staff);
		expect(info.status).toBe(200);
		expect(info.headers.get('cache-control')).toBe('private, no-store');
		const tile = await imageServiceTileResponse(files, segments, staff);
		expect(tile.status).toBe(200);
		expect(tile.headers.get('cache-control')).toBe('private, no-store');
	});

	it('answers 404 for a photo from before until the backfill has tiled it', async () => {
		const media = await uploadReady(largePhoto);
		await asIfFromBefore(media);
		expect((await imageServiceInfoResponse(filesFor(media, true), origin, media.publicKey, visitor)).status).toBe(404);
		await scheduleTilesBackfill(handle.db);
		await runJobs();
		expect((await imageServiceInfoResponse(filesFor(media, true), origin, media.publicKey, visitor)).status).toBe(200);
	});
});
