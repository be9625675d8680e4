/*
 * The code that opens untrusted files, run in worker threads by file-checks.ts and
 * never on the thread that answers requests: pdf.js and libheif (WebAssembly) are
 * synchronous and can be made to work for seconds or to allocate gigabytes.
 *
 * In development and tests Node runs this file as it is (TypeScript with its types
 * stripped), so it imports only packages, Node's modules and `.ts` files beside it
 * that follow the same rule. The heavy packages load on the first task, so that the
 * main thread can import this module for its address alone.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import type { PDFDocument as PdfLibDocument } from '@cantoo/pdf-lib';
import { checkStructuralStreams } from './pdf-structure.ts';

/** The worker's own address: the bundler gives this module a file of its own, which the pool runs. */
export const workerUrl = import.meta.url;

export type FileCheckTask =
	| { kind: 'pdf'; bytes: Uint8Array; stripMetadata: boolean; expandedCapBytes: number }
	| {
			kind: 'heic';
			bytes: Uint8Array;
			primary: number;
			width: number;
			height: number;
			/** The box the caller will fit the photo into; null to check the file without keeping its pixels. */
			fit: { width: number; height: number } | null;
	  };

export type PdfCheckResult = { ok: true; bytes?: Uint8Array } | { ok: false; reason: 'damaged' | 'too_complex' };
export type HeicDecodeResult =
	| { ok: true; data: Uint8ClampedArray<ArrayBuffer>; width: number; height: number }
	| { ok: true; data: null }
	| { ok: false; reason: 'damaged' | 'unsupported' };

export default async function checkFile(task: FileCheckTask): Promise<PdfCheckResult | HeicDecodeResult> {
	yieldToRequests();
	if (task.kind === 'pdf') return checkPdf(task.bytes, task.stripMetadata, task.expandedCapBytes);
	const decoded = await decodeHeic(task);
	if (!decoded.ok || !decoded.data) return decoded;
	// The pixels move to the caller without a copy (about 200 MB for 48 megapixels).
	return move({ [transferableSymbol]: [decoded.data.buffer], [valueSymbol]: decoded } as never) as never;
}

let niced = false;

/**
 * Lowers this thread's CPU priority, once: on a small machine a few files being
 * checked must not starve the thread that answers requests. On Linux a thread is a
 * task of its own, with an id that setpriority takes; elsewhere this does nothing.
 */
function yieldToRequests(): void {
	if (niced) return;
	niced = true;
	try {
		const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
		if (threadId > 0) setPriority(threadId, 10);
	} catch {
		// Not Linux, or not allowed: the limits still hold.
	}
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

async function checkPdf(bytes: Uint8Array, stripMetadata: boolean, expandedCapBytes: number): Promise<PdfCheckResult> {
	const structure = await checkStructuralStreams(bytes, expandedCapBytes);
	if (structure !== 'ok') return { ok: false, reason: 'too_complex' };
	const pages = await pageCount(bytes);
	if (pages === undefined) return { ok: false, reason: 'damaged' };
	if (!stripMetadata) return { ok: true };
	const stripped = await withoutMetadata(bytes);
	// The rewritten file must open as the original did; if not, the original is kept.
	return stripped && (await pageCount(stripped)) === pages ? { ok: true, bytes: stripped } : { ok: true };
}

/** The number of pages when pdf.js opens the file and reads its first page; undefined when it cannot. */
async function pageCount(bytes: Uint8Array): Promise<number | undefined> {
	pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
	const { getDocument } = await pdfjs;
	// pdf.js takes ownership of the buffer it is given; it gets a copy. Scripts inside never run.
	const task = getDocument({ data: Uint8Array.from(bytes), isEvalSupported: false, disableFontFace: true, stopAtErrors: true, verbosity: 0 });
	try {
		const document = await task.promise;
		if (document.numPages < 1) return undefined;
		await document.getPage(1);
		return document.numPages;
	} catch {
		return undefined;
	} finally {
		await task.destroy();
	}
}

/**
 * The PDF without what names its author: the document information dictionary
 * (author, creator, producer, title, subject, keywords), XMP metadata streams, and
 * every object no longer reachable from the document (earlier revisions keep their
 * own copies). Encrypted files are left as they are: undefined.
 */
async function withoutMetadata(bytes: Uint8Array): Promise<Uint8Array | undefined> {
	const lib = await import('@cantoo/pdf-lib');
	let document: PdfLibDocument;
	try {
		document = await lib.PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: lib.ParseSpeeds.Fastest, throwOnInvalidObject: false });
	} catch {
		return undefined;
	}
	if (document.isEncrypted) return undefined;
	const { context, catalog } = document;
	const metadataKey = lib.PDFName.of('Metadata');
	const typeKey = lib.PDFName.of('Type');
	context.trailerInfo.Info = undefined;
	catalog.delete(metadataKey);
	for (const [, object] of context.enumerateIndirectObjects()) {
		const dictionary = object instanceof lib.PDFStream ? object.dict : object instanceof lib.PDFDict ? object : undefined;
		dictionary?.delete(metadataKey);
	}

	// Keep what the catalog reaches, nothing else.
	const reached = new Set<string>();
	const pending: unknown[] = [context.trailerInfo.Root];
	while (pending.length > 0) {
		const item = pending.pop();
		if (item instanceof lib.PDFRef) {
			if (reached.has(item.tag)) continue;
			reached.add(item.tag);
			pending.push(context.lookup(item));
		} else if (item instanceof lib.PDFDict) {
			for (const [, value] of item.entries()) pending.push(value);
		} else if (item instanceof lib.PDFStream) {
			pending.push(item.dict);
		} else if (item instanceof lib.PDFArray) {
			pending.push(...item.asArray());
		}
	}
	for (const [ref, object] of context.enumerateIndirectObjects()) {
		const isMetadata = object instanceof lib.PDFStream && object.dict.get(typeKey) === lib.PDFName.of('Metadata');
		if (!reached.has(ref.tag) || isMetadata) context.delete(ref);
	}
	try {
		return await document.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false });
	} catch {
		return undefined;
	}
}

