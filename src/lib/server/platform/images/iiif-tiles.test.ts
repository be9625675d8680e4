import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UploadRejectedError } from './image-processing';
import { iiifContext, iiifTileSize, imageServiceDocument, makeTiles, parseTileRequest, type ImageServiceInfo } from './iiif-tiles';
import { heicFromPhone, phoneJpegWithGps, photoLike } from '../../../../../tests/support/test-images';

let folder: string;
beforeEach(() => {
	folder = mkdtempSync(join(tmpdir(), 'arts-tiles-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

interface TileFile {
	region: string;
	width: number;
	height: number;
	path: string;
}

/** Every tile and whole-photo size written, read from the folder: <region>/<w>,<h>/0/default.jpg. */
function tileFiles(root: string): TileFile[] {
	return readdirSync(root, { recursive: true, encoding: 'utf8' })
		.filter((path) => path.endsWith('default.jpg'))
		.map((path) => {
			const [region, size, rotation, file] = path.split('/');
			expect([rotation, file], path).toEqual(['0', 'default.jpg']);
			const [width, height] = size!.split(',').map(Number);
			return { region: region!, width: width!, height: height!, path: join(root, path) };
		});
}

/** The region of a tile in full-size pixels; "full" is the whole photo. */
function regionOf(tile: TileFile, info: ImageServiceInfo) {
	if (tile.region === 'full') return { x: 0, y: 0, w: info.width, h: info.height };
	const [x, y, w, h] = tile.region.split(',').map(Number);
	return { x: x!, y: y!, w: w!, h: h! };
}

/**
 * What a level 0 client relies on: for each scale factor the tiles cover the
 * photo exactly, in a grid of 512 × scale full-size pixels, each file is as
 * large as its name says, and the whole-photo sizes listed are files that exist.
 */
async function expectConsistent(root: string, info: ImageServiceInfo) {
	const files = tileFiles(root);
	const scaleFactors = info.tiles[0]!.scaleFactors;
	const step = (scale: number) => info.tiles[0]!.width * scale;
	let counted = 0;
	for (const scale of scaleFactors) {
		const columns = Math.ceil(info.width / step(scale));
		const rows = Math.ceil(info.height / step(scale));
		const level = files.filter((tile) => {
			const region = regionOf(tile, info);
			return Math.abs(Math.ceil(region.w / scale) - tile.width) <= 1 && Math.abs(Math.ceil(region.h / scale) - tile.height) <= 1;
		});
		const grid = new Set<string>();
		let area = 0;
		for (const tile of level) {
			const region = regionOf(tile, info);
			if (region.w > step(scale) || region.h > step(scale)) continue;
			expect(region.x % step(scale), tile.region).toBe(0);
			expect(region.y % step(scale), tile.region).toBe(0);
			expect(region.x + region.w, tile.region).toBeLessThanOrEqual(info.width);
			expect(region.y + region.h, tile.region).toBeLessThanOrEqual(info.height);
			grid.add(`${region.x / step(scale)},${region.y / step(scale)}`);
			area += region.w * region.h;
		}
		expect(grid.size, `scale ${scale}`).toBe(columns * rows);
		expect(area, `scale ${scale}`).toBe(info.width * info.height);
		counted += grid.size;
	}
	// The largest scale factor is one tile for the whole photo; nothing is written that no scale factor asks for.
	expect(Math.max(...scaleFactors) * info.tiles[0]!.width).toBeGreaterThanOrEqual(Math.max(info.width, info.height));
	expect(new Set(files.map((tile) => tile.path)).size).toBeLessThanOrEqual(counted);
	for (const size of info.sizes) {
		expect(files.some((tile) => tile.region === 'full' && tile.width === size.width && tile.height === size.height), JSON.stringify(size)).toBe(true);
	}
	for (const tile of files) {
		const metadata = await sharp(readFileSync(tile.path)).metadata();
		expect([metadata.format, metadata.width, metadata.height], tile.path).toEqual(['jpeg', tile.width, tile.height]);
	}
	return files;
}

describe('the tiles of a photo (IIIF level 0)', () => {
	it('makes a pyramid of 512-pixel tiles from the full-size photo, and an info.json that describes exactly the files written', async () => {
		const root = join(folder, 'iiif');
		const tiled = await makeTiles(await photoLike(1300, 900), root);

		const stored = JSON.parse(readFileSync(join(root, 'info.json'), 'utf8')) as ImageServiceInfo;
		expect(stored).toEqual(tiled.info);
		expect(stored).toMatchObject({ '@context': iiifContext, type: 'ImageService3', profile: 'level0', width: 1300, height: 900 });
		expect(stored.tiles).toEqual([{ width: iiifTileSize, height: iiifTileSize, scaleFactors: [1, 2, 4] }]);
		// The service's address depends on the deployment: none is kept in the file.
		expect(stored).not.toHaveProperty('id');
		expect(readFileSync(join(root, 'info.json'), 'utf8')).not.toContain('iiif.invalid');
		expect(stored.sizes).toEqual([{ width: 325, height: 225 }]);

		const files = await expectConsistent(root, stored);
		// 3×2 tiles at full size, 2×1 at half size, 1 for the whole photo.
		expect(files).toHaveLength(9);
		expect(tiled.tiles).toBe(9);
		// Nothing beside the folder either (libvips writes its properties there).
		expect(readdirSync(folder)).toEqual(['iiif']);
		const onDisk = readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
		expect(onDisk).toHaveLength(10);
		expect(tiled.bytes).toBe(onDisk.reduce((sum, entry) => sum + readFileSync(join(entry.parentPath, entry.name)).byteLength, 0));
		// A full-size tile at the top left, as a viewer asks for it.
		const corner = await sharp(readFileSync(join(root, '0,0,512,512', '512,512', '0', 'default.jpg'))).metadata();
		expect([corner.width, corner.height]).toEqual([512, 512]);
	});

	it('gives a photo smaller than one tile a single whole-photo file', async () => {
		const root = join(folder, 'iiif');
		const tiled = await makeTiles(await photoLike(300, 200), root);
		expect(tiled.info).toMatchObject({ width: 300, height: 200, sizes: [{ width: 300, height: 200 }] });
		expect(tiled.info.tiles[0]!.scaleFactors).toEqual([1]);
		expect(tileFiles(root).map((tile) => `${tile.region}/${tile.width},${tile.height}`)).toEqual(['full/300,200']);
	});

	it('tiles a phone photo upright and without its location or any other metadata', async () => {
		const root = join(folder, 'iiif');
		// 800 × 600 as stored, with an EXIF orientation that turns it upright to 600 × 800.
		const tiled = await makeTiles(await phoneJpegWithGps(800, 600), root);
		expect([tiled.info.width, tiled.info.height]).toEqual([600, 800]);
		for (const tile of await expectConsistent(root, tiled.info)) {
			const metadata = await sharp(readFileSync(tile.path)).metadata();
			expect(metadata.exif, tile.path).toBeUndefined();
			expect(metadata.xmp, tile.path).toBeUndefined();
			expect(metadata.icc, tile.path).toBeUndefined();
		}
	});

	it('tiles a HEIC from an iPhone', async () => {
		const root = join(folder, 'iiif');
		const tiled = await makeTiles(heicFromPhone, root);
		const { width, height } = await sharp(heicFromPhone, { limitInputPixels: false }).metadata().then((m) => m.autoOrient);
		expect([tiled.info.width, tiled.info.height]).toEqual([width, height]);
		await expectConsistent(root, tiled.info);
	});

	it('refuses a file that is not a photo, and writes nothing', async () => {
		const root = join(folder, 'iiif');
		await expect(makeTiles(Buffer.from('not a photo at all'), root)).rejects.toBeInstanceOf(UploadRejectedError);
		expect(readdirSync(folder)).toEqual([]);
	});
});

describe('reading a tile request', () => {
	it('takes the regions and sizes libvips names, with no rotation and the default JPEG', () => {
		expect(parseTileRequest('0,0,512,512', '512,512', '0', 'default.jpg')).toEqual({ region: '0,0,512,512', size: '512,512' });
		expect(parseTileRequest('full', '325,225', '0', 'default.jpg')).toEqual({ region: 'full', size: '325,225' });
	});

	it('refuses everything else, path tricks included', () => {
		const refused: [string, string, string, string][] = [
			['..', '512,512', '0', 'default.jpg'],
			['0,0,512,512', '..', '0', 'default.jpg'],
			['0,0,512,512', '512,512', '..', 'default.jpg'],
			['0,0,512,512', '512,512', '0', '../info.json'],
			['0,0,512,512/../..', '512,512', '0', 'default.jpg'],
			['%2e%2e', '512,512', '0', 'default.jpg'],
			['square', '512,512', '0', 'default.jpg'],
			['pct:0,0,50,50', '512,512', '0', 'default.jpg'],
			['0,0,512,512', 'max', '0', 'default.jpg'],
			['0,0,512,512', '512,', '0', 'default.jpg'],
			['0,0,512,512', '^512,512', '0', 'default.jpg'],
			['0,0,512,512', '512,512', '90', 'default.jpg'],
			['0,0,512,512', '512,512', '0', 'default.png'],
			['0,0,512,512', '512,512', '0', 'gray.jpg'],
			['00,0,512,512', '512,512', '0', 'default.jpg'],
			['0,0,0,512', '512,512', '0', 'default.jpg'],
			['-1,0,512,512', '512,512', '0', 'default.jpg'],
			['0,0,512,512', '0512,512', '0', 'default.jpg']
		];
		for (const segments of refused) expect(parseTileRequest(...segments), segments.join('/')).toBeUndefined();
	});

	it('serves info.json with the id given, after the context', () => {
		const stored: ImageServiceInfo = {
			'@context': iiifContext,
			type: 'ImageService3',
			protocol: 'http://iiif.io/api/image',
			profile: 'level0',
			width: 10,
			height: 10,
			tiles: [{ width: 512, height: 512, scaleFactors: [1] }],
			sizes: []
		};
		const served = imageServiceDocument(stored, 'https://arts.example/iiif/abc');
		expect(Object.keys(served).slice(0, 2)).toEqual(['@context', 'id']);
		expect(served).toMatchObject({ id: 'https://arts.example/iiif/abc', width: 10, type: 'ImageService3' });
	});
});
