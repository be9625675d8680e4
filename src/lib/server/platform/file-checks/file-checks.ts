import { availableParallelism } from 'node:os';
import type { HeapInfo } from 'node:v8';
import { Piscina } from 'piscina';
import type { FileCheckTask, HeicDecodeResult, PdfCheckResult } from './file-check.worker';

/*
 * Untrusted files (PDFs from applicants, HEIC photos from phones) are opened in
 * worker threads, never on the thread that answers requests, each kind in a pool of
 * its own with three limits:
 * - time: a check that runs longer is stopped (its worker is terminated);
 * - memory: a watchdog reads each busy worker's heap and off-heap memory (the
 *   buffers pdf.js inflates, libheif's WebAssembly memory) every 50 ms and
 *   terminates a worker over its limit; V8's own heap limit (resourceLimits) backs
 *   it up;
 * - expanded size: a PDF's structural streams are inflated with a bound before
 *   pdf.js sees them (pdf-structure.ts); a HEIC's pixel count is read from its
 *   header and checked by the caller before it is decoded.
 * A file that breaks a limit is refused as too complex. Workers end after a few
 * idle seconds, which gives their memory back to the system.
 */

export type FileCheckRefusal = 'damaged' | 'too_complex';
export type PdfCheck = { ok: true; bytes: Uint8Array; metadataStripped: boolean } | { ok: false; reason: FileCheckRefusal };
export type HeicPixels =
	| { ok: true; data: Uint8ClampedArray<ArrayBuffer>; width: number; height: number }
	| { ok: true; data: null }
	| { ok: false; reason: FileCheckRefusal | 'unsupported' };

export interface FileCheckLimits {
	/** Worker threads per kind of file. */
	threads: number;
	pdfTimeMs: number;
	/** Heap and buffers of one worker opening a PDF. */
	pdfMemoryBytes: number;
	/** What a PDF's cross-reference and object streams may inflate to, together. */
	pdfExpandedBytes: number;
	heicTimeMs: number;
	/** Memory of one worker decoding a HEIC: the most pixels a photo may have, times this, plus pdfMemoryBytes' base. */
	heicBytesPerPixel: number;
	heicMaxPixels: number;
	/** V8's heap limit in every worker, in MB. */
	heapMb: number;
}

const megabyte = 1024 * 1024;

export const defaultFileCheckLimits: FileCheckLimits = {
	// One core stays free for answering requests.
	threads: Math.max(1, availableParallelism() - 1),
	// A 20 MB portfolio opens in well under a second.
	pdfTimeMs: 15_000,
	pdfMemoryBytes: 256 * megabyte,
	// Real files' structural streams hold a few MB even for thousands of pages.
	pdfExpandedBytes: 64 * megabyte,
	// 48 megapixels decode in about 2.5 s on one core here.
	heicTimeMs: 30_000,
	// Measured: 592 MB at the peak for 49 megapixels (the HEVC frame, libheif's RGBA and the copy handed back).
	heicBytesPerPixel: 13,
	heicMaxPixels: 50_000_000,
	heapMb: 256
};

/** How long a worker with nothing to do lives on: long enough for a form's few files, short enough to give memory back. */
const workerIdleMs = 5_000;

/**
 * A full garbage collection, when the process allows one (`npm start` runs Node with
 * --expose-gc). A burst of large files leaves tens of MB of garbage in the main
 * thread's heap that an idle server would otherwise keep for hours.
 */
function collectGarbage(): void {
	(globalThis as { gc?: () => void }).gc?.();
}

/** Raised inside the pool when a check breaks its time or memory limit, or its worker dies. */
class LimitBroken extends Error {}

/** One kind of check in worker threads, with a time limit and a memory watchdog. */
class LimitedPool {
	private readonly pool: Piscina<FileCheckTask, unknown>;
	private busy = 0;
	private watchdog: ReturnType<typeof setInterval> | undefined;
	private sampling = false;

	constructor(
		filename: string,
		private readonly limits: { threads: number; timeMs: number; memoryBytes: number; heapMb: number },
		private readonly onLimit: (reason: string) => void
	) {
		this.pool = new Piscina({
			filename,
			minThreads: 0,
			maxThreads: limits.threads,
			idleTimeout: workerIdleMs,
			resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
			// Nothing of the app's environment is needed to open a file.
			env: {}
		});
	}

	async run<T>(task: FileCheckTask): Promise<T> {
		this.busy++;
		this.watchdog ??= setInterval(() => void this.sample(), 50);
		// A timer of its own, cleared at the end: AbortSignal.timeout() would keep the task
		// reachable from the signal's listeners until it fired.
		const deadline = new AbortController();
		const timer = setTimeout(() => deadline.abort(), this.limits.timeMs);
		try {
			return (await this.pool.run(task, { signal: deadline.signal })) as T;
		} catch (error) {
			const reason = deadline.signal.aborted ? 'time' : error instanceof Error ? error.message : String(error);
			this.onLimit(reason);
			throw new LimitBroken(reason);
		} finally {
			clearTimeout(timer);
			if (--this.busy === 0) {
				clearInterval(this.watchdog);
				this.watchdog = undefined;
			}
		}
	}

	private async sample(): Promise<void> {
		if (this.sampling) return;
		this.sampling = true;
		try {
			await Promise.all(
				this.pool.threads.map(async (thread) => {
					let stats: HeapInfo;
					try {
						stats = await thread.getHeapStatistics();
					} catch {
						return; // ending already
					}
					if (stats.used_heap_size + stats.external_memory > this.limits.memoryBytes) void thread.terminate();
				})
			);
		} finally {
			this.sampling = false;
		}
	}

