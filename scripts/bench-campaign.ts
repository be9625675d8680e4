/**
 * A newsletter campaign to 50,000 confirmed subscribers, sent by the built
 * server through a real SMTP server on loopback (in this process; it counts
 * copies per recipient from the envelope and reads each message whole).
 *
 * 1. A clean run: messages per second from the moment sending starts to the
 *    last delivery, and the server's peak memory (VmHWM).
 * 2. The same campaign on a fresh database, with the server killed (SIGKILL)
 *    when half the messages have arrived, then started again on the same data:
 *    how many recipients got 0, 1 or more copies.
 *
 * SQLite by default. Run: npx tsx scripts/bench-campaign.ts
 * (SUBSCRIBERS=…, RATE=… messages per minute, at most 60,000).
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { SMTPServer } from 'smtp-server';
import { buildIfNeeded } from './build-if-needed.ts';
import { startServer, type RunningServer } from '../tests/support/server.ts';

const subscribers = Number(process.env.SUBSCRIBERS ?? 50_000);
const rate = Number(process.env.RATE ?? 60_000);

if (!buildIfNeeded()) throw new Error('The build failed');

function startSink() {
	const copies = new Map<string, number>();
	let received = 0;
	let bytes = 0;
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		size: 1024 * 1024,
		onData(stream, session, callback) {
			stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
			stream.on('end', () => {
				for (const { address } of session.envelope.rcptTo) copies.set(address, (copies.get(address) ?? 0) + 1);
				received++;
				callback();
			});
		}
	});
	// A killed client leaves connections reset mid-message: expected here, and the message is discarded.
	server.on('error', () => undefined);
	return new Promise<{ url: string; copies: Map<string, number>; received: () => number; bytes: () => number; close: () => Promise<void> }>(
		(resolve) => {
			server.listen(0, '127.0.0.1', () => {
				const { port } = server.server.address() as AddressInfo;
				resolve({
					url: `smtp://127.0.0.1:${port}`,
					copies,
					received: () => received,
					bytes: () => bytes,
					close: () => new Promise((r) => server.close(() => r()))
				});
			});
		}
	);
}

/** A migrated database in `dataDir` with the subscribers and a campaign scheduled for now. */
async function prepare(dataDir: string): Promise<void> {
	const first = await startServer({ LOG_LEVEL: 'warn' }, { keepDataDir: dataDir });
	await first.stop();
	const db = new DatabaseSync(join(dataDir, 'site.sqlite'));
	db.exec('PRAGMA busy_timeout = 5000');
	const at = new Date().toISOString();
	const insert = db.prepare(
		`insert into subscriber (email, name, locale, status, paused, topics, consent_text_version, created_at, confirmed_at, updated_at)
		 values (?, null, ?, 'confirmed', 0, '["news"]', 1, ?, ?, ?)`
	);
	const locales = ['en', 'ne', 'id', 'es'];
	db.exec('begin');
	for (let i = 0; i < subscribers; i++) insert.run(`reader${i}@example.org`, locales[i % 4]!, at, at, at);
	db.exec('commit');
	const body = (text: string) => `<p>${text}</p>`.repeat(6);
	const { lastInsertRowid } = db
		.prepare(
			`insert into newsletter_campaign (subject, preview_text, body_html, topics, locales, status, send_rate, scheduled_at, created_at, updated_at)
			 values (?, ?, ?, '[]', '[]', 'scheduled', ?, ?, ?, ?)`
		)
		.run(
			JSON.stringify({ en: 'Walls that talk', es: 'Muros que hablan', id: 'Dinding yang berbicara', ne: 'बोल्ने पर्खालहरू' }),
			JSON.stringify({ en: 'Three new laneway festivals' }),
			JSON.stringify({
				en: body('Three laneways, forty artists, one weekend: this is what happened when the walls started talking.'),
				es: body('Tres callejones, cuarenta artistas, un fin de semana: esto pasó cuando los muros empezaron a hablar.'),
				id: body('Tiga gang, empat puluh seniman, satu akhir pekan: inilah yang terjadi ketika dinding mulai berbicara.'),
				ne: body('तीन गल्ली, चालीस कलाकार, एक सप्ताहन्त: पर्खालहरू बोल्न थालेपछि यस्तो भयो।')
			}),
			rate,
			at,
			at,
			at
		);
	// The job the admin's "schedule" makes; the server's worker starts the campaign when it sees it.
	db.prepare(
		`insert into job (kind, payload, idempotency_key, status, attempts, max_attempts, run_at, created_at, updated_at)
		 values ('newsletter.start', ?, ?, 'pending', 0, 5, ?, ?, ?)`
	).run(JSON.stringify({ campaignId: Number(lastInsertRowid), scheduledAt: at }), `bench:${lastInsertRowid}`, at, at, at);
	db.close();
}

