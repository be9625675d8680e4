import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { heicFromPhone, phoneJpegWithGps, solid } from '../../../../tests/support/test-images';
import { attachUpload, createApplicationFileStorage, eraseApplication, isApplicationFileKey, maxImageSide, removeUpload, type ApplicationFileStorage } from './application-files';
import { findApplicationByToken, saveDraft, submitApplication } from './applications.service';
import { pdfWithMetadata } from '../../../../tests/support/hostile-files';
import { application, openCall, smallPdf } from '../../../../tests/support/call-test-data';
import { useTempDir, useTestDatabase } from '../../../../tests/support/test-database';

const handle = useTestDatabase('application', 'open_call');
const dataDir = useTempDir('calls-files-');
let storage: ApplicationFileStorage;
let photo: Buffer;

beforeAll(async () => {
	storage = createApplicationFileStorage(dataDir.path);
	photo = await phoneJpegWithGps(800, 600);
});
beforeEach(() => {
	rmSync(join(dataDir.path, 'applications'), { recursive: true, force: true });
});

/** A draft of a call whose `images` field takes two JPEGs or PDFs of up to 5 MB, and whose `id_scan` takes one PDF. */
async function draft() {
	const callId = await openCall(handle.db);
	const saved = await saveDraft(handle.db, { callId, input: application() });
	if (saved.status !== 'saved') throw new Error(saved.status);
	return { callId, ...saved };
}

function filesOnDisk(): string[] {
	const root = join(dataDir.path, 'applications');
	return existsSync(root) ? readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((p) => statSync(join(root, p)).isFile()) : [];
}

