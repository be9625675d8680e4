import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { mediaLimits, oneAtATime, UploadRejectedError, withOpenedPhoto, type MediaLimits } from './image-processing';

/*
 * A photo's image service: IIIF Image API 3 at level 0, that is static files that
 * a deep-zoom viewer (OpenSeadragon, Mirador...) asks for by name. libvips writes
 * them (sharp's `tile({ layout: 'iiif3' })`): a pyramid of JPEG tiles at
 * <region>/<size>/0/default.jpg, where region is "x,y,w,h" in full-size pixels
 * (or "full" for a tile that covers the whole photo) and size is "w,h", plus an
 * info.json that describes them. A level 0 service answers only for files that
 * exist; anything else a client asks for is 404.
 *
 * The info.json kept beside the tiles has no `id`: the id is the service's own
 * address, which depends on where the app is deployed, so it is added when the
 * file is served (imageServiceDocument).
 */

/** Square tiles of 512 pixels: a quarter of the requests of 256 for the same screen, still small enough for phones. */
export const iiifTileSize = 512;
export const iiifContext = 'http://iiif.io/api/image/3/context.json';
/** The content type of info.json, as the Image API asks for JSON-LD with its context named. */
export const iiifInfoContentType = `application/ld+json;profile="${iiifContext}"`;

/** JPEG tiles: every viewer takes them, and the Image API's level 0 names only `default.jpg`. */
const tileJpeg = { quality: 80 } as const;

export interface ImageServiceInfo {
	'@context': typeof iiifContext;
	type: 'ImageService3';
	protocol: 'http://iiif.io/api/image';
	profile: 'level0';
	width: number;
	height: number;
	tiles: { width: number; height: number; scaleFactors: number[] }[];
	/** Sizes of the whole photo that exist as one file ("full/<w>,<h>/0/default.jpg"), smallest first. */
	sizes: { width: number; height: number }[];
}

export interface TiledImage {
	info: ImageServiceInfo;
	/** Tile files written (info.json not counted). */
	tiles: number;
	/** Bytes of the tiles and info.json. */
	bytes: number;
}

/**
 * Writes the tiles and info.json of a photo into `folder` (which must not exist
 * yet), upright, in sRGB, without metadata, from the file as uploaded: the
 * pyramid starts at full size. One photo at a time, with the variants' work.
 * Throws UploadRejectedError when the file is not a usable photo.
 */
export function makeTiles(bytes: Uint8Array, folder: string, limits: MediaLimits = mediaLimits): Promise<TiledImage> {
	return oneAtATime(async () => {
		// No box to shrink into: a photo is never wider than its pixel limit.
		const fit = { width: limits.maxPixels, height: Number.POSITIVE_INFINITY };
		let written: Awaited<ReturnType<typeof withOpenedPhoto<void>>>;
		try {
			written = await withOpenedPhoto(bytes, limits, fit, async (image) => {
				await image
					.toColourspace('srgb')
					// JPEG has no transparency: transparent parts become white, as in the JPEG variants.
					.flatten({ background: '#ffffff' })
					.jpeg(tileJpeg)
					// The id libvips writes is replaced below; nothing of the deployment goes into the files.
					.tile({ layout: 'iiif3', size: iiifTileSize, overlap: 0, id: 'https://iiif.invalid' })
					.toFile(folder);
			});
		} finally {
			// libvips also leaves the image's properties beside the folder, for its own tools: nothing a viewer needs, and nothing to keep.
			await rm(join(dirname(folder), 'vips-properties.xml'), { force: true });
		}
		if (!written.ok) throw new UploadRejectedError(written.code, limits);
		return describeTiles(folder);
	});
}

/**
 * Reads what libvips wrote, adds the whole-photo sizes that exist, and replaces
 * its info.json with one without an id. Every number in it comes from libvips'
 * own description or from files that are there.
 */
async function describeTiles(folder: string): Promise<TiledImage> {
	const written = JSON.parse(await readFile(join(folder, 'info.json'), 'utf8')) as {
		type?: unknown;
		width?: unknown;
		height?: unknown;
		tiles?: { width?: unknown; height?: unknown; scaleFactors?: unknown }[];
	};
	const width = positiveInteger(written.width);
	const height = positiveInteger(written.height);
	const tile = written.tiles?.[0];
	const tileWidth = positiveInteger(tile?.width);
	const scaleFactors = Array.isArray(tile?.scaleFactors) ? tile.scaleFactors.map(positiveInteger) : [];
	if (written.type !== 'ImageService3' || !width || !height || !tileWidth || scaleFactors.length === 0 || scaleFactors.includes(undefined)) {
		throw new Error('libvips wrote an info.json this app does not understand');
	}
	const sizes = (await readdir(join(folder, 'full')).catch(() => []))
		.map((name) => parseSizeSegment(name))
		.filter((size) => size !== undefined)
		.sort((a, b) => a.width - b.width);
	const info: ImageServiceInfo = {
		'@context': iiifContext,
		type: 'ImageService3',
		protocol: 'http://iiif.io/api/image',
		profile: 'level0',
		width,
		height,
		tiles: [{ width: tileWidth, height: positiveInteger(tile?.height) ?? tileWidth, scaleFactors: scaleFactors as number[] }],
		sizes
	};
	await writeFile(join(folder, 'info.json'), JSON.stringify(info));
	let tiles = 0;
	let bytes = 0;
	for (const path of await readdir(folder, { recursive: true, encoding: 'utf8' })) {
		const file = await stat(join(folder, path));
		if (!file.isFile()) continue;
		bytes += file.size;
		if (path.endsWith('default.jpg')) tiles += 1;
	}
	return { info, tiles, bytes };
}

/** info.json as served: the stored description with this service's address as its id. */
export function imageServiceDocument(stored: ImageServiceInfo, id: string): Record<string, unknown> {
	const { '@context': context, ...rest } = stored;
	return { '@context': context, id, ...rest };
}

/** The file of one tile or whole-photo size, as path segments under the service's folder. */
export interface TileRequest {
	region: string;
	size: string;
}

const coordinate = '(?:0|[1-9][0-9]{0,5})';
const dimension = '[1-9][0-9]{0,5}';
const regionPattern = new RegExp(`^(?:full|${coordinate},${coordinate},${dimension},${dimension})$`);
const sizePattern = new RegExp(`^(${dimension}),(${dimension})$`);

/**
 * A tile request from its URL segments, or undefined for anything a level 0
 * service made here cannot have: the region as libvips names it ("full" or
 * "x,y,w,h"), the size as "w,h", no rotation, the default quality as JPEG.
 * Only digits, commas and "full" pass, so no segment can climb out of the folder.
 */
export function parseTileRequest(region: string, size: string, rotation: string, quality: string): TileRequest | undefined {
	if (rotation !== '0' || quality !== 'default.jpg') return undefined;
	if (!regionPattern.test(region) || !sizePattern.test(size)) return undefined;
	return { region, size };
}

function parseSizeSegment(segment: string): { width: number; height: number } | undefined {
	const match = sizePattern.exec(segment);
	return match ? { width: Number(match[1]), height: Number(match[2]) } : undefined;
}

function positiveInteger(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}