function campaignState(dataDir: string) {
	const db = new DatabaseSync(join(dataDir, 'site.sqlite'), { readOnly: true });
	try {
		db.exec('PRAGMA busy_timeout = 5000');
		const campaign = db.prepare('select status, started_at, finished_at from newsletter_campaign').get() as {
			status: string;
			started_at: string | null;
			finished_at: string | null;
		};
		const counts = Object.fromEntries(
			(db.prepare('select status, count(*) as n from newsletter_delivery group by status').all() as { status: string; n: number }[]).map((r) => [r.status, r.n])
		);
		return { ...campaign, counts };
	} finally {
		db.close();
	}
}

function peakRssMb(server: RunningServer): number {
	const status = readFileSync(`/proc/${server.process.pid}/status`, 'utf8');
	return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

async function waitUntil(check: () => boolean, timeoutMs: number, what: string) {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

function tally(copies: Map<string, number>) {
	let none = 0;
	let once = 0;
	let more = 0;
	for (let i = 0; i < subscribers; i++) {
		const n = copies.get(`reader${i}@example.org`) ?? 0;
		if (n === 0) none++;
		else if (n === 1) once++;
		else more++;
	}
	return { recipients: subscribers, exactlyOne: once, none, moreThanOne: more };
}

const report: Record<string, unknown> = { subscribers, ratePerMinute: rate, database: 'sqlite' };

// 1. A clean run.
{
	const sink = await startSink();
	const dataDir = mkdtempSync(join(tmpdir(), 'arts-bench-campaign-'));
	try {
		await prepare(dataDir);
		const started = performance.now();
		const server = await startServer(
			{ SMTP_URL: sink.url, LOG_LEVEL: 'warn', ...(process.env.PROFILE_DIR ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.PROFILE_DIR}` } : {}) },
			{ keepDataDir: dataDir }
		);
		let firstAt = 0;
		await waitUntil(
			() => {
				if (!firstAt && sink.received() > 0) firstAt = performance.now();
				return sink.received() >= subscribers;
			},
			30 * 60_000,
			'all messages'
		);
		const lastAt = performance.now();
		await waitUntil(() => campaignState(dataDir).status === 'sent', 60_000, 'the campaign to be marked sent');
		const peak = peakRssMb(server);
		await server.stop();
		const seconds = (lastAt - firstAt) / 1000;
		report.cleanRun = {
			seconds: Number(seconds.toFixed(1)),
			messagesPerSecond: Math.round(subscribers / seconds),
			fromServerStartSeconds: Number(((lastAt - started) / 1000).toFixed(1)),
			averageMessageKb: Number((sink.bytes() / sink.received() / 1024).toFixed(1)),
			serverPeakRssMb: Math.round(peak),
			copies: tally(sink.copies),
			deliveries: campaignState(dataDir).counts
		};
	} finally {
		await sink.close();
		rmSync(dataDir, { recursive: true, force: true });
	}
}

// 2. Killed halfway, restarted.
{
	const sink = await startSink();
	const dataDir = mkdtempSync(join(tmpdir(), 'arts-bench-campaign-'));
	try {
		await prepare(dataDir);
		const first = await startServer({ SMTP_URL: sink.url, LOG_LEVEL: 'warn' }, { keepDataDir: dataDir });
		await waitUntil(() => sink.received() >= subscribers / 2, 30 * 60_000, 'half the messages');
		first.process.kill('SIGKILL');
		await first.stop();
		const atKill = sink.received();
		const stateAtKill = campaignState(dataDir);
		const restartedAt = performance.now();
		const second = await startServer({ SMTP_URL: sink.url, LOG_LEVEL: 'warn' }, { keepDataDir: dataDir });
		await waitUntil(() => campaignState(dataDir).status === 'sent', 30 * 60_000, 'the campaign to finish after the restart');
		// Anything still on its way lands within a moment.
		await new Promise((r) => setTimeout(r, 1000));
		await second.stop();
		report.killedHalfway = {
			receivedWhenKilled: atKill,
			deliveriesWhenKilled: stateAtKill.counts,
			secondsToFinishAfterRestart: Number(((performance.now() - restartedAt) / 1000).toFixed(1)),
			copies: tally(sink.copies),
			deliveries: campaignState(dataDir).counts
		};
	} finally {
		await sink.close();
		rmSync(dataDir, { recursive: true, force: true });
	}
}

console.log(JSON.stringify(report, null, 2));
