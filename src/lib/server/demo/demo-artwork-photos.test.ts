import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '$lib/server/db/test-database';
import { createJobWorker } from '$lib/server/platform/jobs/job-worker';
import { readSiteVersion } from '$lib/server/platform/site-version';
import { LocalMediaStorage } from '$lib/server/media/media-storage';
import { getMedia, listMedia } from '$lib/server/media/media.service';
import { picture } from '$lib/server/shared/picture';
import { demoArtworkJobHandlers, demoArtworkJobKind, queueDemoArtworks, type DemoArtwork } from './demo-artwork-photos';

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

let handle: TestDatabase;
let dataDir: string;
let storage: LocalMediaStorage;

beforeAll(async () => {
	handle = await createTestDatabase();
});
afterAll(() => handle.dispose());

beforeEach(async () => {
	await handle.db.deleteFrom('media_variant').execute();
	await handle.db.deleteFrom('media').execute();
	await handle.db.deleteFrom('job').execute();
	dataDir = mkdtempSync(join(tmpdir(), 'arts-demo-art-'));
	storage = new LocalMediaStorage(join(dataDir, 'media'));
	return () => rmSync(dataDir, { recursive: true, force: true });
});

const artworks: DemoArtwork[] = [
	{
		key: 'laneway-mural',
		style: 'mural',
		seed: 11,
		alt: { en: 'A brick wall in a laneway painted with bold leaves, a ringed sun and a wave', es: 'Un muro de ladrillo pintado' },
		caption: { en: 'Laneway mural, 2025' },
		credit: 'Demo photo'
	},
	{ key: 'posters', style: 'wheatpaste', seed: 12, alt: { en: 'Posters pasted in a grid on a weathered wall' } }
];

/** Every file under the media folder, with its size and modification time. */
function filesOnDisk(): string[] {
	if (!existsSync(storage.root)) return [];
	return readdirSync(storage.root, { recursive: true, encoding: 'utf8' })
		.sort()
		.map((path) => {
			const stat = statSync(join(storage.root, path));
			return stat.isFile() ? `${path} ${stat.size} ${stat.mtimeMs}` : path;
		});
}

describe('the demo artworks', () => {
	it('are recorded as processing photos with one job each, in the seed\'s transaction', async () => {
		const ids = await handle.db.transaction().execute((trx) => queueDemoArtworks(trx, '2026-12-02T08:00:00.000Z', artworks));
		expect([...ids.keys()]).toEqual(['laneway-mural', 'posters']);

		const mural = await getMedia(handle.db, ids.get('laneway-mural')!);
		expect(mural).toMatchObject({
			originalName: 'laneway-mural.png',
			status: 'processing',
			alt: artworks[0]!.alt,
			caption: { en: 'Laneway mural, 2025' },
			createdAt: '2026-12-02T08:00:00.000Z',
			variants: []
		});
		const jobs = await handle.db.selectFrom('job').select(['kind', 'payload', 'idempotency_key', 'status']).orderBy('id').execute();
		expect(jobs).toEqual(
			[...ids.values()].map((mediaId, index) => ({
				kind: demoArtworkJobKind,
				payload: JSON.stringify({ mediaId, style: artworks[index]!.style, seed: artworks[index]!.seed }),
				idempotency_key: `demo.artwork:${mediaId}`,
				status: 'pending'
			}))
		);
		// Nothing rendered yet: the start does not wait for it.
		expect(filesOnDisk()).toEqual([]);
		expect((await listMedia(handle.db)).total).toBe(0);
	});

	it('refuse a key given twice, and leave nothing when the seed rolls back', async () => {
		const twice = handle.db.transaction().execute((trx) => queueDemoArtworks(trx, '2026-12-02T08:00:00.000Z', [artworks[0]!, artworks[0]!]));
		await expect(twice).rejects.toThrow(/laneway-mural is listed twice/);
		expect(await handle.db.selectFrom('media').select('id').execute()).toEqual([]);
		expect(await handle.db.selectFrom('job').select('id').execute()).toEqual([]);
	});

	it('become ready photos with their variants when the worker runs their jobs, and a second run changes nothing', async () => {
		const ids = await handle.db.transaction().execute((trx) => queueDemoArtworks(trx, '2026-12-02T08:00:00.000Z', artworks.slice(0, 1)));
		const mediaId = ids.get('laneway-mural')!;
		let readyCount = 0;
		const handlers = demoArtworkJobHandlers(storage, { onReady: () => readyCount++ });
		const before = await readSiteVersion(handle.db);

		expect(await createJobWorker(handle.db, { handlers }).runOnce()).toBe(1);
		const media = await getMedia(handle.db, mediaId);
		expect(media).toMatchObject({ status: 'ready', error: null, mimeType: 'image/png', width: 1600, height: 1067 });
		expect(media.bytes).toBeGreaterThan(100_000);
		expect(media.color).toMatch(/^#[0-9a-f]{6}$/);
		expect(media.variants.map((v) => `${v.format} ${v.width}x${v.height}`)).toEqual(
			[320, 640, 960, 1280, 1600].flatMap((width) => {
				const height = Math.round((width * 1067) / 1600);
				return [`avif ${width}x${height}`, `jpeg ${width}x${height}`, `webp ${width}x${height}`];
			})
		);
		for (const variant of media.variants) {
			const bytes = readFileSync(join(storage.root, variant.path));
			const metadata = await sharp(bytes).metadata();
			expect([metadata.width, metadata.height, bytes.length]).toEqual([variant.width, variant.height, variant.bytes]);
		}
		expect(picture(media, 'en')?.img.src).toBe(`/media/${media.publicKey}/960.jpg`);
		expect((await handle.db.selectFrom('job').select('status').executeTakeFirstOrThrow()).status).toBe('done');
		// Pages that show the photo were made without it: they are made again.
		expect(await readSiteVersion(handle.db)).not.toBe(before);
		expect(readyCount).toBe(1);

		// A job may run twice (a lease that ran out): the second run finds the photo ready and leaves it be.
		const files = filesOnDisk();
		const version = await readSiteVersion(handle.db);
		const job = await handle.db.selectFrom('job').selectAll().executeTakeFirstOrThrow();
		await handlers[demoArtworkJobKind]!(handle.db, job);
		expect(await getMedia(handle.db, mediaId)).toEqual(media);
		expect(filesOnDisk()).toEqual(files);
		expect(await readSiteVersion(handle.db)).toBe(version);
		expect(readyCount).toBe(1);
	}, 60_000);
});
