import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3rver, testS3Config, type RunningS3 } from '../../../../../tests/support/s3';
import { readAll } from './disk-storage';
import { S3Storage } from './s3-storage';
import { storageContract } from './storage-contract';

/*
 * The storage contract against an S3-compatible bucket: the one TEST_S3_* names
 * (README, "Object storage": an operator's provider before switching), or else
 * s3rver started here on loopback. Each run keeps to a prefix of its own and
 * deletes it at the end.
 */

let s3rver: RunningS3 | undefined;
let storage: S3Storage;
const prefix = `storage-test-${randomUUID()}/`;

beforeAll(async () => {
	const given = testS3Config();
	if (!given) s3rver = await startS3rver();
	storage = new S3Storage(given ?? s3rver!.config);
});

afterAll(async () => {
	await storage?.deletePrefix(prefix).catch(() => undefined);
	storage?.close();
	await s3rver?.stop();
});

describe('S3 storage', () => {
	storageContract(() => storage, prefix);

	it('streams a file larger than one part through a multipart upload, and back', { timeout: 60_000 }, async () => {
		const parts = Array.from({ length: 12 }, () => randomBytes(1024 * 1024));
		await storage.put(`${prefix}big/archive.bin`, Readable.from(parts));
		const got = await storage.get(`${prefix}big/archive.bin`);
		expect(got?.size).toBe(12 * 1024 * 1024);
		expect((await readAll(got!.body)).equals(Buffer.concat(parts))).toBe(true);
	});

	it('lists past one page of a thousand keys, and deletes them all', { timeout: 120_000 }, async () => {
		const keys = Array.from({ length: 1005 }, (_, i) => `${prefix}many/${String(i).padStart(4, '0')}.txt`);
		for (let i = 0; i < keys.length; i += 8) {
			await Promise.all(keys.slice(i, i + 8).map((key) => storage.put(key, Buffer.from(key))));
		}
		const listed: string[] = [];
		for await (const object of storage.list(`${prefix}many/`)) listed.push(object.key);
		expect(listed.sort()).toEqual(keys);
		await storage.deletePrefix(`${prefix}many/`);
		for await (const object of storage.list(`${prefix}many/`)) throw new Error(`left behind: ${object.key}`);
	});

	it('says what is wrong when the credentials are', async () => {
		const config = testS3Config() ?? s3rver!.config;
		const wrong = new S3Storage({ ...config, accessKeyId: `${config.accessKeyId}WRONG`, secretAccessKey: `${config.secretAccessKey}-wrong` });
		try {
			await expect(wrong.ping()).rejects.toThrow(/key|signature|denied|forbidden|invalid/i);
		} finally {
			wrong.close();
		}
	});
});
