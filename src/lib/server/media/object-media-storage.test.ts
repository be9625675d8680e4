import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3rver, type RunningS3 } from '../../../../tests/support/s3';
import { S3Storage } from '$lib/server/platform/storage/s3-storage';
import { parseVariantFileName } from './media-storage';
import { ObjectMediaStorage } from './object-media-storage';

/*
 * The media library in a bucket (s3rver on loopback): the same keys as on disk,
 * nothing left in the local staging folder once published, and a kept upload
 * that is gone reads as a lost file, as on disk.
 */

let s3rver: RunningS3;
let objects: S3Storage;
let scratch: string;
let storage: ObjectMediaStorage;

beforeAll(async () => {
	s3rver = await startS3rver({ bucket: 'arts-media' });
	objects = new S3Storage(s3rver.config);
	scratch = mkdtempSync(join(tmpdir(), 'arts-object-media-'));
	storage = new ObjectMediaStorage(objects, join(scratch, 'media'));
});

afterAll(async () => {
	objects?.close();
	await s3rver?.stop();
	rmSync(scratch, { recursive: true, force: true });
});

async function keys(prefix: string): Promise<string[]> {
	const found: string[] = [];
	for await (const object of objects.list(prefix)) found.push(object.key);
	return found.sort();
}

const writeOneTile = (marker: string) => async (folder: string) => {
	mkdirSync(join(folder, '0,0,512,512', '512,512', '0'), { recursive: true });
	writeFileSync(join(folder, '0,0,512,512', '512,512', '0', 'default.jpg'), marker);
	writeFileSync(join(folder, 'info.json'), `{"marker":"${marker}"}`);
};

describe('the media library in a bucket', () => {
	it('puts a photo’s variants and tiles under its keys, reads them back, and leaves nothing staged', async () => {
		await objects.put('media/7/old.jpg', Buffer.from('left by a crash'));
		const staged = await storage.stage([
			{ name: '320.jpg', bytes: Buffer.from('jpeg bytes') },
			{ name: '320.webp', bytes: Buffer.from('webp bytes') }
		]);
		await storage.writeTiles(staged, writeOneTile('first'));
		await storage.publish(staged, 7);
		expect(await keys('media/7/')).toEqual([
			'media/7/320.jpg',
			'media/7/320.webp',
			'media/7/iiif/0,0,512,512/512,512/0/default.jpg',
			'media/7/iiif/info.json'
		]);
		expect((await storage.readVariant(7, parseVariantFileName('320.webp')!))?.toString()).toBe('webp bytes');
		expect(await storage.readVariant(7, parseVariantFileName('640.webp')!)).toBeUndefined();
		expect((await storage.readTile(7, { region: '0,0,512,512', size: '512,512' }))?.toString()).toBe('first');
		expect(await storage.readTile(7, { region: 'full', size: 'max' })).toBeUndefined();
		expect((await storage.readImageServiceInfo(7))?.toString()).toBe('{"marker":"first"}');
		// Staged locally, published remotely: the local folder holds nothing afterwards.
		expect(readdirSync(join(scratch, 'media'))).toEqual([]);

		const again = await storage.stage([]);
		await storage.writeTiles(again, writeOneTile('second'));
		await storage.publishTiles(again, 7);
		expect((await storage.readImageServiceInfo(7))?.toString()).toBe('{"marker":"second"}');
		expect(await keys('media/7/')).toHaveLength(4);
		await storage.removeTiles(7);
		expect(await keys('media/7/')).toEqual(['media/7/320.jpg', 'media/7/320.webp']);
		await storage.remove(7);
		expect(await keys('media/7/')).toEqual([]);
	});

	it('keeps an upload under a transient key until it is processed, then reads it as lost', async () => {
		const key = await storage.keepIncoming(Buffer.from('original with GPS'));
		expect(await keys('media/.incoming/')).toEqual([`media/.incoming/${key}`]);
		expect((await storage.readIncoming(key)).toString()).toBe('original with GPS');
		await storage.removeIncoming(key);
		await expect(storage.readIncoming(key)).rejects.toMatchObject({ code: 'ENOENT' });
		await expect(storage.readIncoming('../../etc/passwd')).rejects.toThrow(/Not an incoming upload key/);
	});

	it('sweeps kept uploads and staging folders a killed process left, once they are a day old', async () => {
		const key = await storage.keepIncoming(Buffer.from('original with GPS'));
		const staged = await storage.stage([{ name: '320.jpg', bytes: Buffer.from('jpeg bytes') }]);
		expect(await storage.sweepLeftovers(Date.now())).toBe(0);
		expect(await keys('media/.incoming/')).toEqual([`media/.incoming/${key}`]);
		expect(await storage.sweepLeftovers(Date.now() + 25 * 60 * 60_000)).toBe(2);
		expect(await keys('media/.incoming/')).toEqual([]);
		expect(readdirSync(join(scratch, 'media')).filter((name) => staged.folder.endsWith(name))).toEqual([]);
	});
});
