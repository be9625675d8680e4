import sharp, { type Create, type Exif } from 'sharp';

/*
 * Test photos made with sharp itself: nothing is downloaded and no binary
 * fixture is needed except the HEICs below, which sharp cannot write.
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

/**
 * A HEIC as a phone writes it, made with heif-enc from a JPEG with `gpsExif` and
 * `gpsXmp` (so also with an sRGB ICC profile): 96×64, grey with a red square (24×24)
 * at the top left, a green one at the top right and a blue one at the bottom left.
 * Its EXIF says Orientation 6, which HEIF readers ignore: in HEIF, only the irot
 * and imir boxes turn an image (see `withHeifTransform`), and this file has none.
 */
export const heicFromPhone = Buffer.from(
	'AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAA7dtZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAAAA5waXRtAAAAAAABAAAARmlsb2MAAAAAREAAAwABAAAAAAPbAAEAAAAAAAAA5QACAAAAAATAAAEAAAAAAAABcAADAAAAAAYwAAEAAAAAAAAA8QAAAGJpaW5mAAAAAAADAAAAFWluZmUCAAAAAAEAAGh2YzEAAAAAFWluZmUCAAABAAIAAEV4aWYAAAAAKmluZmUCAAABAAMAAG1pbWUAYXBwbGljYXRpb24vcmRmK3htbAAAAAACrGlwcnAAAAKNaXBjbwAAAHVodmNDAQNwAAAAAAAAAAAAHvAA/P34+AAADwMgAAEAGEABDAH//wNwAAADAJAAAAMAAAMAHroCQCEAAQAoQgEBA3AAAAMAkAAAAwAAAwAeoDCBBZbqSSmubAgAAAMACAAAAwAIQCIAAQAHRAHBcrAiQAAAABRpc3BlAAAAAAAAAGAAAABAAAAB7GNvbHJwcm9mAAAB4GxjbXMEIAAAbW50clJHQiBYWVogB+IAAwAUAAkADgAdYWNzcE1TRlQAAAAAc2F3c2N0cmwAAAAAAAAAAAAAAAAAAPbWAAEAAAAA0y1oYW5keem/Vlo+AbaDI4VVRvdPqgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAKZGVzYwAAAPwAAAAkY3BydAAAASAAAAAid3RwdAAAAUQAAAAUY2hhZAAAAVgAAAAsclhZWgAAAYQAAAAUZ1hZWgAAAZgAAAAUYlhZWgAAAawAAAAUclRSQwAAAcAAAAAgZ1RSQwAAAcAAAAAgYlRSQwAAAcAAAAAgbWx1YwAAAAAAAAABAAAADGVuVVMAAAAIAAAAHABzAFIARwBCbWx1YwAAAAAAAAABAAAADGVuVVMAAAAGAAAAHABDAEMAMAAAWFlaIAAAAAAAAPbWAAEAAAAA0y1zZjMyAAAAAAABDD8AAAXd///zJgAAB5AAAP2S///7of///aIAAAPcAADAcVhZWiAAAAAAAABvoAAAOPIAAAOPWFlaIAAAAAAAAGKWAAC3iQAAGNpYWVogAAAAAAAAJKAAAA+FAAC2xHBhcmEAAAAAAAMAAAACZmkAAPKnAAANWQAAE9AAAApbAAAAEHBpeGkAAAAAAwgICAAAABdpcG1hAAAAAAAAAAEAAQSBAoOEAAAAKGlyZWYAAAAAAAAADmNkc2MAAgABAAEAAAAOY2RzYwADAAEAAQAAA05tZGF0AAAA4SgBrw7g6I9+F19nYP/7HfyHsI4Xc1bh3aCsvJm/F3ImgQtbF4NZQjWArFytnDuK7K6MYknQJ+zYy7QaXy5Gn5Ib75OaDnaJ3jqyj3HZACTnGScNQE15mAO+vLjCfY7UKA8hbdGNAt2FhPlSkjH4UpfKiUeP8mhUKSeren5dLzqlhvG8kb9uega7nDrgJ1CMvi1qWDxqaqzggkxFok7h7i6jKUsGma5J4p2Uvcdja9+T7+B4jHwyv9371SMRBCL7QNdupCvZrPMVwMfXM5Dyy2GHEogbcEbRNo7SvIfLpoKa7gAAAABJSSoACAAAAAoADwECAAsAAACsAAAAEAECAAkAAACiAAAAEgEDAAEAAAAGAAAAGgEFAAEAAACGAAAAGwEFAAEAAACOAAAAKAEDAAEAAAACAAAAMQECAAsAAACWAAAAEwIDAAEAAAABAAAAaYcEAAEAAAC4AAAAJYgEAAEAAAAGAQAAAAAAADhjAADoAwAAOGMAAOgDAABDYW1lcmEgMS4wAABQaG9uZSAxMgAAUGhvbmVNYWtlcgAABgAAkAcABAAAADAyMTABkQcABAAAAAECAwAAoAcABAAAADAxMDABoAMAAQAAAP//AAACoAQAAQAAAGAAAAADoAQAAQAAAEAAAAAAAAAABAABAAIAAgAAAE4AAAACAAUAAwAAAFQBAAADAAIAAgAAAEUAAAAEAAUAAwAAADwBAAAAAAAAVQAAAAEAAAATAAAAAQAAALAEAABkAAAAGwAAAAEAAAAqAAAAAQAAABAOAABkAAAAPHg6eG1wbWV0YSB4bWxuczp4PSJhZG9iZTpuczptZXRhLyI+PHJkZjpSREYgeG1sbnM6cmRmPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5LzAyLzIyLXJkZi1zeW50YXgtbnMjIj48cmRmOkRlc2NyaXB0aW9uIHhtbG5zOmV4aWY9Imh0dHA6Ly9ucy5hZG9iZS5jb20vZXhpZi8xLjAvIiBleGlmOkdQU0xhdGl0dWRlPSIyNyw0Mi42TiIgZXhpZjpHUFNMb25naXR1ZGU9Ijg1LDE5LjJFIi8+PC9yZGY6UkRGPjwveDp4bXBtZXRhPg==',
	'base64'
);

