import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mediaInLiveContent } from '$lib/server/content/content.queries';
import { demoContent } from '$lib/server/demo/demo-content';
import { seedDemoContent } from '$lib/server/demo/demo-seed';
import { getEditable, publish, saveDraft, type Actor } from '$lib/server/content/revisions.service';
import { createTestDatabase } from '$lib/server/db/test-database';
import { createJobWorker } from '$lib/server/platform/jobs/job-worker';
import { bumpSiteVersion, createSiteVersionReader } from '$lib/server/platform/site-version';
import { mediaFileResponse, type MediaFiles } from './media-file-response';
import { LocalMediaStorage } from './media-storage';
import { createMediaFromUpload, deleteMedia, getMedia, mediaJobHandlers, type MediaRecord } from './media.service';
import { picture } from '$lib/server/shared/picture';
import { createPublishedMedia, type MediaInUse } from './published-media';
import { contentContext, mediaContext } from '../../../../tests/support/domain-contexts';
import { solid } from '../../../../tests/support/test-images';

/*
 * Who gets a photo's files, on SQLite and PostgreSQL: everyone while a published
 * page shows the photo (cached for a year), only staff otherwise (never cached),
 * and nobody at all by the photo's id.
 */

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

const editor: Actor = { id: 'user-editor', email: 'editor@example.org', name: 'Editor' };
const immutable = 'public, max-age=31536000, immutable';

let handle: TestDatabase;
let dataDir: string;
let storage: LocalMediaStorage;
let siteVersion: ReturnType<typeof createSiteVersionReader>;
let files: MediaFiles;
let jpeg: Buffer;

const visitor = { mayPreview: async () => false };
const staff = { mayPreview: async () => true };

beforeAll(async () => {
	handle = await createTestDatabase();
	await seedDemoContent(handle.db, demoContent, '2026-01-01T00:00:00.000Z');
	jpeg = await solid(700, 500, '#3366aa').jpeg().toBuffer();
});
afterAll(() => handle.dispose());

beforeEach(async () => {
	dataDir = mkdtempSync(join(tmpdir(), 'arts-media-'));
	storage = new LocalMediaStorage(join(dataDir, 'media'));
	siteVersion = createSiteVersionReader(handle.db);
	files = { db: handle.db, storage, published: createPublishedMedia(handle.db, siteVersion, [mediaInLiveContent]) };
	return () => rmSync(dataDir, { recursive: true, force: true });
});

/** A photo uploaded and processed, as the app's worker would. */
/** The home page is written in four languages: a photo it shows must be described in each (content/photo-alt-text.ts). */
function describedInEveryLanguage(alt: string) {
	return { en: alt, ne: `${alt} (ने)`, id: `${alt} (id)`, es: `${alt} (es)` };
}

async function readyPhoto(alt = 'A blue wall'): Promise<MediaRecord> {
	const created = await createMediaFromUpload(mediaContext(handle.db, storage, { siteVersion }), editor, { bytes: jpeg, originalName: 'wall.jpg', alt: describedInEveryLanguage(alt) });
	const worker = createJobWorker(handle.db, { handlers: mediaJobHandlers(storage) });
	while ((await worker.runOnce()) > 0);
	return getMedia(handle.db, created.id);
}

/** Publishes the about page with this photo (0: none), as the editor's form does; returns nothing until published. */
async function publishAbout(imageId: number, options: { draftOnly?: boolean } = {}): Promise<void> {
	const editable = await getEditable(handle.db, 'page', 'about');
	const data = { ...(editable.pending?.data ?? editable.live!), image_id: imageId };
	const content = contentContext(handle.db, { siteVersion });
	const { revision } = await saveDraft(content, editor, { type: 'page', key: 'about', data, baseRevisionId: editable.latestRevisionId });
	if (options.draftOnly) return;
	// Publishing tells this process's site version, so the new version shows at once.
	await publish(content, editor, revision.id);
}

function get(media: Pick<MediaRecord, 'publicKey'>, file: string, viewer = visitor): Promise<Response> {
	return mediaFileResponse(files, media.publicKey, file, viewer);
}

