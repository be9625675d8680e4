import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '$lib/server/platform/errors';
import {
	detectUploadType,
	inspectUpload,
	mediaLimits,
	processImage,
	UploadRejectedError,
	widthsFor,
	type ProcessedImage
} from './image-processing';
import {
	heicDisplayP3,
	heicFromPhone,
	heicSample,
	heicTransparent,
	phoneJpegWithGps,
	photoLike,
	readExifGps,
	solid,
	withHeifTransform
} from '../../../../../tests/support/test-images';

async function rejection(promise: Promise<unknown>): Promise<UploadRejectedError> {
	const error = await promise.then(
		() => undefined,
		(thrown: unknown) => thrown
	);
	expect(error).toBeInstanceOf(UploadRejectedError);
	return error as UploadRejectedError;
}

async function pixel(image: Buffer, x: number, y: number): Promise<number[]> {
	const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
	const at = (y * info.width + x) * info.channels;
	return [...data.subarray(at, at + info.channels)];
}

function expectClose(actual: number[], expected: number[], tolerance: number) {
	expected.forEach((value, i) => expect(Math.abs(actual[i]! - value), `channel ${i}: ${actual[i]} vs ${value}`).toBeLessThanOrEqual(tolerance));
}

describe('the type of an upload comes from its content', () => {
	it('recognizes JPEG, PNG, WebP, AVIF and HEIC by their first bytes, whatever they are called', async () => {
		const base = solid(40, 30, '#3366cc');
		expect(detectUploadType(await base.clone().jpeg().toBuffer())).toBe('jpeg');
		expect(detectUploadType(await base.clone().png().toBuffer())).toBe('png');
		expect(detectUploadType(await base.clone().webp().toBuffer())).toBe('webp');
		expect(detectUploadType(await base.clone().avif().toBuffer())).toBe('avif');
		expect(detectUploadType(heicSample)).toBe('heic');
	});

	it('knows nothing else: text, GIF, SVG, TIFF, PDF and empty files', async () => {
		expect(detectUploadType(Buffer.from('Just some notes, saved as holiday.jpg\n'))).toBeUndefined();
		expect(detectUploadType(await solid(10, 10, '#000').gif().toBuffer())).toBeUndefined();
		expect(detectUploadType(await solid(10, 10, '#000').tiff().toBuffer())).toBeUndefined();
		expect(detectUploadType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
		expect(detectUploadType(Buffer.from('%PDF-1.7\n'))).toBeUndefined();
		expect(detectUploadType(new Uint8Array())).toBeUndefined();
		// An MP4 video shares the ftyp box with HEIF but not the brands.
		const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom\0\0\0\0isommp42')]);
		expect(detectUploadType(mp4)).toBeUndefined();
	});

	it('accepts each photo format and reports the detected type and upright size', async () => {
		const base = solid(120, 80, '#3366cc');
		const cases = [
			[await base.clone().jpeg().toBuffer(), 'jpeg', 'image/jpeg'],
			[await base.clone().png().toBuffer(), 'png', 'image/png'],
			[await base.clone().webp().toBuffer(), 'webp', 'image/webp'],
			[await base.clone().avif().toBuffer(), 'avif', 'image/avif']
		] as const;
		for (const [bytes, type, mimeType] of cases) {
			const result = await inspectUpload(bytes);
			expect(result).toEqual({ ok: true, upload: { type, mimeType, width: 120, height: 80, bytes: bytes.length } });
		}
		expect(await inspectUpload(heicSample)).toEqual({
			ok: true,
			upload: { type: 'heic', mimeType: 'image/heic', width: 96, height: 64, bytes: heicSample.length }
		});
	});
});

describe('uploads that are refused, with a code and a message that says what is accepted', () => {
	const acceptedHint = /Accepted: JPEG, PNG, WebP, AVIF or HEIC photos up to 20 MB and 50 megapixels/;

	it('refuses a text file renamed .jpg as an unsupported type', async () => {
		const text = Buffer.from('These are not the pixels you are looking for.\n'.repeat(20));
		expect(await inspectUpload(text)).toEqual({ ok: false, code: 'unsupported_type' });
		const error = await rejection(processImage(text));
		expect(error.code).toBe('unsupported_type');
		expect(error).toBeInstanceOf(ValidationError);
		expect(error.issues.file).toMatch(acceptedHint);
	});

	it('refuses a file over the size limit before looking at it', async () => {
		const oversized = Buffer.alloc(mediaLimits.maxBytes + 1);
		oversized.set([0xff, 0xd8, 0xff], 0);
		expect(await inspectUpload(oversized)).toEqual({ ok: false, code: 'too_large' });
		const error = await rejection(processImage(oversized));
		expect(error.code).toBe('too_large');
		expect(error.message).toMatch(/larger than 20 MB/);
		expect(error.message).toMatch(acceptedHint);

		const photo = await solid(100, 100, '#888').jpeg().toBuffer();
		expect(await inspectUpload(photo, { ...mediaLimits, maxBytes: photo.length - 1 })).toEqual({ ok: false, code: 'too_large' });
		expect((await inspectUpload(photo, { ...mediaLimits, maxBytes: photo.length })).ok).toBe(true);
	});

	it('refuses a truncated JPEG, a truncated PNG and garbage behind a JPEG header as corrupt', async () => {
		const jpeg = await photoLike(600, 400);
		const truncated = jpeg.subarray(0, Math.floor(jpeg.length * 0.6));
		expect(await inspectUpload(truncated)).toEqual({ ok: false, code: 'corrupt' });
		expect((await rejection(processImage(truncated))).code).toBe('corrupt');

		const png = await sharp(jpeg).png().toBuffer();
		expect(await inspectUpload(png.subarray(0, png.length - 200))).toEqual({ ok: false, code: 'corrupt' });

		const garbage = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5000, 0x41)]);
		expect(await inspectUpload(garbage)).toEqual({ ok: false, code: 'corrupt' });
		expect((await rejection(processImage(garbage))).message).toMatch(/damaged or incomplete/);
	});

	it('refuses a decompression bomb from its header, before decoding it', async () => {
		// 56 megapixels of one grey: a small file that would take 168 MB to decode.
		const bomb = await solid(8000, 7000, '#808080').png({ compressionLevel: 9 }).toBuffer();
		expect(bomb.length).toBeLessThan(mediaLimits.maxBytes);
		expect(await inspectUpload(bomb)).toEqual({ ok: false, code: 'too_many_pixels' });
		const error = await rejection(processImage(bomb));
		expect(error.code).toBe('too_many_pixels');
		expect(error.message).toMatch(/more than 50 megapixels/);

		const small = await solid(400, 300, '#808080').png().toBuffer();
		expect(await inspectUpload(small, { ...mediaLimits, maxPixels: 119_999 })).toEqual({ ok: false, code: 'too_many_pixels' });
		expect((await inspectUpload(small, { ...mediaLimits, maxPixels: 120_000 })).ok).toBe(true);
	});

	it('refuses a truncated HEIC as corrupt, whether the cut is in its pixels or before', async () => {
		// Cut in the compressed pixels at the end: the header still reads, the HEVC data ends early.
		const cut = heicSample.subarray(0, heicSample.length - 12);
		expect(await sharp(cut).metadata()).toMatchObject({ format: 'heif', compression: 'hevc', width: 96, height: 64 });
		expect(await inspectUpload(cut)).toEqual({ ok: false, code: 'corrupt' });
		const error = await rejection(processImage(cut));
		expect(error.code).toBe('corrupt');
		expect(error.message).toMatch(/damaged or incomplete/);
		expect(error.message).toMatch(acceptedHint);

		// Cut in the EXIF data (after the pixels in this file) or in the header: libvips cannot read it.
		for (const length of [heicFromPhone.length - 40, 1000, 300]) {
			expect(await inspectUpload(heicFromPhone.subarray(0, length)), `${length} bytes`).toEqual({ ok: false, code: 'corrupt' });
		}
	});

	it('refuses a HEIC with too many pixels from its header, before decoding it', async () => {
		const pixels = 96 * 64;
		expect(await inspectUpload(heicSample, { ...mediaLimits, maxPixels: pixels - 1 })).toEqual({ ok: false, code: 'too_many_pixels' });
		expect((await inspectUpload(heicSample, { ...mediaLimits, maxPixels: pixels })).ok).toBe(true);
		// A file whose pixels cannot be decoded is refused for its size, not as damaged: no decode was tried.
		const cut = heicSample.subarray(0, heicSample.length - 12);
		expect(await inspectUpload(cut, { ...mediaLimits, maxPixels: pixels - 1 })).toEqual({ ok: false, code: 'too_many_pixels' });
	});
});