type HeicDecode = typeof import('heic-decode').default;
let heicDecode: Promise<HeicDecode> | undefined;

/** heic-decode refuses files whose major brand it does not list, even when libheif could read them. */
const heicDecodeBrands = new Set(['mif1', 'msf1', 'heic', 'heix', 'hevc', 'hevx']);

/**
 * The primary image's pixels, upright (libheif applies the file's rotation and
 * mirroring), as RGBA. The caller read the header first and passes the size it
 * found there: pixels of any other size are refused.
 */
async function decodeHeic(task: Extract<FileCheckTask, { kind: 'heic' }>): Promise<HeicDecodeResult> {
	heicDecode ??= import('heic-decode').then((module) => module.default);
	let decode: HeicDecode;
	try {
		decode = await heicDecode;
	} catch {
		// Its WebAssembly could not be loaded: HEIC is then not among the accepted types.
		return { ok: false, reason: 'unsupported' };
	}
	let input = task.bytes;
	const brand = Buffer.from(input.buffer, input.byteOffset + 8, 4).toString('latin1');
	if (!heicDecodeBrands.has(brand)) {
		input = Uint8Array.from(input);
		input.set([0x6d, 0x69, 0x66, 0x31], 8); // "mif1": libheif goes by the compatible brands
	}
	let images;
	try {
		images = await decode.all({ buffer: input });
	} catch {
		return { ok: false, reason: 'damaged' };
	}
	try {
		// The top-level images are in the same order for libvips and libheif.
		const primary = images[task.primary];
		if (!primary || primary.width !== task.width || primary.height !== task.height) return { ok: false, reason: 'damaged' };
		const { data, width, height } = await primary.decode();
		if (width !== task.width || height !== task.height || data.length !== width * height * 4) return { ok: false, reason: 'damaged' };
		if (!task.fit) return { ok: true, data: null };
		// Only what the caller will use crosses to its thread: a quarter or less of a large photo.
		const factor = Math.max(1, Math.floor(Math.max(width / task.fit.width, height / task.fit.height)));
		return { ok: true, ...shrink(data as Uint8ClampedArray<ArrayBuffer>, width, height, factor) };
	} catch {
		// Truncated or broken HEVC data.
		return { ok: false, reason: 'damaged' };
	} finally {
		images.dispose();
	}
}

/**
 * RGBA pixels made `factor` times smaller on each side, each new pixel the mean of
 * the square it replaces (as libvips shrinks before its finer resize). At least as
 * large as the box the caller fits the photo into, so nothing is lost that it keeps.
 */
function shrink(data: Uint8ClampedArray<ArrayBuffer>, width: number, height: number, factor: number) {
	if (factor === 1) return { data, width, height };
	const outWidth = Math.floor(width / factor);
	const outHeight = Math.floor(height / factor);
	const out = new Uint8ClampedArray(outWidth * outHeight * 4);
	const sums = new Uint32Array(outWidth * 4);
	const area = factor * factor;
	for (let y = 0; y < outHeight; y++) {
		sums.fill(0);
		for (let row = y * factor; row < (y + 1) * factor; row++) {
			let input = row * width * 4;
			for (let x = 0; x < outWidth; x++) {
				const sum = x * 4;
				for (let i = 0; i < factor * 4; i++) sums[sum + (i % 4)] = sums[sum + (i % 4)]! + data[input++]!;
			}
		}
		const output = y * outWidth * 4;
		for (let i = 0; i < sums.length; i++) out[output + i] = Math.round(sums[i]! / area);
	}
	return { data: out, width: outWidth, height: outHeight };
}