describe('photo files', () => {
	it('gives every photo its own random key, and names its files by it', async () => {
		const [a, b] = [await readyPhoto(), await readyPhoto()];
		expect(a.publicKey).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(b.publicKey).not.toBe(a.publicKey);
		const urls = [picture(a, 'en')!.img.src, ...picture(a, 'en')!.sources.map((s) => s.srcset)].join(' ');
		expect(urls).toContain(`/media/${a.publicKey}/`);
		expect(urls).not.toContain(`/media/${a.id}/`);
	});

	it('keeps a photo no page shows from visitors (404, not stored) and serves it to staff, uncached', async () => {
		const photo = await readyPhoto();
		const denied = await get(photo, '320.jpg');
		expect(denied.status).toBe(404);
		expect(denied.headers.get('Cache-Control')).toBe('no-store');

		const shown = await get(photo, '320.webp', staff);
		expect(shown.status).toBe(200);
		expect(shown.headers.get('Content-Type')).toBe('image/webp');
		expect(shown.headers.get('Cache-Control')).toBe('private, no-store');
		expect(shown.headers.get('X-Content-Type-Options')).toBe('nosniff');
		expect(Number(shown.headers.get('Content-Length'))).toBe((await shown.arrayBuffer()).byteLength);
	});

	it('serves nothing at the photo id, to anyone', async () => {
		const photo = await readyPhoto();
		for (const viewer of [visitor, staff]) {
			expect((await mediaFileResponse(files, String(photo.id), '320.jpg', viewer)).status).toBe(404);
		}
	});

	it('makes a photo public and immutable while a published page shows it; a draft is not enough, and unpublishing takes it away', async () => {
		const photo = await readyPhoto();
		await publishAbout(photo.id, { draftOnly: true });
		expect((await get(photo, '320.jpg')).status).toBe(404);
		expect((await get(photo, '320.jpg', staff)).status).toBe(200);

		await publishAbout(photo.id);
		for (const file of ['320.jpg', '320.webp', '320.avif', '700.jpg']) {
			const response = await get(photo, file);
			expect(response.status, file).toBe(200);
			expect(response.headers.get('Cache-Control'), file).toBe(immutable);
		}
		// Staff get the same public answer for a public photo.
		expect((await get(photo, '320.jpg', staff)).headers.get('Cache-Control')).toBe(immutable);
		// A variant that was never made is still missing.
		expect((await get(photo, '1920.jpg')).status).toBe(404);

		await publishAbout(0);
		expect((await get(photo, '320.jpg')).status).toBe(404);
		expect((await get(photo, '320.jpg', staff)).headers.get('Cache-Control')).toBe('private, no-store');
	});

	it('takes a published photo away from everyone when it is deleted', async () => {
		const photo = await readyPhoto();
		await publishAbout(photo.id);
		expect((await get(photo, '320.jpg')).status).toBe(200);
		await deleteMedia(mediaContext(handle.db, storage, { siteVersion }), editor, photo.id);
		expect((await get(photo, '320.jpg')).status).toBe(404);
		expect((await get(photo, '320.jpg', staff)).status).toBe(404);
		await publishAbout(0);
	});

	it('serves a photo that a live page was given without a revision (as the demo seed writes it) from the first request on', async () => {
		const photo = await readyPhoto();
		await handle.db.updateTable('page').set({ image_id: photo.id }).where('key', '=', 'home').execute();
		try {
			// A process started after the seed: it has read nothing yet.
			const started: MediaFiles = { ...files, published: createPublishedMedia(handle.db, createSiteVersionReader(handle.db), [mediaInLiveContent]) };
			const response = await mediaFileResponse(started, photo.publicKey, '320.jpg', visitor);
			expect(response.status).toBe(200);
			expect(response.headers.get('Cache-Control')).toBe(immutable);
		} finally {
			await handle.db.updateTable('page').set({ image_id: null }).where('key', '=', 'home').execute();
		}
	});

	it('asks who the viewer is only for a photo that is not public', async () => {
		const [published, hidden] = [await readyPhoto(), await readyPhoto()];
		await publishAbout(published.id);
		let asked = 0;
		const counting = { mayPreview: async () => (asked++, false) };
		expect((await get(published, '320.jpg', counting)).status).toBe(200);
		expect(asked).toBe(0);
		expect((await get(hidden, '320.jpg', counting)).status).toBe(404);
		expect(asked).toBe(1);
		await publishAbout(0);
	});

	it('answers 404 for anything that is not a key and a variant name, staff or not', async () => {
		const photo = await readyPhoto();
		const key = photo.publicKey;
		for (const [keySegment, file] of [
			[key, '320.png'],
			[key, '0320.jpg'],
			[key, '..'],
			[key, '../../site.sqlite'],
			['..', '320.jpg'],
			['.incoming', '320.jpg'],
			['.incoming', '3f2b8c1e-5d4a-4b6f-9e7d-2a1c0b9d8e7f'],
			[key.slice(1), '320.jpg'],
			[`${key}x`, '320.jpg'],
			['AAAAAAAAAAAAAAAAAAAAAA', '320.jpg']
		] as const) {
			const response = await mediaFileResponse(files, keySegment, file, staff);
			expect(response.status, `${keySegment}/${file}`).toBe(404);
			expect(response.headers.get('Cache-Control')).toBe('no-store');
		}
	});
});

describe('the set of published photos', () => {
	it('is worked out once per site version, for all who ask meanwhile, and follows a version bumped by another process', async () => {
		const photo = await readyPhoto();
		let loads = 0;
		let shown: number[] = [];
		const counting: MediaInUse = async () => (loads++, shown);
		// Another process: it reads the version again each time (no time to live), and nobody tells it of a change.
		const published = createPublishedMedia(handle.db, createSiteVersionReader(handle.db, 0), [counting]);

		expect(await Promise.all([1, 2, 3].map(() => published.idOf(photo.publicKey)))).toEqual([undefined, undefined, undefined]);
		expect(await published.idOf(photo.publicKey)).toBeUndefined();
		expect(loads).toBe(1);

		shown = [photo.id];
		// Unchanged version, unchanged answer: the live tables are not read again.
		expect(await published.idOf(photo.publicKey)).toBeUndefined();
		await bumpSiteVersion(handle.db);
		expect(await published.idOf(photo.publicKey)).toBe(photo.id);
		expect(loads).toBe(2);
	});
});