describe('HEIC photos, decoded by heic-decode (libheif in WebAssembly)', () => {
	it('become AVIF, WebP and JPEG variants of the same size, with the same colours', async () => {
		// The prebuilt libvips reads the header but cannot decode HEVC itself.
		expect(await sharp(heicSample).metadata()).toMatchObject({ format: 'heif', compression: 'hevc', width: 96, height: 64 });
		const result = await processImage(heicSample);
		expect(result.upload).toEqual({ type: 'heic', mimeType: 'image/heic', width: 96, height: 64, bytes: heicSample.length });
		expect([result.width, result.height]).toEqual([96, 64]);
		expect(result.variants.map((v) => `${v.format} ${v.width}x${v.height}`)).toEqual(['avif 96x64', 'jpeg 96x64', 'webp 96x64']);
		for (const variant of result.variants) {
			const metadata = await sharp(variant.bytes).metadata();
			expect(metadata.format).toBe(variant.format === 'avif' ? 'heif' : variant.format);
			if (variant.format === 'avif') expect(metadata.compression).toBe('av1');
			expect([metadata.width, metadata.height]).toEqual([96, 64]);
			// An opaque photo stays opaque: no alpha channel from heic-decode's RGBA.
			expect(metadata.hasAlpha, variant.format).toBe(false);
			expectClose((await pixel(variant.bytes, 48, 32)).slice(0, 3), [199, 80, 40], 8);
		}
	});

	it('keeps no metadata of a phone HEIC: no EXIF, GPS, XMP, ICC or orientation', async () => {
		const metadata = await sharp(heicFromPhone).metadata();
		expect(readExifGps(metadata.exif!)?.get(2)).toEqual([27, 42, 36]);
		expect(metadata.xmp?.toString()).toContain('GPSLatitude');
		expect(metadata.icc).toBeDefined();

		const result = await processImage(heicFromPhone);
		expect(result.variants).toHaveLength(3);
		for (const variant of result.variants) {
			const output = await sharp(variant.bytes).metadata();
			const label = `${variant.format} ${variant.width}`;
			expect(output.exif, label).toBeUndefined();
			expect(output.xmp, label).toBeUndefined();
			expect(output.iptc, label).toBeUndefined();
			expect(output.icc, label).toBeUndefined();
			expect(output.orientation, label).toBeUndefined();
			const text = variant.bytes.toString('latin1');
			for (const trace of ['PhoneMaker', 'xmpmeta', 'GPSLatitude', 'Camera 1.0']) expect(text, label).not.toContain(trace);
		}
	});

	async function corners(heic: Buffer) {
		const result = await processImage(heic);
		const jpeg = result.variants.find((v) => v.format === 'jpeg')!;
		const [w, h] = [jpeg.width, jpeg.height];
		return {
			size: [result.upload.width, result.upload.height, w, h],
			topLeft: await pixel(jpeg.bytes, 6, 6),
			topRight: await pixel(jpeg.bytes, w - 7, 6),
			bottomLeft: await pixel(jpeg.bytes, 6, h - 7),
			bottomRight: await pixel(jpeg.bytes, w - 7, h - 7)
		};
	}
	const [red, green, blue, grey] = [
		[255, 0, 0],
		[0, 255, 0],
		[0, 0, 255],
		[128, 128, 128]
	];
	function expectCorners(actual: Awaited<ReturnType<typeof corners>>, expected: Record<'topLeft' | 'topRight' | 'bottomLeft' | 'bottomRight', number[]>) {
		for (const corner of ['topLeft', 'topRight', 'bottomLeft', 'bottomRight'] as const) {
			expect(actual[corner].every((value, i) => Math.abs(value - expected[corner][i]!) <= 40), `${corner}: ${actual[corner]}`).toBe(true);
		}
	}

	it('goes by the HEIF rotation, not by the EXIF orientation, which HEIF readers ignore', async () => {
		// EXIF Orientation 6 and no irot: the pixels are shown as stored.
		const asStored = await corners(heicFromPhone);
		expect(asStored.size).toEqual([96, 64, 96, 64]);
		expectCorners(asStored, { topLeft: red, topRight: green, bottomLeft: blue, bottomRight: grey });

		// irot 3 (three quarter turns anticlockwise), as a phone held upright stores its photos:
		// libheif turns the pixels, and the size reported at upload is the turned one.
		const upright = await corners(withHeifTransform(heicFromPhone, { quarterTurns: 3 }));
		expect(upright.size).toEqual([64, 96, 64, 96]);
		expectCorners(upright, { topLeft: blue, topRight: red, bottomLeft: grey, bottomRight: green });

		const quarterTurn = await corners(withHeifTransform(heicFromPhone, { quarterTurns: 1 }));
		expect(quarterTurn.size).toEqual([64, 96, 64, 96]);
		expectCorners(quarterTurn, { topLeft: green, topRight: grey, bottomLeft: red, bottomRight: blue });
	});

	it('applies the HEIF mirroring', async () => {
		expectCorners(await corners(withHeifTransform(heicFromPhone, { mirrorAxis: 0 })), {
			topLeft: blue,
			topRight: grey,
			bottomLeft: red,
			bottomRight: green
		});
		expectCorners(await corners(withHeifTransform(heicFromPhone, { mirrorAxis: 1 })), {
			topLeft: green,
			topRight: red,
			bottomLeft: grey,
			bottomRight: blue
		});
	});

	it('converts a Display P3 HEIC to sRGB before dropping its profile', async () => {
		expect((await sharp(heicDisplayP3).metadata()).icc).toBeDefined();
		const result = await processImage(heicDisplayP3);
		for (const variant of result.variants) {
			expect((await sharp(variant.bytes).metadata()).icc).toBeUndefined();
			expectClose((await pixel(variant.bytes, 10, 10)).slice(0, 3), [0, 160, 60], 8);
		}
	});

	it('keeps the transparency of a HEIC with an alpha channel in AVIF and WebP', async () => {
		const result = await processImage(heicTransparent);
		const byFormat = Object.fromEntries(result.variants.map((v) => [v.format, v.bytes]));
		expectClose(await pixel(byFormat.jpeg!, 50, 40), [255, 255, 255], 2);
		expect((await sharp(byFormat.webp!).metadata()).hasAlpha).toBe(true);
		expect((await sharp(byFormat.avif!).metadata()).hasAlpha).toBe(true);
		expect((await pixel(byFormat.webp!, 50, 40))[3]).toBe(0);
	});
});