/**
 * A HEIC made with heif-enc from a 64×64 PNG of sRGB #00a03c stored as Display P3
 * numbers with the P3 profile attached (as iPhones do): the HEIC carries the profile.
 */
export const heicDisplayP3 = Buffer.from(
	'AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAy9tZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAAAA5waXRtAAAAAAABAAAAImlsb2MAAAAAREAAAQABAAAAAANTAAEAAAAAAAAAHAAAACNpaW5mAAAAAAABAAAAFWluZmUCAAAAAAEAAGh2YzEAAAACr2lwcnAAAAKQaXBjbwAAAHhodmNDAQNwAAAAAAAAAAAAHvAA/P34+AAADwMgAAEAGEABDAH//wNwAAADAJAAAAMAAAMAHroCQCEAAQArQgEBA3AAAAMAkAAAAwAAAwAeoCCBBZbqSSmubgQEDAgAAAMACAAAAwAIQCIAAQAHRAHBcrAiQAAAABRpc3BlAAAAAAAAAEAAAABAAAAB7GNvbHJwcm9mAAAB4GxjbXMEIAAAbW50clJHQiBYWVogB+IAAwAUAAkADgAdYWNzcE1TRlQAAAAAc2F3c2N0cmwAAAAAAAAAAAAAAAAAAPbWAAEAAAAA0y1oYW5kguKocouKP/clPrmS7iTWrgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAKZGVzYwAAAPwAAAAkY3BydAAAASAAAAAid3RwdAAAAUQAAAAUY2hhZAAAAVgAAAAsclhZWgAAAYQAAAAUZ1hZWgAAAZgAAAAUYlhZWgAAAawAAAAUclRSQwAAAcAAAAAgZ1RSQwAAAcAAAAAgYlRSQwAAAcAAAAAgbWx1YwAAAAAAAAABAAAADGVuVVMAAAAIAAAAHABzAFAAMwBDbWx1YwAAAAAAAAABAAAADGVuVVMAAAAGAAAAHABDAEMAMAAAWFlaIAAAAAAAAPbWAAEAAAAA0y1zZjMyAAAAAAABDEIAAAXe///zJQAAB5MAAP2Q///7of///k4AAAOaAADAFFhZWiAAAAAAAACD3wAAPb8AAAAAWFlaIAAAAAAAAEq/AACxNwAACrVYWVogAAAAAAAAKDgAABEKAADIeHBhcmEAAAAAAAMAAAACZmkAAPKnAAANWQAAE9AAAApbAAAAEHBpeGkAAAAAAwgICAAAABdpcG1hAAAAAAAAAAEAAQSBAoOEAAAAJG1kYXQAAAAYKAGvE4DmqHDT//BFH/7ker/s90tJ5v3w',
	'base64'
);

