import sharp, { type Create, type Exif } from 'sharp';

/*
 * Test photos made with sharp itself: nothing is downloaded and no binary
 * fixture is needed except the HEIC below, which sharp cannot write.
 */

function noise(width: number, height: number, sigma: number): { create: Create } {
	// sharp ignores the background when noise is given; its type asks for one all the same.
	return { create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma } } };
}

/**
 * Something that compresses like a photo rather than like flat colour or pure
 * noise: soft shapes (noise enlarged 40 times), some texture (enlarged 6 times)
 * and a little sensor grain. A 4000×3000 one is a JPEG of about 3.6 MB, like a
 * 12-megapixel phone photo.
 */
export async function photoLike(width: number, height: number): Promise<Buffer> {
	const texture = await sharp(noise(Math.ceil(width / 6), Math.ceil(height / 6), 40))
		.resize(width, height, { kernel: 'cubic' })
		.raw()
		.toBuffer();
	return sharp(noise(Math.ceil(width / 40), Math.ceil(height / 40), 70))
		.resize(width, height, { kernel: 'cubic' })
		.composite([
			{ input: texture, raw: { width, height, channels: 3 }, blend: 'soft-light' },
			{ input: noise(width, height, 12), blend: 'soft-light' }
		])
		.jpeg({ quality: 92 })
		.toBuffer();
}

export const gpsExif: Exif = {
	IFD0: { Make: 'PhoneMaker', Model: 'Phone 12', Software: 'Camera 1.0' },
	IFD3: {
		GPSLatitudeRef: 'N',
		GPSLatitude: '27/1 42/1 3600/100',
		GPSLongitudeRef: 'E',
		GPSLongitude: '85/1 19/1 1200/100'
	}
};

export const gpsXmp =
	'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
	'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="27,42.6N" exif:GPSLongitude="85,19.2E"/>' +
	'</rdf:RDF></x:xmpmeta>';

/**
 * A JPEG as a phone writes it: GPS position in EXIF and XMP, and an Orientation
 * tag (6: shown turned 90° clockwise). A red square marks the stored top-left
 * corner and a blue one the bottom-right: turned, they show at the top right and
 * the bottom left.
 */
export async function phoneJpegWithGps(width: number, height: number): Promise<Buffer> {
	const red = await solid(100, 100, '#ff0000').png().toBuffer();
	const blue = await solid(100, 100, '#0000ff').png().toBuffer();
	const photo = await sharp(await photoLike(width, height))
		.composite([
			{ input: red, left: 0, top: 0 },
			{ input: blue, left: width - 100, top: height - 100 }
		])
		.jpeg({ quality: 95 })
		.toBuffer();
	return sharp(photo)
		.withExif(gpsExif)
		.withMetadata({ orientation: 6 })
		.withXmp(gpsXmp)
		.jpeg({ quality: 90 })
		.toBuffer();
}

export function solid(width: number, height: number, colour: string) {
	return sharp({ create: { width, height, channels: 3, background: colour } });
}

/** The entries of an EXIF GPS directory, by tag number; undefined when the EXIF has none. */
export function readExifGps(exif: Buffer): Map<number, number[] | string> | undefined {
	// sharp returns EXIF as "Exif\0\0" followed by a TIFF structure.
	const tiff = exif.subarray(exif.toString('latin1', 0, 4) === 'Exif' ? 6 : 0);
	const little = tiff.toString('latin1', 0, 2) === 'II';
	const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
	const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
	const entries = (ifd: number) =>
		Array.from({ length: u16(ifd) }, (_, i) => {
			const at = ifd + 2 + i * 12;
			return { tag: u16(at), type: u16(at + 2), count: u32(at + 4), valueAt: at + 8 };
		});
	const gpsPointer = entries(u32(4)).find((entry) => entry.tag === 0x8825);
	if (!gpsPointer) return undefined;
	const gps = new Map<number, number[] | string>();
	for (const entry of entries(u32(gpsPointer.valueAt))) {
		if (entry.type === 2) {
			const at = entry.count <= 4 ? entry.valueAt : u32(entry.valueAt);
			gps.set(entry.tag, tiff.toString('latin1', at, at + entry.count).replace(/\0+$/, ''));
		} else if (entry.type === 5) {
			const at = u32(entry.valueAt);
			gps.set(
				entry.tag,
				Array.from({ length: entry.count }, (_, i) => u32(at + i * 8) / u32(at + i * 8 + 4))
			);
		}
	}
	return gps;
}

/**
 * A real HEIC (HEVC in HEIF, brand "heic"), 96×64, as an iPhone would send, made
 * with libheif's heif-enc (x265): sharp can write AVIF but not HEVC.
 */
export const heicSample = Buffer.from(
	'AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAT9tZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAAAA5waXRtAAAAAAABAAAAImlsb2MAAAAAREAAAQABAAAAAAFjAAEAAAAAAAAAGwAAACNpaW5mAAAAAAABAAAAFWluZmUCAAAAAAEAAGh2YzEAAAAAv2lwcnAAAAChaXBjbwAAAHVodmNDAQNwAAAAAAAAAAAAHvAA/P34+AAADwMgAAEAGEABDAH//wNwAAADAJAAAAMAAAMAHroCQCEAAQAoQgEBA3AAAAMAkAAAAwAAAwAeoDCBBZbqSSmubAgAAAMACAAAAwAIQCIAAQAHRAHBcrAiQAAAABRpc3BlAAAAAAAAAGAAAABAAAAAEHBpeGkAAAAAAwgICAAAABZpcG1hAAAAAAAAAAEAAQOBAoMAAAAjbWRhdAAAABcoAa9Y+Q6SX//ZXf/44mQ9flzGxkw2MA==',
	'base64'
);