describe('widths of the variants', () => {
	it('uses the standard widths a photo covers, and never upscales', () => {
		expect(widthsFor(4000)).toEqual([320, 640, 960, 1280, 1920]);
		expect(widthsFor(1920)).toEqual([320, 640, 960, 1280, 1920]);
		expect(widthsFor(1500)).toEqual([320, 640, 960, 1280, 1500]);
		expect(widthsFor(640)).toEqual([320, 640]);
		expect(widthsFor(700)).toEqual([320, 640, 700]);
		expect(widthsFor(200)).toEqual([200]);
	});

	it('makes a small photo only at its own width, in each format', async () => {
		const result = await processImage(await solid(200, 150, '#aa5500').png().toBuffer());
		expect(result.variants.map((v) => [v.format, v.width, v.height])).toEqual([
			['avif', 200, 150],
			['jpeg', 200, 150],
			['webp', 200, 150]
		]);
		// The dominant colour is the centre of a 16-level histogram bin: #aa5500 falls in #a85808.
		expect(result.color).toBe('#a85808');
	});
});

describe('a phone photo with its GPS position and an EXIF orientation', () => {
	let input: Buffer;
	let result: ProcessedImage;
	beforeAll(async () => {
		input = await phoneJpegWithGps(1000, 700);
		result = await processImage(input);
	});

	it('really carries GPS position, XMP and orientation before processing', async () => {
		const metadata = await sharp(input).metadata();
		expect(metadata.orientation).toBe(6);
		expect(metadata.xmp?.toString()).toContain('GPSLatitude');
		const gps = readExifGps(metadata.exif!);
		expect(gps?.get(1)).toBe('N');
		expect(gps?.get(2)).toEqual([27, 42, 36]);
		expect(gps?.get(4)).toEqual([85, 19, 12]);
	});

	it('keeps no metadata at all in any variant: no EXIF, GPS, XMP, IPTC, ICC or orientation', async () => {
		expect(result.variants).toHaveLength(9);
		for (const variant of result.variants) {
			const metadata = await sharp(variant.bytes).metadata();
			const label = `${variant.format} ${variant.width}`;
			expect(metadata.exif, label).toBeUndefined();
			expect(metadata.xmp, label).toBeUndefined();
			expect(metadata.iptc, label).toBeUndefined();
			expect(metadata.icc, label).toBeUndefined();
			expect(metadata.orientation, label).toBeUndefined();
			const text = variant.bytes.toString('latin1');
			for (const trace of ['PhoneMaker', 'xmpmeta', 'GPSLatitude', 'Camera 1.0']) expect(text, label).not.toContain(trace);
		}
	});

	it('turns the pixels upright instead of keeping the tag', async () => {
		expect([result.width, result.height]).toEqual([700, 1000]);
		expect(result.variants.map((v) => `${v.format} ${v.width}x${v.height}`)).toEqual([
			'avif 320x457',
			'jpeg 320x457',
			'webp 320x457',
			'avif 640x914',
			'jpeg 640x914',
			'webp 640x914',
			'avif 700x1000',
			'jpeg 700x1000',
			'webp 700x1000'
		]);
		// The red square stored at the top left shows at the top right, the blue one
		// stored at the bottom right at the bottom left.
		const jpeg = result.variants.find((v) => v.format === 'jpeg' && v.width === 700)!;
		expectClose(await pixel(jpeg.bytes, 700 - 20, 20), [255, 0, 0], 40);
		expectClose(await pixel(jpeg.bytes, 20, 1000 - 20), [0, 0, 255], 40);
	});
});

