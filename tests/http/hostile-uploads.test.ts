/**
 * The standing abuse test of uploads (issue 11): ten hostile files sent at once to
 * a call's public form, anonymously, while /healthz is asked every 20 ms. Every
 * file is refused with its reason in the applicant's language or accepted within
 * its limits; the server keeps answering in time; its memory comes back.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addField, createCall, setCallStatus } from '$lib/server/calls/calls.service';
import { callInput } from '../support/call-test-data';
import type { DatabaseHandle } from '$lib/server/db/connect';
import { largeHeicPath, pdfBomb, pdfHtmlPolyglot, pdfWithMetadata, pngBomb } from '../support/hostile-files';
import { startTestServer, type TestServer } from '../support/http';
import es from '../../messages/es.json' with { type: 'json' };
import { callsContext, testStaff } from '../support/domain-contexts';

let site: TestServer;
let database: DatabaseHandle;
const slug = 'hostile-files';
const megabyte = 1024 * 1024;

beforeAll(async () => {
	// Each upload comes from an address of its own, as an attacker's would, so the per-address limit does not answer first.
	site = await startTestServer({ ADDRESS_HEADER: 'X-Forwarded-For' });
	database = await site.openDatabase();
	const callId = await createCall(callsContext(database.db), testStaff, callInput({ slug, deadlineAt: '2099-03-28T23:59' }));
	await addField(callsContext(database.db), testStaff, callId, {
		key: 'photo',
		type: 'file',
		label: { en: 'Photo' },
		options: { allowedTypes: ['image/jpeg', 'image/png', 'image/heic'], maxBytes: 20 * megabyte, maxFiles: 1 }
	});
	await addField(callsContext(database.db), testStaff, callId, { key: 'cv', type: 'file', label: { en: 'CV' }, options: { allowedTypes: ['application/pdf'], maxBytes: 5 * megabyte, maxFiles: 1 } });
	await setCallStatus(callsContext(database.db), testStaff, callId, 'open');
}, 60_000);

afterAll(async () => {
	await site?.stop();
});

/** A figure from the server's /proc status: its resident memory in MB, or its number of threads. */
function serverStatus(): { residentMb: number; threads: number } {
	const status = readFileSync(`/proc/${site.server.process.pid}/status`, 'utf8');
	return { residentMb: Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024, threads: Number(/Threads:\s+(\d+)/.exec(status)?.[1] ?? 0) };
}

const residentMb = () => serverStatus().residentMb;

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
}

type Upload = { field: 'photo' | 'cv'; name: string; type: string; bytes: Buffer; expect: 'accepted' | keyof typeof es };

function apply(upload: Upload, address: string): Promise<Response> {
	const form = new FormData();
	for (const [name, value] of Object.entries({ email: `${address}@example.org`, name: 'Ana', consent: 'yes', eligibility: 'yes' })) form.append(name, value);
	form.append(`field.${upload.field}`, new Blob([new Uint8Array(upload.bytes)], { type: upload.type }), upload.name);
	return fetch(`${site.origin}/es/calls/${slug}/apply?/submit`, {
		method: 'POST',
		body: form,
		redirect: 'manual',
		headers: { Origin: site.origin, Accept: 'text/html', 'X-Forwarded-For': `203.0.113.${address}` }
	});
}

