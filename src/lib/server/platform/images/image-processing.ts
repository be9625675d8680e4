import { crc32, deflateSync } from 'node:zlib';
import sharp, { type Metadata, type Sharp, type SharpOptions } from 'sharp';
import { ValidationError } from '$lib/server/platform/errors';
import { fileChecks } from '$lib/server/platform/file-checks/file-checks';

/*
 * Photos from phones, made safe and light for the public site:
 * the type is read from the bytes (never from the name), the pixels are decoded
 * and re-encoded (nothing of the original file survives), every kind of metadata
 * is dropped (EXIF with its GPS position, XMP, IPTC, ICC after converting to sRGB),
 * and each photo gets AVIF, WebP and JPEG variants at a few widths.
 *
 * sharp decodes everything but HEIC: its prebuilt libvips reads HEIF containers but
 * has no HEVC decoder. HEIC pixels come from heic-decode (libheif compiled to
 * WebAssembly), and sharp takes over from the raw pixels.
 */

export type UploadType = 'jpeg' | 'png' | 'webp' | 'avif' | 'heic';
export type VariantFormat = 'avif' | 'webp' | 'jpeg';

export const uploadMimeTypes: Record<UploadType, string> = {
	jpeg: 'image/jpeg',
	png: 'image/png',
	webp: 'image/webp',
	avif: 'image/avif',
	heic: 'image/heic'
};

export interface MediaLimits {
	maxBytes: number;
	maxPixels: number;
}

/** What the upload form states and what `inspectUpload` enforces. */
export const mediaLimits: MediaLimits = {
	maxBytes: 20 * 1024 * 1024,
	maxPixels: 50_000_000
};

/**
 * The types a person may upload, for the form's `accept` attribute. With HEIC
 * listed, iPhones send their photos as they are instead of converting them to JPEG.
 */
export const acceptedMimeTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/heic', 'image/heif'] as const;

/** Widths of the variants; a photo gets those not wider than itself (never upscaled). */
export const variantWidths = [320, 640, 960, 1280, 1920] as const;
export const variantFormats: readonly VariantFormat[] = ['avif', 'webp', 'jpeg'];
/** The file ending of each variant format. */
export const variantExtensions: Record<VariantFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg' };

export type UploadProblem =
	| 'missing'
	| 'too_large'
	| 'unsupported_type'
	| 'heic_not_supported'
	| 'corrupt'
	| 'too_many_pixels'
	/** Opening it broke the time or memory limit of the file checks. */
	| 'too_complex';

/**
 * An upload that cannot become a photo. It is a ValidationError on the `file`
 * field, so it reaches the person like any other form problem; `code` picks the
 * translated message later, `message` here is the English one.
 */
export class UploadRejectedError extends ValidationError {
	readonly code: UploadProblem;
	constructor(code: UploadProblem, limits: MediaLimits = mediaLimits, extraIssues: Record<string, string> = {}) {
		super({ ...extraIssues, file: uploadProblemMessage(code, limits) });
		this.name = 'UploadRejectedError';
		this.code = code;
		this.message = uploadProblemMessage(code, limits);
	}
}

export function uploadProblemMessage(code: UploadProblem, limits: MediaLimits = mediaLimits): string {
	const megabytes = Math.floor(limits.maxBytes / (1024 * 1024));
	const megapixels = Math.floor(limits.maxPixels / 1_000_000);
	const limitsText = `photos up to ${megabytes} MB and ${megapixels} megapixels.`;
	const accepted = `Accepted: JPEG, PNG, WebP, AVIF or HEIC ${limitsText}`;
	switch (code) {
		case 'missing':
			return `Choose a photo to upload. ${accepted}`;
		case 'too_large':
			return `This file is larger than ${megabytes} MB. ${accepted}`;
		case 'unsupported_type':
			return `This file is not a photo in a format we accept. ${accepted}`;
		case 'heic_not_supported':
			return (
				'HEIC photos cannot be read here. Please send the photo as JPEG instead: on an iPhone, share it ' +
				'and choose "Options" then "Most Compatible", or set Settings, Camera, Formats to "Most Compatible". ' +
				// Only when the HEIC decoder could not be loaded: then HEIC is not among what is accepted.
				`Accepted: JPEG, PNG, WebP or AVIF ${limitsText}`
			);
		case 'corrupt':
			return `This file is damaged or incomplete and cannot be read as a photo. ${accepted}`;
		case 'too_many_pixels':
			return `This photo has more than ${megapixels} megapixels. ${accepted}`;
		case 'too_complex':
			return `This photo takes too long or too much memory to open. Export it again as JPEG and upload that. ${accepted}`;
	}
}