describe('colour and transparency', () => {
	it('converts a wide-gamut (Display P3) photo to sRGB before dropping its profile', async () => {
		// sRGB green-teal, stored as Display P3 numbers with the P3 profile attached.
		const p3 = await solid(64, 64, '#00a03c').withIccProfile('p3').png().toBuffer();
		const storedNumbers = await pixel(await sharp(p3, { ignoreIcc: true }).png().toBuffer(), 10, 10);
		expect(Math.abs(storedNumbers[0]! - 0)).toBeGreaterThan(20);

		const result = await processImage(p3);
		for (const variant of result.variants) {
			expect((await sharp(variant.bytes).metadata()).icc).toBeUndefined();
			expectClose((await pixel(variant.bytes, 10, 10)).slice(0, 3), [0, 160, 60], 6);
		}
	});

	it('paints transparency white in JPEG and keeps it in AVIF and WebP', async () => {
		const transparent = await sharp({
			create: { width: 100, height: 80, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } }
		})
			.png()
			.toBuffer();
		const result = await processImage(transparent);
		const byFormat = Object.fromEntries(result.variants.map((v) => [v.format, v.bytes]));
		expectClose(await pixel(byFormat.jpeg!, 50, 40), [255, 255, 255], 2);
		expect((await sharp(byFormat.webp!).metadata()).hasAlpha).toBe(true);
		expect((await sharp(byFormat.avif!).metadata()).hasAlpha).toBe(true);
	});
});

