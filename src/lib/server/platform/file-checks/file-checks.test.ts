import { readFile } from 'node:fs/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { largeHeicPath, pdfBomb, pdfHtmlPolyglot, pdfWithMetadata } from '../../../../../tests/support/hostile-files';
import { defaultFileCheckLimits, FileChecks } from './file-checks';
import { checkStructuralStreams } from './pdf-structure';

const checks = new FileChecks();
const broken: string[] = [];
const tight = new FileChecks({ ...defaultFileCheckLimits, pdfExpandedBytes: 4 * 1024 ** 3, pdfMemoryBytes: 96 * 1024 ** 2, heicTimeMs: 150 }, (kind, reason) =>
	broken.push(`${kind}: ${reason}`)
);
afterAll(() => Promise.all([checks.close(), tight.close()]));

const megabyte = 1024 * 1024;
const largeHeic = { primary: 0, width: 7000, height: 7000 };

/** Samples the process's resident memory while `work` runs; the highest figure, in MB above the start. */
async function peakGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growthMb: number; ms: number }> {
	const start = process.memoryUsage.rss();
	let peak = start;
	const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
	const began = performance.now();
	try {
		const result = await work();
		peak = Math.max(peak, process.memoryUsage.rss());
		return { result, growthMb: (peak - start) / megabyte, ms: performance.now() - began };
	} finally {
		clearInterval(timer);
	}
}

describe('PDFs, opened in a worker', () => {
	it('accepts a readable PDF and, when asked, keeps it without author, title or XMP', async () => {
		const original = pdfWithMetadata('Ana Applicant');
		expect(original.includes('Ana Applicant')).toBe(true);

		const kept = await checks.checkPdf(original);
		expect(kept).toMatchObject({ ok: true, metadataStripped: false });

		const stripped = await checks.checkPdf(original, { stripMetadata: true });
		if (!stripped.ok) throw new Error('refused');
		expect(stripped.metadataStripped).toBe(true);
		const text = Buffer.from(stripped.bytes).toString('latin1');
		expect(text).not.toContain('Ana Applicant');
		expect(text).not.toMatch(/\/Author|\/Creator|\/Producer|\/Title|xmpmeta/);
		// The page's own content is still there, and the result opens again.
		expect(await checks.checkPdf(stripped.bytes)).toMatchObject({ ok: true });
	});

	it('refuses what is not a readable PDF as damaged', async () => {
		expect(await checks.checkPdf(pdfHtmlPolyglot())).toEqual({ ok: false, reason: 'damaged' });
		const truncated = pdfWithMetadata().subarray(0, 300);
		expect(await checks.checkPdf(truncated)).toEqual({ ok: false, reason: 'damaged' });
	});

	it('refuses a 1 MB PDF whose object stream expands to 1 GB within a second or two, without the memory it asks for', async () => {
		const bomb = await pdfBomb(1024 * megabyte);
		expect(bomb.length).toBeLessThan(1.2 * megabyte);
		const { result, growthMb, ms } = await peakGrowth(() => checks.checkPdf(bomb));
		expect(result).toEqual({ ok: false, reason: 'too_complex' });
		// The cap is 64 MB of inflated structure; pdf.js never sees the file.
		expect(growthMb).toBeLessThan(200);
		expect(ms).toBeLessThan(5_000);
	});

	it('stops a worker that goes over its memory limit, even when the expanded-size cap lets the file through', async () => {
		const bomb = await pdfBomb(1024 * megabyte);
		const { result, growthMb } = await peakGrowth(() => tight.checkPdf(bomb));
		expect(result).toEqual({ ok: false, reason: 'too_complex' });
		// Without the watchdog pdf.js takes about 1.6 GB for this file.
		expect(growthMb).toBeLessThan(600);
		expect(broken.some((entry) => entry.startsWith('pdf:'))).toBe(true);
	});
});

describe('the expanded-size cap on a PDF structure', () => {
	it('inflates object streams up to the cap and no further', async () => {
		const bomb = await pdfBomb(8 * megabyte);
		expect(await checkStructuralStreams(bomb, 16 * megabyte)).toBe('ok');
		expect(await checkStructuralStreams(bomb, 4 * megabyte)).toBe('too_large');
	});

	it('refuses object streams in encodings without a bound it can check', async () => {
		const lzw = Buffer.from('%PDF-1.7\n4 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /LZWDecode /Length 3 >>\nstream\nabc\nendstream\nendobj\n');
		expect(await checkStructuralStreams(lzw, megabyte)).toBe('unusual_encoding');
	});
});

describe('HEIC photos, decoded in a worker', () => {
	it('decodes 49 megapixels without holding up the thread that answers requests', async () => {
		const bytes = await readFile(largeHeicPath);
		const delay = monitorEventLoopDelay({ resolution: 10 });
		delay.enable();
		const decoded = await checks.decodeHeic(bytes, largeHeic, { width: 7000, height: 7000 });
		delay.disable();
		if (!decoded.ok || !decoded.data) throw new Error('refused');
		expect(decoded.width * decoded.height).toBe(49_000_000);
		expect(decoded.data.length).toBe(49_000_000 * 4);
		// On the main thread this decode blocked everything for seconds.
		expect(delay.max / 1e6).toBeLessThan(200);
	});

	it('hands back only the pixels the caller will use: shrunk while they cover its box, or none when it only checks', async () => {
		const bytes = await readFile(largeHeicPath);
		const shrunk = await checks.decodeHeic(bytes, largeHeic, { width: 3000, height: 3000 });
		if (!shrunk.ok || !shrunk.data) throw new Error('refused');
		expect([shrunk.width, shrunk.height, shrunk.data.length]).toEqual([3500, 3500, 3500 * 3500 * 4]);
		// The file is a flat grey: the mean of each square is the same grey.
		expect([...shrunk.data.subarray(0, 4)]).toEqual([...shrunk.data.subarray(-4)]);
		expect(await checks.decodeHeic(bytes, largeHeic)).toEqual({ ok: true, data: null });
	});

	it('refuses pixels of another size than the header said', async () => {
		const bytes = await readFile(largeHeicPath);
		expect(await checks.decodeHeic(bytes, { primary: 0, width: 100, height: 100 })).toEqual({ ok: false, reason: 'damaged' });
	});

	it('stops a decode that takes longer than its time limit', async () => {
		const bytes = await readFile(largeHeicPath);
		const began = performance.now();
		expect(await tight.decodeHeic(bytes, largeHeic)).toEqual({ ok: false, reason: 'too_complex' });
		expect(performance.now() - began).toBeLessThan(1_500);
		expect(broken).toContain('heic: time');
	});
});
