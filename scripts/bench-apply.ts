/**
 * Open calls under load: 200 applicants at once, each submitting the demo
 * Guerrilla Gallery Kit form with a 5 MB photo, to the built server on loopback.
 *
 * 1. A clean run: errors (anything but the redirect to the private page), p50 /
 *    p95 / max latency of the submissions, the server's peak memory (VmHWM), and
 *    that every acknowledged application is in the database with its file.
 * 2. The same on a fresh database, with the server killed (SIGKILL) as soon as
 *    half the submissions have been acknowledged, then started again on the same
 *    data: every submission the server acknowledged (303 to its private link)
 *    must be in the database, submitted, with its file on disk.
 *
 * Each applicant comes from an address of its own (the server trusts
 * X-Forwarded-For here, as behind a proxy), so the per-address limits of the
 * form do not turn the crowd away. SQLite. Run: npx tsx scripts/bench-apply.ts
 * (APPLICANTS=…).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import sharp from 'sharp';
import { buildIfNeeded } from './build-if-needed.ts';
import { startServer, type RunningServer } from '../tests/support/server.ts';

const applicants = Number(process.env.APPLICANTS ?? 200);
const slug = 'guerrilla-gallery-kit-climate';

if (!buildIfNeeded()) throw new Error('The build failed');

/** A camera-sized JPEG of about 5 MB: noise does not compress, so the size is reached at a realistic resolution. */
async function fiveMegabytePhoto(): Promise<Buffer> {
	const width = 2900;
	const height = 2175;
	const pixels = Buffer.alloc(width * height * 3);
	let seed = 7;
	for (let i = 0; i < pixels.length; i++) {
		seed = (seed * 1103515245 + 12345) & 0x7fffffff;
		// Smooth gradients with grain, like a photo taken in low light.
		pixels[i] = ((i / 3) % width) / 12 + ((seed >> 16) & 0x7f);
	}
	return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 93 }).toBuffer();
}

function peakRssMb(server: RunningServer): number {
	const status = readFileSync(`/proc/${server.process.pid}/status`, 'utf8');
	return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

interface Outcome {
	index: number;
	ms: number;
	status: number | 'network';
	/** The private link's token, when the server acknowledged the submission. */
	token?: string;
}

async function apply(origin: string, index: number, photo: Buffer): Promise<Outcome> {
	const form = new FormData();
	form.set('email', `applicant${index}@example.org`);
	form.set('name', `Applicant ${index}`);
	form.set('consent', 'yes');
	form.set('eligibility', 'yes');
	form.set('website', '');
	form.set('field.artwork_title', `Rising water, wall ${index}`);
	form.set('field.description', 'A paste-up of the river at the end of our street as it was, is and will be. '.repeat(2));
	form.set('field.image_link', `https://example.org/works/${index}`);
	form.set('field.preview', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), `wall-${index}.jpg`);
	form.set('field.moniker', `Crew ${index}`);
	form.set('field.country', ['NP', 'ID', 'ES', 'AU'][index % 4]!);
	form.set('field.bio', 'Paints walls with neighbours.');
	form.set('field.links', '');
	const started = performance.now();
	try {
		const response = await fetch(`${origin}/calls/${slug}/apply?/submit`, {
			method: 'POST',
			body: form,
			redirect: 'manual',
			headers: { origin, accept: 'text/html', 'x-forwarded-for': `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}` }
		});
		await response.arrayBuffer();
		const ms = performance.now() - started;
		const token = /\/applications\/([A-Za-z0-9_-]{43})\?done=submitted$/.exec(response.headers.get('location') ?? '')?.[1];
		return { index, ms, status: response.status, token: response.status === 303 ? token : undefined };
	} catch {
		return { index, ms: performance.now() - started, status: 'network' };
	}
}