	close(): Promise<void> {
		return this.pool.destroy();
	}
}

export class FileChecks {
	private pdfPool: LimitedPool | undefined;
	private heicPool: LimitedPool | undefined;
	private workerFile: Promise<string> | undefined;
	private active = 0;
	private afterBurst: ReturnType<typeof setTimeout> | undefined;

	constructor(
		readonly limits: FileCheckLimits = defaultFileCheckLimits,
		private readonly onLimit: (kind: 'pdf' | 'heic', reason: string) => void = () => undefined,
		/** Run once the checks have been idle long enough for their workers to end. */
		private readonly onQuiet: () => void = collectGarbage
	) {}

	/** Counts checks in progress; when the last one ends and nothing follows, frees what the burst left. */
	private async tracked<T>(work: () => Promise<T>): Promise<T> {
		this.active++;
		clearTimeout(this.afterBurst);
		try {
			return await work();
		} finally {
			if (--this.active === 0) {
				this.afterBurst = setTimeout(this.onQuiet, workerIdleMs + 1_000);
				this.afterBurst.unref();
			}
		}
	}

	/**
	 * Whether a PDF opens and has a first page; with `stripMetadata`, the bytes to keep
	 * are the file without its author, title and XMP when that can be done safely
	 * (otherwise the original, with `metadataStripped` false).
	 */
	checkPdf(bytes: Uint8Array, { stripMetadata = false }: { stripMetadata?: boolean } = {}): Promise<PdfCheck> {
		return this.tracked(() => this.checkPdfNow(bytes, stripMetadata));
	}

	private async checkPdfNow(bytes: Uint8Array, stripMetadata: boolean): Promise<PdfCheck> {
		this.pdfPool ??= new LimitedPool(
			await this.filename(),
			{ threads: this.limits.threads, timeMs: this.limits.pdfTimeMs, memoryBytes: this.limits.pdfMemoryBytes, heapMb: this.limits.heapMb },
			(reason) => this.onLimit('pdf', reason)
		);
		let result: PdfCheckResult;
		try {
			result = await this.pdfPool.run<PdfCheckResult>({ kind: 'pdf', bytes, stripMetadata, expandedCapBytes: this.limits.pdfExpandedBytes });
		} catch (error) {
			if (error instanceof LimitBroken) return { ok: false, reason: 'too_complex' };
			throw error;
		}
		if (!result.ok) return result;
		return result.bytes ? { ok: true, bytes: result.bytes, metadataStripped: true } : { ok: true, bytes, metadataStripped: false };
	}

	/**
	 * The primary image of a HEIC as upright RGBA pixels, made an integer number of
	 * times smaller when that still covers the `fit` box the caller will fit it into
	 * (without `fit`, the file is only checked and no pixels come back). The caller
	 * has read the header (`primary`, `width`, `height`) and checked the pixel count
	 * against its limit; a decode of another size is refused as damaged.
	 */
	decodeHeic(bytes: Uint8Array, header: { primary: number; width: number; height: number }, fit?: { width: number; height: number }): Promise<HeicPixels> {
		return this.tracked(() => this.decodeHeicNow(bytes, header, fit));
	}

	private async decodeHeicNow(
		bytes: Uint8Array,
		header: { primary: number; width: number; height: number },
		fit: { width: number; height: number } | undefined
	): Promise<HeicPixels> {
		const { threads, heicTimeMs, heicBytesPerPixel, heicMaxPixels, pdfMemoryBytes, heapMb } = this.limits;
		this.heicPool ??= new LimitedPool(
			await this.filename(),
			{ threads, timeMs: heicTimeMs, memoryBytes: heicMaxPixels * heicBytesPerPixel + pdfMemoryBytes, heapMb },
			(reason) => this.onLimit('heic', reason)
		);
		try {
			const result = await this.heicPool.run<HeicDecodeResult>({ kind: 'heic', bytes, ...header, fit: fit ?? null });
			return result.ok ? result : { ok: false, reason: result.reason };
		} catch (error) {
			if (error instanceof LimitBroken) return { ok: false, reason: 'too_complex' };
			throw error;
		}
	}

	async close(): Promise<void> {
		clearTimeout(this.afterBurst);
		await Promise.all([this.pdfPool?.close(), this.heicPool?.close()]);
		this.pdfPool = this.heicPool = undefined;
	}

	/** The worker module's own file: its source in development, its chunk in the build. */
	private filename(): Promise<string> {
		this.workerFile ??= import('./file-check.worker').then((module) => {
			// Named here so that the bundler keeps the handler the worker runs in the same file.
			if (typeof module.default !== 'function') throw new Error('The file-check worker has no handler');
			return module.workerUrl;
		});
		return this.workerFile;
	}
}

let shared: FileChecks | undefined;
let sharedOnLimit: (kind: 'pdf' | 'heic', reason: string) => void = () => undefined;

/** The process's file checks, shared by every domain that takes files from outside. */
export function fileChecks(): FileChecks {
	shared ??= new FileChecks(defaultFileCheckLimits, (kind, reason) => sharedOnLimit(kind, reason));
	return shared;
}

/** Where the shared checks report a broken limit (the app's log, once it has one). */
export function reportFileCheckLimits(report: (kind: 'pdf' | 'heic', reason: string) => void): void {
	sharedOnLimit = report;
}

export async function closeFileChecks(): Promise<void> {
	await shared?.close();
	shared = undefined;
}