describe('applicants’ files', () => {
	it('keep a phone photo re-encoded, upright, without its location or any metadata, under the application’s private folder', async () => {
		const { callId, applicationId, token } = await draft();
		const before = await sharp(photo).metadata();
		expect(before.exif).toBeDefined();

		const result = await attachUpload(handle.db, storage, token, { fieldKey: 'images', fileName: 'C:\\Users\\ana\\IMG_0001.JPG', bytes: photo });
		expect(result).toMatchObject({ status: 'attached', mediaType: 'image/jpeg' });

		const row = await handle.db.selectFrom('application_file').selectAll().where('application_id', '=', applicationId).executeTakeFirstOrThrow();
		expect(row.original_name).toBe('IMG_0001.jpg');
		expect(isApplicationFileKey(row.storage_key)).toBe(true);
		expect(row.storage_key.startsWith(`${callId}/${applicationId}/`)).toBe(true);
		const stored = await storage.read(row.storage_key);
		expect(row.bytes).toBe(stored.length);
		const after = await sharp(stored).metadata();
		expect(after.format).toBe('jpeg');
		expect(after.exif).toBeUndefined();
		expect(after.xmp).toBeUndefined();
		expect(after.iptc).toBeUndefined();
		expect(stored.includes(Buffer.from('PhoneMaker'))).toBe(false);
		// Turned by its orientation tag once, for good: 800×600 stored sideways is 600×800 upright.
		expect([after.width, after.height]).toEqual([600, 800]);
		expect(after.orientation).toBeUndefined();
		expect(statSync(storage.pathOf(row.storage_key)).mode & 0o077).toBe(0);
		expect(storage.root).toBe(join(dataDir.path, 'applications'));
	});

	it('keep photos to a reasonable size', async () => {
		const { token, applicationId } = await draft();
		const wide = await solid(maxImageSide + 1000, 200, '#336699').jpeg().toBuffer();
		await attachUpload(handle.db, storage, token, { fieldKey: 'images', fileName: 'wide.jpg', bytes: wide });
		const row = await handle.db.selectFrom('application_file').selectAll().where('application_id', '=', applicationId).executeTakeFirstOrThrow();
		expect((await sharp(await storage.read(row.storage_key)).metadata()).width).toBe(maxImageSide);
	});

	it('accept a real PDF without the metadata that names its author, and refuse one that only starts like a PDF', async () => {
		const { token, applicationId } = await draft();
		const pdf = pdfWithMetadata('Ana Applicant');
		expect(await attachUpload(handle.db, storage, token, { fieldKey: 'id_scan', fileName: 'passport.pdf', bytes: pdf })).toMatchObject({
			status: 'attached',
			mediaType: 'application/pdf'
		});
		const row = await handle.db.selectFrom('application_file').selectAll().where('application_id', '=', applicationId).executeTakeFirstOrThrow();
		const stored = (await storage.read(row.storage_key)).toString('latin1');
		expect(row.bytes).toBe(stored.length);
		expect(stored).toMatch(/^%PDF-/);
		expect(stored).not.toContain('Ana Applicant');
		expect(stored).toContain('(Portfolio) Tj');
		const fake = Buffer.from('%PDF-1.7\nThis is a text file with a PDF header and nothing of a PDF after it.\n%%EOF\n');
		await expect(attachUpload(handle.db, storage, token, { fieldKey: 'images', fileName: 'works.pdf', bytes: fake })).rejects.toMatchObject({
			issues: { 'answers.images': 'file_damaged' }
		});
		const small = await smallPdf();
		const truncated = small.subarray(0, Math.floor(small.length / 3));
		await expect(attachUpload(handle.db, storage, token, { fieldKey: 'images', fileName: 'works.pdf', bytes: truncated })).rejects.toMatchObject({
			issues: { 'answers.images': 'file_damaged' }
		});
		expect(filesOnDisk()).toHaveLength(1);
	});

	it('refuse a type the field does not take, whatever the name says, and a file over the field’s size', async () => {
		const { token } = await draft();
		await expect(attachUpload(handle.db, storage, token, { fieldKey: 'id_scan', fileName: 'scan.pdf', bytes: photo })).rejects.toMatchObject({
			issues: { 'answers.id_scan': 'file_type_not_allowed' }
		});
		const png = await solid(20, 20, '#ff0000').png().toBuffer();
		await expect(attachUpload(handle.db, storage, token, { fieldKey: 'images', fileName: 'photo.jpg', bytes: png })).rejects.toMatchObject({
			issues: { 'answers.images': 'file_type_not_allowed' }
		});
		await expect(
			attachUpload(handle.db, storage, token, { fieldKey: 'images', fileName: 'a.exe', bytes: Buffer.from('MZ\x90\x00 not a photo') })
		).rejects.toMatchObject({ issues: { 'answers.images': 'file_type_not_allowed' } });
		const huge = Buffer.concat([photo, Buffer.alloc(5_000_001)]);
		await expect(attachUpload(handle.db, storage, token, { fieldKey: 'images', fileName: 'big.jpg', bytes: huge })).rejects.toMatchObject({
			issues: { 'answers.images': 'file_too_large' }
		});
		await expect(attachUpload(handle.db, storage, token, { fieldKey: 'images', fileName: 'empty.jpg', bytes: new Uint8Array() })).rejects.toMatchObject({
			issues: { 'answers.images': 'file_missing' }
		});
		expect(filesOnDisk()).toEqual([]);
	});

	it('are not kept when recording them fails, and go with the application', async () => {
		const { token } = await draft();
		for (const name of ['one.jpg', 'two.jpg']) await attachUpload(handle.db, storage, token, { fieldKey: 'images', fileName: name, bytes: photo });
		await expect(attachUpload(handle.db, storage, token, { fieldKey: 'images', fileName: 'three.jpg', bytes: photo })).rejects.toMatchObject({
			issues: { 'answers.images': 'too_many_files' }
		});
		expect(filesOnDisk()).toHaveLength(2);

		const found = await findApplicationByToken(handle.db, token);
		if (found.status !== 'found') throw new Error('not found');
		expect(await removeUpload(handle.db, storage, token, found.application.files[0]!.id)).toMatchObject({ status: 'removed' });
		expect(filesOnDisk()).toHaveLength(1);

		expect(await eraseApplication(handle.db, storage, token)).toMatchObject({ status: 'deleted' });
		expect(filesOnDisk()).toEqual([]);
		// The emptied folders go too.
		expect(readdirSync(join(dataDir.path, 'applications'))).toEqual([]);
	});

	it('turn a phone’s HEIC into a JPEG without its location, which still counts for a field that takes HEIC', async () => {
		const callId = await openCall(handle.db, {}, [
			{ key: 'photo', type: 'file', label: { en: 'Photo' }, required: true, options: { allowedTypes: ['image/heic'], maxBytes: 1_000_000 } }
		]);
		const saved = await saveDraft(handle.db, { callId, input: application({ answers: {} }) });
		if (saved.status !== 'saved') throw new Error(saved.status);
		expect(await attachUpload(handle.db, storage, saved.token, { fieldKey: 'photo', fileName: 'IMG_0002.HEIC', bytes: heicFromPhone })).toMatchObject({
			status: 'attached',
			mediaType: 'image/jpeg'
		});
		const row = await handle.db.selectFrom('application_file').selectAll().where('application_id', '=', saved.applicationId).executeTakeFirstOrThrow();
		expect(row.original_name).toBe('IMG_0002.jpg');
		const stored = await sharp(await storage.read(row.storage_key)).metadata();
		expect([stored.format, stored.width, stored.height, stored.exif, stored.xmp]).toEqual(['jpeg', 96, 64, undefined, undefined]);
		expect(await submitApplication(handle.db, { callId, token: saved.token, input: application({ answers: {} }) })).toMatchObject({ status: 'submitted' });
	});

	it('count towards a submission like any other answer', async () => {
		const { callId, token } = await draft();
		await attachUpload(handle.db, storage, token, { fieldKey: 'id_scan', fileName: 'id.pdf', bytes: await smallPdf() });
		expect(await submitApplication(handle.db, { callId, token, input: application() })).toMatchObject({ status: 'submitted' });
		expect(await attachUpload(handle.db, storage, 'x'.repeat(43), { fieldKey: 'images', fileName: 'a.jpg', bytes: photo })).toEqual({ status: 'unknown' });
	});

	it('make a thumbnail and a preview once, keep them beside the photo, and delete them with it', async () => {
		const { token } = await draft();
		const attached = await attachUpload(handle.db, storage, token, { fieldKey: 'images', fileName: 'big.jpg', bytes: await solid(2000, 1000, '#336699').jpeg().toBuffer() });
		if (attached.status !== 'attached') throw new Error(attached.status);
		const key = (await handle.db.selectFrom('application_file').select('storage_key').where('id', '=', attached.fileId).executeTakeFirstOrThrow()).storage_key;
		const thumbnail = await storage.derivative(key, 'thumbnail');
		expect(await sharp(thumbnail).metadata()).toMatchObject({ format: 'webp', width: 320, height: 160 });
		expect((await sharp(await storage.derivative(key, 'preview')).metadata()).width).toBe(1280);
		expect(filesOnDisk().sort()).toEqual([key, key.replace('.jpg', '.preview.webp'), key.replace('.jpg', '.thumbnail.webp')].sort());
		// Asked again, the kept copy is given back as it is.
		expect((await storage.derivative(key, 'thumbnail')).equals(thumbnail)).toBe(true);
		await removeUpload(handle.db, storage, token, attached.fileId);
		expect(filesOnDisk()).toEqual([]);
	});
});