/** A HEIC made with heif-enc from a fully transparent 100×80 PNG: it has an alpha channel. */
export const heicTransparent = Buffer.from(
	'AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAkZtZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAAAA5waXRtAAAAAAABAAAANGlsb2MAAAAAREAAAgABAAAAAAJqAAEAAAAAAAAAJwACAAAAAAKRAAEAAAAAAAAAHAAAADhpaW5mAAAAAAACAAAAFWluZmUCAAAAAAEAAGh2YzEAAAAAFWluZmUCAAAAAAIAAGh2YzEAAAABhWlwcnAAAAFgaXBjbwAAAHhodmNDAQNwAAAAAAAAAAAAHvAA/P34+AAADwMgAAEAGEABDAH//wNwAAADAJAAAAMAAAMAHroCQCEAAQArQgEBA3AAAAMAkAAAAwAAAwAeoDSBR35bqSSmubgQEDAgAAADACAAAAMAISIAAQAHRAHBcrAiQAAAABRpc3BlAAAAAAAAAGQAAABQAAAAEHBpeGkAAAAAAwgICAAAAHNodmNDAQQIAAAAAAAAAAAAHvAA/Pz4+AAADwMgAAEAF0ABDAH//wQIAAADAJ/4AAADAAAeugJAIQABACdCAQEECAAAAwCf+AAAAwAAHsDSBRy+W6kkprmwIAAAAwAgAAADACEiAAEAB0QBwXKwIkAAAAAUaXNwZQAAAAAAAABkAAAAUAAAAA5waXhpAAAAAAEIAAAAJ2F1eEMAAAAAdXJuOm1wZWc6aGV2YzoyMDE1OmF1eGlkOjEAAAAAHWlwbWEAAAAAAAAAAgABA4ECgwACBIQFhocAAAAaaXJlZgAAAAAAAAAOYXV4bAACAAEAAQAAAEttZGF0AAAAIygBrxOA5shoU///uuOnlGGgcyzKrj92ld+AAqQAAHKAAPOAAAAAGCgBrifD9Cn//91x2X9qYS7UnoGmBAAtYA==',
	'base64'
);

export interface HeifTransform {
	/** irot: quarter turns anticlockwise. */
	quarterTurns?: 1 | 2 | 3;
	/**
	 * imir, after the rotation. The standard's wording was read both ways; libheif
	 * and iPhones, like its 2022 amendment, take 0 as exchanging top and bottom and
	 * 1 as exchanging left and right.
	 */
	mirrorAxis?: 0 | 1;
}

/**
 * The same HEIF file with a rotation (irot) and/or a mirroring (imir) added to its
 * primary image, as phones store photos taken sideways: the pixels stay as the
 * sensor saw them and the file says how to turn them. heif-enc cannot write these
 * boxes. Only for files laid out as heif-enc writes them: ftyp, meta, then mdat.
 */