describe('less common photos', () => {
	it('handles 16-bit PNG, greyscale JPEG and CMYK JPEG, giving 8-bit sRGB variants', async () => {
		const inputs = [
			await solid(400, 300, '#336699').toColourspace('rgb16').png().toBuffer(),
			await solid(400, 300, '#777777').toColourspace('b-w').jpeg().toBuffer(),
			await solid(400, 300, '#336699').toColourspace('cmyk').jpeg().toBuffer()
		];
		expect((await sharp(inputs[0]!).metadata()).depth).toBe('ushort');
		expect((await sharp(inputs[2]!).metadata()).space).toBe('cmyk');
		for (const input of inputs) {
			const result = await processImage(input);
			expect(result.variants.map((v) => `${v.format} ${v.width}`)).toEqual([
				'avif 320', 'jpeg 320', 'webp 320', 'avif 400', 'jpeg 400', 'webp 400'
			]);
			for (const variant of result.variants) {
				const metadata = await sharp(variant.bytes).metadata();
				expect(metadata.depth).toBe('uchar');
				expect(metadata.space).toBe('srgb');
			}
		}
	});
});

describe('a 12-megapixel phone photo (4000×3000)', () => {
	let input: Buffer;
	let result: ProcessedImage;
	beforeAll(async () => {
		input = await photoLike(4000, 3000);
		result = await processImage(input);
	}, 60_000);

	it('becomes AVIF, WebP and JPEG at 320, 640, 960, 1280 and 1920 pixels wide', async () => {
		expect(result.upload).toMatchObject({ type: 'jpeg', width: 4000, height: 3000 });
		expect([result.width, result.height]).toEqual([1920, 1440]);
		expect(result.variants.map((v) => `${v.format} ${v.width}x${v.height}`).sort()).toEqual(
			['avif', 'jpeg', 'webp']
				.flatMap((format) => [
					[320, 240],
					[640, 480],
					[960, 720],
					[1280, 960],
					[1920, 1440]
				].map(([w, h]) => `${format} ${w}x${h}`))
				.sort()
		);
		for (const variant of result.variants) {
			const metadata = await sharp(variant.bytes).metadata();
			expect(metadata.format).toBe(variant.format === 'avif' ? 'heif' : variant.format);
			expect([metadata.width, metadata.height]).toEqual([variant.width, variant.height]);
		}
	});

	it('gives files that are light for slow connections, AVIF the lightest', () => {
		const size = (format: string, width: number) => result.variants.find((v) => v.format === format && v.width === width)!.bytes.length;
		for (const width of [320, 640, 960, 1280, 1920]) {
			expect(size('avif', width)).toBeLessThan(size('jpeg', width));
			expect(size('jpeg', width)).toBeLessThan(input.length / 4);
		}
		expect(size('avif', 320)).toBeLessThan(30_000);
		expect(size('jpeg', 1920)).toBeLessThan(700_000);
	});

	it('progressive JPEG variants', async () => {
		for (const variant of result.variants.filter((v) => v.format === 'jpeg')) {
			expect((await sharp(variant.bytes).metadata()).isProgressive).toBe(true);
		}
	});
});

describe('processing one photo at a time', () => {
	it('processes photos sent at once one after the other, each to its own result', async () => {
		const inputs = await Promise.all(['#ff0000', '#00ff00', '#0000ff'].map((c) => solid(300, 200, c).jpeg().toBuffer()));
		const results = await Promise.all([...inputs.map((i) => processImage(i)), processImage(Buffer.from('nope'))].map((p) => p.catch((e: unknown) => e)));
		expect(results.slice(0, 3).map((r) => (r as ProcessedImage).color)).toEqual(['#f80808', '#08f808', '#0808f8']);
		expect(results[3]).toBeInstanceOf(UploadRejectedError);
		// A refused upload does not block the queue.
		expect((await processImage(inputs[0]!)).variants.map((v) => v.width)).toEqual([300, 300, 300]);
	});
});
