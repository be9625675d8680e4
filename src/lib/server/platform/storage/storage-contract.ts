import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { expect, it } from 'vitest';
import { readAll } from './disk-storage';
import type { ObjectStorage } from './object-storage';

/**
 * What every storage must do, as tests: run by disk-storage.test.ts and
 * s3-storage.test.ts, and so by an operator against their own bucket before
 * switching. `storage` is called inside each test; `prefix` keeps one run's
 * objects apart from anything else in the storage.
 */
export function storageContract(storage: () => ObjectStorage, prefix: string): void {
	const key = (name: string) => `${prefix}${name}`;

	it('gives back the bytes it was given, as a stream and whole, with their size', async () => {
		const bytes = randomBytes(300_000);
		await storage().put(key('a/photo.jpg'), bytes, { contentType: 'image/jpeg' });
		const got = await storage().get(key('a/photo.jpg'));
		expect(got?.size).toBe(bytes.length);
		expect((await readAll(got!.body)).equals(bytes)).toBe(true);
		expect((await storage().read(key('a/photo.jpg')))?.equals(bytes)).toBe(true);
		const head = await storage().head(key('a/photo.jpg'));
		expect(head?.size).toBe(bytes.length);
		expect(head?.modified.getTime()).toBeGreaterThan(Date.now() - 10 * 60_000);
	});

	it('stores a stream of unknown length, and replaces an object whole', async () => {
		const parts = [randomBytes(70_000), randomBytes(1), randomBytes(200_000)];
		await storage().put(key('b/stream.bin'), Buffer.from('old'));
		await storage().put(key('b/stream.bin'), Readable.from(parts));
		expect((await storage().read(key('b/stream.bin')))?.equals(Buffer.concat(parts))).toBe(true);
	});

	it('says there is nothing for a key never written or deleted, and deleting twice is fine', async () => {
		expect(await storage().get(key('missing'))).toBeUndefined();
		expect(await storage().read(key('missing'))).toBeUndefined();
		expect(await storage().head(key('missing'))).toBeUndefined();
		await storage().put(key('c/gone.txt'), Buffer.from('x'));
		await storage().delete(key('c/gone.txt'));
		await storage().delete(key('c/gone.txt'));
		expect(await storage().head(key('c/gone.txt'))).toBeUndefined();
	});

	it('lists by prefix, deep and only under it, and deletes a folder of them', async () => {
		for (const name of ['d/1/640.webp', 'd/1/iiif/full/max/0/default.jpg', 'd/12/640.webp', 'e/1.txt', 'e/0,0,512,512/512,/0/default.jpg']) {
			await storage().put(key(name), Buffer.from(name));
		}
		const under = async (p: string) => {
			const keys: string[] = [];
			for await (const object of storage().list(key(p))) keys.push(object.key);
			return keys.sort();
		};
		expect(await under('d/1/')).toEqual([key('d/1/640.webp'), key('d/1/iiif/full/max/0/default.jpg')]);
		expect(await under('d/1')).toEqual([key('d/1/640.webp'), key('d/1/iiif/full/max/0/default.jpg'), key('d/12/640.webp')]);
		await storage().deletePrefix(key('d/1/'));
		expect(await under('d/')).toEqual([key('d/12/640.webp')]);
		expect(await under('e/')).toEqual([key('e/0,0,512,512/512,/0/default.jpg'), key('e/1.txt')]);
		expect((await storage().read(key('e/0,0,512,512/512,/0/default.jpg')))?.toString()).toBe('e/0,0,512,512/512,/0/default.jpg');
	});

	it('refuses keys that could name something outside it', async () => {
		for (const bad of ['../x', 'a/../../x', '/etc/passwd', 'a//b', 'a/./b', 'a\\b', '', 'a b']) {
			await expect(storage().put(bad, Buffer.from('x'))).rejects.toThrow(/Not a storage key/);
			await expect(storage().get(bad)).rejects.toThrow(/Not a storage key/);
		}
	});

	it('answers a ping when it can be read and written', async () => {
		await expect(storage().ping()).resolves.toBeUndefined();
	});
}
