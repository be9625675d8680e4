import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isIncomingKey, LocalMediaStorage, newPublicKey, parseMediaId, parsePublicKey, parseVariantFileName, variantFileName } from './media-storage';

let dataDir: string;
let storage: LocalMediaStorage;

beforeEach(() => {
	dataDir = mkdtempSync(join(tmpdir(), 'arts-media-'));
	storage = new LocalMediaStorage(join(dataDir, 'media'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const files = [
	{ name: '320.avif', bytes: Buffer.from('avif bytes') },
	{ name: '320.webp', bytes: Buffer.from('webp bytes') },
	{ name: '320.jpg', bytes: Buffer.from('jpeg bytes') }
];

describe('variant file names and ids from URLs', () => {
	it('names files by width and extension', () => {
		expect(variantFileName('jpeg', 640)).toBe('640.jpg');
		expect(variantFileName('avif', 1920)).toBe('1920.avif');
		expect(parseVariantFileName('640.jpg')).toEqual({ width: 640, format: 'jpeg', contentType: 'image/jpeg', fileName: '640.jpg' });
		expect(parseVariantFileName('1920.avif')?.contentType).toBe('image/avif');
		expect(parseVariantFileName('320.webp')?.contentType).toBe('image/webp');
	});

	it.each([
		'../640.jpg',
		'..',
		'640.jpg/..',
		'640.JPG',
		'640.jpeg',
		'640.png',
		'640.jpg.exe',
		'0640.jpg',
		'0.jpg',
		'-640.jpg',
		'640',
		'.staging-abc',
		'640.jpg%00',
		'640.jpg\0',
		'123456.jpg',
		''
	])('refuses the file name %j', (name) => {
		expect(parseVariantFileName(name)).toBeUndefined();
	});

	it.each(['0', '01', '-1', '1.0', '1e3', ' 1', '..', '2147483648', '99999999999', '', 'abc'])('refuses the id %j', (id) => {
		expect(parseMediaId(id)).toBeUndefined();
	});

	it('reads plain ids', () => {
		expect(parseMediaId('1')).toBe(1);
		expect(parseMediaId('2147483647')).toBe(2147483647);
	});

	it('makes public keys of 128 random bits, base64url, and reads them back', () => {
		const keys = Array.from({ length: 50 }, () => newPublicKey());
		expect(new Set(keys).size).toBe(50);
		for (const key of keys) {
			expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
			expect(Buffer.from(key, 'base64url')).toHaveLength(16);
			expect(parsePublicKey(key)).toBe(key);
		}
	});

	it.each(['7', '2147483647', '.incoming', '..', '', 'N5wS0vQx2kLb8hYt4mZr1', 'N5wS0vQx2kLb8hYt4mZr1AB', 'N5wS0vQx2kLb8hYt4mZr/A', 'N5wS0vQx2kLb8hYt4mZr+A', 'N5wS0vQx2kLb8hYt4mZr1='])(
		'refuses the public key %j',
		(segment) => {
			expect(parsePublicKey(segment)).toBeUndefined();
		}
	);
});

describe('local media storage', () => {
	it('stages files out of sight, then publishes them all at once under the media id', async () => {
		const staged = await storage.stage(files);
		expect(readdirSync(storage.root)).toEqual([expect.stringMatching(/^\.staging-/)]);
		expect(storage.variantPath(7, parseVariantFileName('320.jpg')!)).toBe(join(storage.root, '7', '320.jpg'));
		expect(existsSync(join(storage.root, '7'))).toBe(false);

		await storage.publish(staged, 7);
		expect(readdirSync(storage.root)).toEqual(['7']);
		expect(readdirSync(join(storage.root, '7')).sort()).toEqual(['320.avif', '320.jpg', '320.webp']);
		expect(readFileSync(join(storage.root, '7', '320.jpg'), 'utf8')).toBe('jpeg bytes');
		expect(storage.storedPath(7, '320.jpg')).toBe('7/320.jpg');
	});

	it('replaces files a crash left under the same id instead of mixing them', async () => {
		mkdirSync(join(storage.root, '8'), { recursive: true });
		writeFileSync(join(storage.root, '8', '1920.jpg'), 'left over');
		await storage.publish(await storage.stage(files), 8);
		expect(readdirSync(join(storage.root, '8')).sort()).toEqual(['320.avif', '320.jpg', '320.webp']);
	});

	it('discards staged files and removes published ones', async () => {
		await storage.discard(await storage.stage(files));
		expect(readdirSync(storage.root)).toEqual([]);
		await storage.publish(await storage.stage(files), 9);
		await storage.remove(9);
		expect(readdirSync(storage.root)).toEqual([]);
	});

	it('refuses to stage a file whose name is not a variant name, leaving nothing behind', async () => {
		await expect(storage.stage([{ name: '../escape.jpg', bytes: Buffer.from('x') }])).rejects.toThrow(/Not a variant file name/);
		expect(readdirSync(storage.root)).toEqual([]);
		expect(existsSync(join(dataDir, 'escape.jpg'))).toBe(false);
	});

	it('finds variant files only in the folder of a real media id', () => {
		expect(storage.variantPath(12, parseVariantFileName('960.webp')!)).toBe(join(storage.root, '12', '960.webp'));
		for (const id of [0, -1, 1.5, Number.NaN]) {
			expect(() => storage.variantPath(id, parseVariantFileName('960.webp')!), String(id)).toThrow(/Not a media id/);
		}
	});
});

describe('uploads kept until processed', () => {
	it('keeps an upload privately under a random key, reads it back and removes it', async () => {
		const key = await storage.keepIncoming(Buffer.from('original with GPS'));
		expect(isIncomingKey(key)).toBe(true);
		const path = join(storage.root, '.incoming', key);
		expect(statSync(path).mode & 0o777).toBe(0o600);
		expect(statSync(join(storage.root, '.incoming')).mode & 0o777).toBe(0o700);
		expect((await storage.readIncoming(key)).toString()).toBe('original with GPS');

		await storage.removeIncoming(key);
		expect(existsSync(path)).toBe(false);
		await storage.removeIncoming(key); // already gone: nothing to do
		await expect(storage.readIncoming(key)).rejects.toMatchObject({ code: 'ENOENT' });
	});

	it('refuses keys that are not its own, so a job payload cannot name another file', async () => {
		for (const key of ['../site.sqlite', '..', '', 'ABCDEFAB-0000-0000-0000-000000000000', '1']) {
			expect(isIncomingKey(key), key).toBe(false);
			await expect(storage.readIncoming(key)).rejects.toThrow(/Not an incoming upload key/);
			await expect(storage.removeIncoming(key)).rejects.toThrow(/Not an incoming upload key/);
		}
	});
});

describe('tiles kept beside the variants', () => {
	/** What libvips would write: a tile and an info.json in a folder it creates. */
	const writeOneTile = (marker: string) => async (folder: string) => {
		mkdirSync(join(folder, '0,0,512,512', '512,512', '0'), { recursive: true });
		writeFileSync(join(folder, '0,0,512,512', '512,512', '0', 'default.jpg'), marker);
		writeFileSync(join(folder, 'info.json'), '{}');
		return marker;
	};

	it('moves staged tiles in with the variants, and names their files only under the photo’s iiif folder', async () => {
		const staged = await storage.stage(files);
		expect(await storage.writeTiles(staged, writeOneTile('first'))).toBe('first');
		await storage.publish(staged, 5);
		const path = storage.tilePath(5, { region: '0,0,512,512', size: '512,512' })!;
		expect(path).toBe(join(storage.root, '5', 'iiif', '0,0,512,512', '512,512', '0', 'default.jpg'));
		expect(readFileSync(path, 'utf8')).toBe('first');
		expect(storage.imageServiceInfoPath(5)).toBe(join(storage.root, '5', 'iiif', 'info.json'));
		expect(storage.tilePath(5, { region: '..', size: '..' })).toBeUndefined();
	});

	it('adds tiles to a photo already stored without touching its variants, replacing older ones, and removes them alone', async () => {
		await storage.publish(await storage.stage(files), 6);
		for (const marker of ['old', 'new']) {
			const staged = await storage.stage([]);
			await storage.writeTiles(staged, writeOneTile(marker));
			await storage.publishTiles(staged, 6);
		}
		expect(readFileSync(storage.tilePath(6, { region: '0,0,512,512', size: '512,512' })!, 'utf8')).toBe('new');
		expect(readdirSync(join(storage.root, '6')).sort()).toEqual(['320.avif', '320.jpg', '320.webp', 'iiif']);
		// No staging folder is left behind.
		expect(readdirSync(storage.root)).toEqual(['6']);
		await storage.removeTiles(6);
		expect(readdirSync(join(storage.root, '6')).sort()).toEqual(['320.avif', '320.jpg', '320.webp']);
	});
});

describe('leftovers of a killed process', () => {
	it('sweeps kept uploads and staging folders once they are a day old, and nothing else', async () => {
		await storage.publish(await storage.stage(files), 3);
		const key = await storage.keepIncoming(Buffer.from('original with GPS'));
		await storage.stage(files);
		expect(await storage.sweepLeftovers(Date.now())).toBe(0);
		expect(readdirSync(join(storage.root, '.incoming'))).toEqual([key]);
		expect(await storage.sweepLeftovers(Date.now() + 25 * 60 * 60_000)).toBe(2);
		expect(readdirSync(join(storage.root, '.incoming'))).toEqual([]);
		expect(readdirSync(storage.root).sort()).toEqual(['.incoming', '3']);
		expect(readdirSync(join(storage.root, '3')).sort()).toEqual(['320.avif', '320.jpg', '320.webp']);
	});
});