/** The container named by the first bytes of a file, or undefined for anything else. */
export function detectUploadType(bytes: Uint8Array): UploadType | 'heif' | undefined {
	if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
	if (startsWith(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
	if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
	if (ascii(bytes, 4, 4) === 'ftyp') return detectHeifBrand(bytes);
	return undefined;
}

const avifBrands = new Set(['avif', 'avis']);
const heicBrands = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const heifBrands = new Set(['mif1', 'msf1']);

/** ISO base media file: the ftyp box names a major brand and compatible brands. */
function detectHeifBrand(bytes: Uint8Array): UploadType | 'heif' | undefined {
	const boxSize = bytes.length >= 4 ? new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0) : 0;
	if (boxSize < 16 || boxSize > 4096 || boxSize > bytes.length) return undefined;
	const brands = [ascii(bytes, 8, 4)];
	for (let offset = 16; offset + 4 <= boxSize; offset += 4) brands.push(ascii(bytes, offset, 4));
	if (brands.some((brand) => avifBrands.has(brand))) return 'avif';
	if (brands.some((brand) => heicBrands.has(brand))) return 'heic';
	// A generic HEIF image: whether it is AV1 or HEVC inside is read from its metadata.
	if (brands.some((brand) => heifBrands.has(brand))) return 'heif';
	return undefined;
}

function startsWith(bytes: Uint8Array, offset: number, expected: number[]): boolean {
	return bytes.length >= offset + expected.length && expected.every((value, i) => bytes[offset + i] === value);
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
	if (bytes.length < offset + length) return '';
	return String.fromCharCode(...bytes.subarray(offset, offset + length));
}

export interface UploadInspection {
	type: UploadType;
	mimeType: string;
	/** Size as shown, after turning the photo upright by its EXIF orientation. */
	width: number;
	height: number;
	bytes: number;
}

export type InspectionResult = { ok: true; upload: UploadInspection } | { ok: false; code: UploadProblem };

let sharpConfigured = false;

/**
 * One photo at a time, without libvips' operation cache: every upload is new, so
 * the cache would only hold memory. libvips' own thread pool stays at sharp's
 * default (1 on glibc Linux, to limit memory fragmentation).
 */
function configureSharp(): void {
	if (sharpConfigured) return;
	sharp.cache(false);
	sharpConfigured = true;
}

function decoder(bytes: Uint8Array, limits: MediaLimits): Sharp {
	configureSharp();
	const options: SharpOptions = {
		// Truncated or broken pixel data is refused; mere warnings (common in phone JPEGs) are not.
		failOn: 'error',
		// A second guard against decompression bombs, should a header lie about the size.
		limitInputPixels: limits.maxPixels,
		autoOrient: true
	};
	return sharp(bytes, options);
}

/**
 * Checks an upload without keeping anything of it: size, type from the content,
 * pixel count from the header (before decoding), then a small decode that finds
 * damaged or truncated files. Fast enough to answer within the upload request;
 * HEIC has no small decode, so it is decoded whole (about a second for 12 megapixels).
 */
export async function inspectUpload(bytes: Uint8Array, limits: MediaLimits = mediaLimits): Promise<InspectionResult> {
	const result = await inspect(bytes, limits);
	return result.ok ? { ok: true, upload: result.upload } : result;
}

/** A decoded HEIC, as heic-decode gives it: upright RGBA pixels, and what its header said about colour. */
interface HeicPixels {
	data: Uint8ClampedArray<ArrayBuffer>;
	width: number;
	height: number;
	hasAlpha: boolean;
	icc: Buffer | undefined;
}

type Inspection = { ok: true; upload: UploadInspection; heic?: HeicPixels } | { ok: false; code: UploadProblem };

/** With `heicFit`, a HEIC's pixels are kept (made at most an integer number of times smaller than needed to cover that box). */
async function inspect(bytes: Uint8Array, limits: MediaLimits, heicFit?: { width: number; height: number }): Promise<Inspection> {
	if (bytes.length > limits.maxBytes) return { ok: false, code: 'too_large' };
	const detected = detectUploadType(bytes);
	if (!detected) return { ok: false, code: 'unsupported_type' };

	let metadata;
	try {
		// Reads the header only (also of HEIC, which this libvips cannot decode);
		// the pixel limit is checked by hand just below.
		metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
	} catch {
		return { ok: false, code: 'corrupt' };
	}
	const expectedFormat = detected === 'jpeg' || detected === 'png' || detected === 'webp' ? detected : 'heif';
	if (metadata.format !== expectedFormat || !metadata.width || !metadata.height) return { ok: false, code: 'corrupt' };
	if (metadata.width * metadata.height > limits.maxPixels) return { ok: false, code: 'too_many_pixels' };

	let type: UploadType = detected === 'heif' ? 'avif' : detected;
	if (expectedFormat === 'heif') {
		if (metadata.compression === 'hevc') type = 'heic';
		else if (metadata.compression === 'av1') type = 'avif';
		else return { ok: false, code: 'unsupported_type' };
	}

	let heic: HeicPixels | undefined;
	if (type === 'heic') {
		const decoded = await decodeHeic(bytes, metadata, heicFit);
		if (!decoded.ok) return decoded;
		heic = decoded.pixels;
	} else {
		try {
			// Decodes every byte of compressed data (JPEG at 1/8 scale), which finds truncation.
			await decoder(bytes, limits).resize(64, 64, { fit: 'inside' }).raw().toBuffer();
		} catch {
			return { ok: false, code: 'corrupt' };
		}
	}

	return {
		ok: true,
		upload: {
			type,
			mimeType: uploadMimeTypes[type],
			// For HEIF, libvips reports the size after the file's rotation (irot) and ignores EXIF orientation.
			width: metadata.autoOrient.width,
			height: metadata.autoOrient.height,
			bytes: bytes.length
		},
		heic
	};
}

const heicRefusals = { damaged: 'corrupt', too_complex: 'too_complex', unsupported: 'heic_not_supported' } as const;

/**
 * Decodes the primary image of a HEIC whose header sharp has read and whose size
 * was found within the limits, in a worker thread (platform/file-checks): libheif
 * is WebAssembly and synchronous, about 2.5 s for 48 megapixels, and must not hold
 * up the requests of everyone else. The pixels come back upright (libheif applies
 * the file's rotation and mirroring, as libvips does when it reads the header), so
 * their size is the one sharp reported.
 */
async function decodeHeic(
	bytes: Uint8Array,
	metadata: Metadata,
	fit: { width: number; height: number } | undefined
): Promise<{ ok: true; pixels: HeicPixels | undefined } | { ok: false; code: UploadProblem }> {
	const decoded = await fileChecks().decodeHeic(bytes, { primary: metadata.pagePrimary ?? 0, width: metadata.width, height: metadata.height }, fit);
	if (!decoded.ok) return { ok: false, code: heicRefusals[decoded.reason] };
	if (!decoded.data) return { ok: true, pixels: undefined };
	const { data, width, height } = decoded;
	return { ok: true, pixels: { data, width, height, hasAlpha: metadata.hasAlpha, icc: metadata.icc } };
}

export interface ImageVariant {
	format: VariantFormat;
	width: number;
	height: number;
	bytes: Buffer;
}

export interface ProcessedImage {
	upload: UploadInspection;
	width: number;
	height: number;
	/** The photo's dominant colour as #rrggbb, to show while it loads. */
	color: string;
	variants: ImageVariant[];
}

/** The widths a photo of this width gets: the standard ones it covers, plus its own width when narrower than 1920. */
export function widthsFor(originalWidth: number): number[] {
	const largest = variantWidths[variantWidths.length - 1]!;
	const widths: number[] = variantWidths.filter((width) => width <= originalWidth);
	if (originalWidth < largest && !widths.includes(originalWidth)) widths.push(originalWidth);
	return widths;
}

const encoderOptions = {
	// Effort 3 of 9: on one core, a 1920-wide AVIF takes about 1.4 s instead of 6 s at the
	// default 4, for 1% more bytes; effort 2 saves 15% of the time but costs 12% more bytes.
	avif: { quality: 50, effort: 3 },
	webp: { quality: 75, effort: 4 },
	jpeg: { quality: 78, progressive: true, mozjpeg: true }
} as const;

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `work` after every photo work started before it in this process: one full
 * decode at a time keeps memory bounded however many photos arrive at once (and
 * libvips' tile writer is not safe to run twice at the same time).
 */
export function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
	const run = queue.then(work);
	queue = run.catch(() => undefined);
	return run;
}

/**
 * Turns an upload into upright, metadata-free variants, one photo at a time.
 * Throws UploadRejectedError when the upload is not a usable photo.
 */
export function processImage(bytes: Uint8Array, limits: MediaLimits = mediaLimits): Promise<ProcessedImage> {
	return oneAtATime(() => processNow(bytes, limits));
}

async function processNow(bytes: Uint8Array, limits: MediaLimits): Promise<ProcessedImage> {
	const { upload, widths, base } = await decodeUpload(bytes, limits);
	const variants: ImageVariant[] = [];
	let smallest = base;
	for (const width of [...widths].sort((a, b) => b - a)) {
		const level = width >= base.width ? base : await resizeRaw(base, width);
		for (const format of variantFormats) variants.push(await encode(level, format));
		smallest = level;
	}

	return {
		upload,
		width: base.width,
		height: base.height,
		color: await dominantColor(smallest),
		variants: variants.sort((a, b) => a.width - b.width || a.format.localeCompare(b.format))
	};
}

/**
 * A checked upload, opened once, handed to `work` as sharp reading its pixels
 * upright, HEIC included (decoded in a worker, and shrunk there while it still
 * covers the `fit` box that `work` will fit it into). Whatever is made from it carries no metadata unless asked to. A HEIC's
 * decoded pixels (200 MB for 48 megapixels) are released as soon as `work` is done,
 * rather than whenever the garbage collector next runs.
 */
export async function withOpenedPhoto<T>(
	bytes: Uint8Array,
	limits: MediaLimits,
	fit: { width: number; height: number },
	work: (image: Sharp, upload: UploadInspection) => Promise<T>
): Promise<{ ok: true; value: T } | { ok: false; code: UploadProblem }> {
	const inspection = await inspect(bytes, limits, fit);
	if (!inspection.ok) return inspection;
	const { upload, heic } = inspection;
	try {
		let image: Sharp;
		try {
			image = heic ? await fromHeic(heic, fit.width) : decoder(bytes, limits);
		} catch {
			return { ok: false, code: 'corrupt' };
		}
		return { ok: true, value: await work(image, upload) };
	} finally {
		heic?.data.buffer.transfer(0);
	}
}

/**
 * Inspects an upload, then decodes it once, upright and in sRGB (an embedded ICC
 * profile is applied, then dropped), to raw pixels no wider than the largest
 * variant; every variant is made from these. Raw pixels carry no metadata of any
 * kind. A decoded HEIC (full size) is no longer referenced once this returns.
 */
async function decodeUpload(bytes: Uint8Array, limits: MediaLimits): Promise<{ upload: UploadInspection; widths: number[]; base: RawImage }> {
	let decoded;
	try {
		// Variants are as wide as the widest standard width; their height follows.
		const fit = { width: variantWidths[variantWidths.length - 1]!, height: Number.POSITIVE_INFINITY };
		decoded = await withOpenedPhoto(bytes, limits, fit, async (image, upload) => {
			const widths = widthsFor(upload.width);
			const largest = Math.max(...widths);
			const { data, info } = await image.resize({ width: largest, withoutEnlargement: true }).toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
			return { upload, widths, base: { data, width: info.width, height: info.height, channels: info.channels as RawChannels } };
		});
	} catch {
		throw new UploadRejectedError('corrupt', limits);
	}
	if (!decoded.ok) throw new UploadRejectedError(decoded.code, limits);
	return decoded.value;
}

/**
 * sharp, reading a decoded HEIC at most `largest` pixels wide. Its pixels are in
 * the colours of the file's ICC profile (Display P3 on iPhones), which raw pixels
 * cannot carry: they go through a PNG with the profile attached, so that sharp
 * converts them to sRGB as it does for every other photo.
 */
async function fromHeic(heic: HeicPixels, largest: number): Promise<Sharp> {
	configureSharp();
	const pixels = Buffer.from(heic.data.buffer, heic.data.byteOffset, heic.data.byteLength);
	let image = sharp(pixels, { raw: { width: heic.width, height: heic.height, channels: 4 } });
	// heic-decode always gives an alpha channel; an opaque photo should not carry one into AVIF and WebP.
	if (!heic.hasAlpha) image = image.removeAlpha();
	if (!heic.icc || heic.icc.toString('latin1', 16, 20) !== 'RGB ') return image;
	const png = await image.resize({ width: largest, withoutEnlargement: true }).png({ compressionLevel: 0, adaptiveFiltering: false }).toBuffer();
	return sharp(withIccChunk(png, heic.icc), { failOn: 'error' });
}

/** A PNG with an iCCP chunk (the ICC profile, deflated) right after its IHDR chunk. */
function withIccChunk(png: Buffer, icc: Buffer): Buffer {
	const afterHeader = 8 + 12 + png.readUInt32BE(8);
	const data = Buffer.concat([Buffer.from('ICC profile\0\0', 'latin1'), deflateSync(icc)]);
	const chunk = Buffer.alloc(12 + data.length);
	chunk.writeUInt32BE(data.length, 0);
	chunk.write('iCCP', 4, 'latin1');
	data.copy(chunk, 8);
	chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
	return Buffer.concat([png.subarray(0, afterHeader), chunk, png.subarray(afterHeader)]);
}

type RawChannels = 1 | 2 | 3 | 4;

interface RawImage {
	data: Buffer;
	width: number;
	height: number;
	channels: RawChannels;
}

function fromRaw(image: RawImage): Sharp {
	configureSharp();
	return sharp(image.data, { raw: { width: image.width, height: image.height, channels: image.channels } });
}

async function resizeRaw(image: RawImage, width: number): Promise<RawImage> {
	const { data, info } = await fromRaw(image).resize({ width }).raw().toBuffer({ resolveWithObject: true });
	return { data, width: info.width, height: info.height, channels: info.channels as RawChannels };
}

async function encode(image: RawImage, format: VariantFormat): Promise<ImageVariant> {
	let pipeline = fromRaw(image);
	if (format === 'avif') pipeline = pipeline.avif(encoderOptions.avif);
	else if (format === 'webp') pipeline = pipeline.webp(encoderOptions.webp);
	// JPEG has no transparency: transparent parts become white, not black.
	else pipeline = pipeline.flatten({ background: '#ffffff' }).jpeg(encoderOptions.jpeg);
	const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
	return { format, width: info.width, height: info.height, bytes: data };
}

async function dominantColor(image: RawImage): Promise<string> {
	const { dominant } = await fromRaw(image).flatten({ background: '#ffffff' }).stats();
	return `#${[dominant.r, dominant.g, dominant.b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * A smaller WebP copy of a photo this app stored itself (already checked and
 * re-encoded), fitted inside a `side`-pixel square and never enlarged, without metadata.
 */
export function shrunkWebp(bytes: Uint8Array, side: number, quality: number): Promise<Buffer> {
	return decoder(bytes, mediaLimits).resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true }).webp({ quality }).toBuffer();
}