export function withHeifTransform(heif: Buffer, transform: HeifTransform): Buffer {
	const file = Buffer.from(heif);
	const box = (at: number) => ({ at, size: file.readUInt32BE(at), type: file.toString('latin1', at + 4, at + 8) });
	const children = (start: number, end: number) => {
		const found = [];
		for (let at = start; at < end; ) {
			const child = box(at);
			found.push(child);
			at += child.size;
		}
		return found;
	};
	const find = (list: ReturnType<typeof box>[], type: string) => {
		const found = list.find((b) => b.type === type);
		if (!found) throw new Error(`no ${type} box`);
		return found;
	};
	const top = children(0, file.length);
	const meta = find(top, 'meta');
	const mdat = find(top, 'mdat');
	if (mdat.at < meta.at) throw new Error('expects meta before mdat');
	const metaChildren = children(meta.at + 12, meta.at + meta.size);
	const pitm = find(metaChildren, 'pitm');
	const primary = file.readUInt16BE(pitm.at + 12);
	const iloc = find(metaChildren, 'iloc');
	const iprp = find(metaChildren, 'iprp');
	const iprpChildren = children(iprp.at + 8, iprp.at + iprp.size);
	const ipco = find(iprpChildren, 'ipco');
	const ipma = find(iprpChildren, 'ipma');
	if (file[ipma.at + 8] !== 0 || (file.readUInt32BE(ipma.at + 8) & 1) !== 0) throw new Error('expects ipma version 0, flags 0');

	const added: Buffer[] = [];
	if (transform.quarterTurns) added.push(Buffer.from([0, 0, 0, 9, ...Buffer.from('irot'), transform.quarterTurns]));
	if (transform.mirrorAxis !== undefined) added.push(Buffer.from([0, 0, 0, 9, ...Buffer.from('imir'), transform.mirrorAxis]));
	const propertyCount = children(ipco.at + 8, ipco.at + ipco.size).length;
	const newProperties = Buffer.concat(added);

	// The primary item's entry in ipma gets one essential association per new property.
	const entryCount = file.readUInt32BE(ipma.at + 12);
	let entryAt = ipma.at + 16;
	let countAt = -1;
	for (let i = 0; i < entryCount; i++) {
		const count = file[entryAt + 2]!;
		if (file.readUInt16BE(entryAt) === primary) countAt = entryAt + 2;
		entryAt += 3 + count;
	}
	if (countAt < 0) throw new Error('primary item has no properties');
	const associationsEnd = countAt + 1 + file[countAt]!;
	file[countAt] = file[countAt]! + added.length;
	const associations = Buffer.from(added.map((_, i) => 0x80 | (propertyCount + 1 + i)));

	const grow = newProperties.length + associations.length;
	// Item data in mdat moves by `grow`: offsets in iloc are from the start of the file.
	const version = file[iloc.at + 8]!;
	const sizes = file.readUInt16BE(iloc.at + 12);
	const [offsetSize, lengthSize, baseOffsetSize, indexSize] = [sizes >> 12, (sizes >> 8) & 15, (sizes >> 4) & 15, version > 0 ? sizes & 15 : 0];
	let at = iloc.at + 14;
	const itemCount = version < 2 ? file.readUInt16BE(at) : file.readUInt32BE(at);
	at += version < 2 ? 2 : 4;
	const shift = (where: number, size: number) => {
		if (size === 4) file.writeUInt32BE(file.readUInt32BE(where) + grow, where);
		else if (size === 8) file.writeBigUInt64BE(file.readBigUInt64BE(where) + BigInt(grow), where);
		else if (size !== 0) throw new Error(`unexpected size ${size}`);
	};
	for (let i = 0; i < itemCount; i++) {
		at += version < 2 ? 2 : 4;
		const method = version > 0 ? file.readUInt16BE(at) & 15 : 0;
		if (version > 0) at += 2;
		at += 2; // data_reference_index
		const fromFile = method === 0;
		if (fromFile && baseOffsetSize > 0) shift(at, baseOffsetSize);
		at += baseOffsetSize;
		const extents = file.readUInt16BE(at);
		at += 2;
		for (let e = 0; e < extents; e++) {
			at += indexSize;
			if (fromFile && baseOffsetSize === 0) shift(at, offsetSize);
			at += offsetSize + lengthSize;
		}
	}

	const ipcoEnd = ipco.at + ipco.size;
	const result = Buffer.concat([
		file.subarray(0, ipcoEnd),
		newProperties,
		file.subarray(ipcoEnd, associationsEnd),
		associations,
		file.subarray(associationsEnd)
	]);
	const enlarge = (boxAt: number, by: number) => result.writeUInt32BE(result.readUInt32BE(boxAt) + by, boxAt);
	enlarge(meta.at, grow);
	enlarge(iprp.at, grow);
	enlarge(ipco.at, newProperties.length);
	// ipma comes after ipco, so it moved by the new properties.
	enlarge(ipma.at + newProperties.length, associations.length);
	return result;
}