function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return 0;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Acknowledged applications that are not in the database as submitted with a stored, non-empty file. */
function missingAfterAcknowledgement(dataDir: string, acknowledged: Outcome[]) {
	const db = new DatabaseSync(join(dataDir, 'site.sqlite'), { readOnly: true });
	try {
		const find = db.prepare(
			`select a.status, f.storage_key from application a
			 left join application_file f on f.application_id = a.id
			 where a.applicant_email = ?`
		);
		let withoutRow = 0;
		let notSubmitted = 0;
		let withoutFile = 0;
		for (const { index } of acknowledged) {
			const row = find.get(`applicant${index}@example.org`) as { status: string; storage_key: string | null } | undefined;
			if (!row) withoutRow++;
			else if (row.status !== 'submitted') notSubmitted++;
			else if (!row.storage_key) withoutFile++;
			else {
				const path = join(dataDir, 'applications', row.storage_key);
				if (!existsSync(path) || statSync(path).size === 0) withoutFile++;
			}
		}
		const stored = (db.prepare(`select count(*) as n from application where status = 'submitted' and applicant_email like 'applicant%@example.org'`).get() as { n: number }).n;
		return { withoutRow, notSubmitted, withoutFile, submittedInDatabase: stored };
	} finally {
		db.close();
	}
}

function summarize(outcomes: Outcome[]) {
	const acknowledged = outcomes.filter((o) => o.token);
	const latencies = acknowledged.map((o) => o.ms).sort((a, b) => a - b);
	const errors: Record<string, number> = {};
	for (const o of outcomes) if (!o.token) errors[String(o.status)] = (errors[String(o.status)] ?? 0) + 1;
	return {
		acknowledged: acknowledged.length,
		errors: outcomes.length - acknowledged.length,
		errorsByStatus: errors,
		latencyMs: {
			p50: Math.round(percentile(latencies, 50)),
			p95: Math.round(percentile(latencies, 95)),
			max: Math.round(latencies.at(-1) ?? 0)
		}
	};
}

const serverEnv = { LOG_LEVEL: 'warn', ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1', ...(process.env.SERVER_MALLOC_ARENA_MAX ? { MALLOC_ARENA_MAX: process.env.SERVER_MALLOC_ARENA_MAX } : {}) };
const photo = await fiveMegabytePhoto();
const report: Record<string, unknown> = { applicants, photoMb: Number((photo.length / 1048576).toFixed(2)), database: 'sqlite' };

// 1. A clean run.
{
	const dataDir = mkdtempSync(join(tmpdir(), 'arts-bench-apply-'));
	try {
		const server = await startServer(serverEnv, { keepDataDir: dataDir });
		const idleRss = peakRssMb(server);
		const started = performance.now();
		const outcomes = await Promise.all(Array.from({ length: applicants }, (_, i) => apply(server.origin, i, photo)));
		const seconds = (performance.now() - started) / 1000;
		const peak = peakRssMb(server);
		await server.stop();
		report.cleanRun = {
			...summarize(outcomes),
			seconds: Number(seconds.toFixed(1)),
			serverPeakRssMb: Math.round(peak),
			serverPeakRssBeforeMb: Math.round(idleRss),
			database: missingAfterAcknowledgement(
				dataDir,
				outcomes.filter((o) => o.token)
			)
		};
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
}

// 2. Killed halfway, restarted.
{
	const dataDir = mkdtempSync(join(tmpdir(), 'arts-bench-apply-'));
	try {
		const server = await startServer(serverEnv, { keepDataDir: dataDir });
		let acknowledgedSoFar = 0;
		let killed = false;
		const outcomes = await Promise.all(
			Array.from({ length: applicants }, (_, i) =>
				apply(server.origin, i, photo).then((outcome) => {
					if (outcome.token && !killed && ++acknowledgedSoFar >= applicants / 2) {
						killed = true;
						server.process.kill('SIGKILL');
					}
					return outcome;
				})
			)
		);
		await server.stop();
		const restarted = await startServer(serverEnv, { keepDataDir: dataDir });
		// Acknowledged links open the applicant's page after the restart.
		const acknowledged = outcomes.filter((o) => o.token);
		let pagesOpen = 0;
		for (const { token } of acknowledged) {
			const response = await fetch(`${restarted.origin}/applications/${token}`);
			await response.arrayBuffer();
			if (response.status === 200) pagesOpen++;
		}
		await restarted.stop();
		report.killedHalfway = {
			acknowledgedBeforeKill: acknowledged.length,
			refusedOrCutOff: outcomes.length - acknowledged.length,
			privatePagesOpeningAfterRestart: pagesOpen,
			database: missingAfterAcknowledgement(dataDir, acknowledged)
		};
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
}

console.log(JSON.stringify(report, null, 2));