describe('ten hostile files at once', () => {
	it('are each refused with a reason or accepted within limits, while /healthz keeps answering within 150 ms and memory comes back', async () => {
		const heic = await readFile(largeHeicPath);
		const bomb = await pdfBomb(1024 * megabyte);
		const goodPdf = pdfWithMetadata();
		const uploads: Upload[] = [
			// 1 MB that inflates to 1 GB: the page tree sits in the expanded object stream.
			{ field: 'cv', name: 'cv.pdf', type: 'application/pdf', bytes: bomb, expect: 'answer_error_file_too_complex' },
			{ field: 'cv', name: 'cv2.pdf', type: 'application/pdf', bytes: bomb, expect: 'answer_error_file_too_complex' },
			// 12 KB of HEIC, 49 megapixels: within the limit, seconds of decoding.
			{ field: 'photo', name: 'big.heic', type: 'image/heic', bytes: heic, expect: 'accepted' },
			{ field: 'photo', name: 'big2.heic', type: 'image/heic', bytes: heic, expect: 'accepted' },
			// A header that claims 3.6 gigapixels.
			{ field: 'photo', name: 'huge.png', type: 'image/png', bytes: await pngBomb(60_000, 60_000, 2), expect: 'answer_error_file_too_large' },
			// 196 MB of pixels in 200 KB: within the limit.
			{ field: 'photo', name: 'zeros.png', type: 'image/png', bytes: await pngBomb(7000, 7000), expect: 'accepted' },
			{ field: 'photo', name: 'cut.heic', type: 'image/heic', bytes: heic.subarray(0, heic.length - 2000), expect: 'answer_error_file_damaged' },
			{ field: 'cv', name: 'cut.pdf', type: 'application/pdf', bytes: goodPdf.subarray(0, 400), expect: 'answer_error_file_damaged' },
			{ field: 'cv', name: 'page.pdf', type: 'application/pdf', bytes: pdfHtmlPolyglot(), expect: 'answer_error_file_damaged' },
			{ field: 'photo', name: 'photo.jpg', type: 'image/jpeg', bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), expect: 'answer_error_file_type_not_allowed' }
		];

		// Where it starts: a server that has taken ordinary applications, one with the largest photo a
		// phone makes (48 megapixels) and one with a PDF, and whose file-check workers have ended again.
		// What a legitimate photo of that size takes is the server's working size, not a leak.
		const threadsAtStart = serverStatus().threads;
		const warmUp = await Promise.all([
			apply({ field: 'photo', name: 'wall.heic', type: 'image/heic', bytes: heic, expect: 'accepted' }, '1'),
			apply({ field: 'cv', name: 'cv.pdf', type: 'application/pdf', bytes: goodPdf, expect: 'accepted' }, '2')
		]);
		expect(warmUp.map((response) => response.status)).toEqual([303, 303]);
		await until(() => serverStatus().threads <= threadsAtStart, 15_000);
		const rssBefore = residentMb();
		const latencies: number[] = [];
		let polling = true;
		const poller = (async () => {
			while (polling) {
				const started = performance.now();
				const response = await fetch(`${site.origin}/healthz`);
				await response.arrayBuffer();
				latencies.push(performance.now() - started);
				expect(response.status).toBe(200);
				await new Promise((resolve) => setTimeout(resolve, 20));
			}
		})();
		let rssPeak = rssBefore;
		const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, residentMb())), 100);

		const began = performance.now();
		const responses = await Promise.all(uploads.map((upload, i) => apply(upload, String(10 + i))));
		const seconds = (performance.now() - began) / 1000;
		polling = false;
		await poller;
		clearInterval(sampler);

		for (const [i, response] of responses.entries()) {
			const upload = uploads[i]!;
			const body = await response.text();
			if (upload.expect === 'accepted') {
				expect(response.status, `${upload.name}: ${body.slice(0, 200)}`).toBe(303);
			} else {
				expect(response.status, upload.name).toBe(400);
				expect(body, upload.name).toContain(es[upload.expect].slice(0, 40));
			}
		}
		const stored = await database.db.selectFrom('application_file').select(['original_name', 'bytes']).execute();
		expect(stored.map((file) => file.original_name).sort()).toEqual(['big.jpg', 'big2.jpg', 'cv.pdf', 'wall.jpg', 'zeros.png']);

		// Idle workers end after 5 s and give their memory back.
		await until(() => residentMb() < rssBefore + 100, 30_000);
		const rssAfter = residentMb();

		latencies.sort((a, b) => a - b);
		const p99 = latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))]!;
		console.info(
			`hostile uploads: ${seconds.toFixed(1)} s for ten; /healthz ${latencies.length} answers, p50 ${latencies[Math.floor(latencies.length / 2)]!.toFixed(1)} ms, ` +
				`p99 ${p99.toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms; server RSS ${rssBefore.toFixed(0)} MB before, ${rssPeak.toFixed(0)} MB at the peak, ${rssAfter.toFixed(0)} MB after`
		);
		expect(latencies.length).toBeGreaterThan(20);
		// What this guards: the checks run off the server's main thread. Run on it, one 48-megapixel
		// decode or one PDF parse would hold every request for a second or more. The bound leaves room
		// for what a two-core machine running other test files beside this one adds to a round trip
		// while the checks fill both cores (p99 30-60 ms, now and then more); it is not a speed goal.
		expect(p99).toBeLessThan(150);
		expect(rssAfter).toBeLessThan(rssBefore + 100);
	}, 120_000);
});
