/**
 * A registration rush: 500 people confirming at once for a session of 100
 * places, through two app processes on the same database, then 30 cancellations
 * and the waiting-list offers they set off.
 *
 * 1. Two built servers start on one database (a SQLite file in a shared
 *    DATA_DIR, or a fresh PostgreSQL database), with the same secret, so a
 *    private link works on either.
 * 2. 500 people register (through the domain's `register`, to get their links),
 *    and their holds are let run out, so that every one of them competes for the
 *    places when they confirm: the hardest case for "never oversold".
 * 3. All 500 press "Confirm" on their private page at the same moment, each
 *    request to one of the two servers in turn: p50/p95/max latency, errors.
 *    Then the database must say: exactly 100 places taken, 400 on the waiting
 *    list, everyone confirmed before anyone waits (the order of the changes).
 * 4. 30 confirmed people cancel at once, on both servers: the 30 places are
 *    offered to the first 30 on the waiting list, in order, each told once.
 *
 * SQLite always; PostgreSQL too when TEST_DATABASE_URL names a server (a
 * database is made there and dropped). Run: npx tsx scripts/bench-registration.ts
 * (PEOPLE=…, PLACES=…, CANCELS=…).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import { buildIfNeeded } from './build-if-needed.ts';
import { startServer, type RunningServer } from '../tests/support/server.ts';
import { insertTestEvent, insertTestSession } from '../tests/support/event-test-data.ts';
import { openDatabase } from '../src/lib/server/db/connect.ts';
import { adminQuery, withDatabase } from '../src/lib/server/db/test-database.ts';
import type { Database, RegistrationRow } from '../src/lib/server/db/schema.ts';
import { register, type EventsContext, type RegistrationNotices } from '../src/lib/server/events/registration.service.ts';

const people = Number(process.env.PEOPLE ?? 500);
const places = Number(process.env.PLACES ?? 100);
const cancels = Number(process.env.CANCELS ?? 30);
const secret = randomBytes(32).toString('base64url');

if (!buildIfNeeded()) throw new Error('The build failed');

interface Timed {
	ms: number;
	status: number | 'network';
}

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function report(label: string, results: Timed[]): number {
	const ms = results.map((r) => r.ms).sort((a, b) => a - b);
	const errors = results.filter((r) => r.status === 'network' || r.status >= 400);
	console.log(
		`  ${label}: ${results.length} requests, ${errors.length} errors, p50 ${percentile(ms, 50).toFixed(0)} ms, p95 ${percentile(ms, 95).toFixed(0)} ms, max ${ms.at(-1)!.toFixed(0)} ms`
	);
	if (errors.length > 0) console.log(`    statuses: ${[...new Set(errors.map((e) => e.status))].join(', ')}`);
	return errors.length;
}

/** Presses a button of the private page as a browser without JavaScript does: a form POST to the named action. */
async function press(server: RunningServer, token: string, action: string, fields: Record<string, string>, index: number): Promise<Timed> {
	const started = performance.now();
	try {
		const response = await fetch(`${server.origin}/registrations/${token}?/${action}`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: server.origin,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded',
				// One address per person, as a crowd has: the per-address limits must not turn them away.
				'x-forwarded-for': `10.77.${(index >> 8) & 255}.${index & 255}`
			},
			body: new URLSearchParams(fields).toString()
		});
		await response.arrayBuffer();
		return { ms: performance.now() - started, status: response.status };
	} catch {
		return { ms: performance.now() - started, status: 'network' };
	}
}

async function counts(db: Kysely<Database>, sessionId: number): Promise<Record<string, number>> {
	const rows = await db
		.selectFrom('registration')
		.select(['status', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('party_size').as('party')])
		.where('session_id', '=', sessionId)
		.groupBy('status')
		.execute();
	return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

async function rush(engine: 'SQLite' | 'PostgreSQL', serverUrl?: string): Promise<boolean> {
	console.log(`\n${engine}: ${people} people confirm at once for ${places} places, through two app processes`);
	const dataDir = mkdtempSync(join(tmpdir(), 'arts-rush-'));
	const databaseName = `rush_${randomBytes(5).toString('hex')}`;
	const databaseUrl = serverUrl ? withDatabase(serverUrl, databaseName) : undefined;
	if (serverUrl) await adminQuery(serverUrl, `create database ${databaseName}`);
	const env = {
		AUTH_SECRET: secret,
		LOG_LEVEL: 'warn',
		ADDRESS_HEADER: 'x-forwarded-for',
		XFF_DEPTH: '1',
		...(databaseUrl ? { DATABASE_URL: databaseUrl } : {})
	};
	const servers: RunningServer[] = [];
	let handle: Awaited<ReturnType<typeof openDatabase>> | undefined;
	let good = true;
	const check = (ok: boolean, text: string) => {
		console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${text}`);
		good &&= ok;
	};
	try {
		// The first server migrates and seeds; the second starts on what it made.
		servers.push(await startServer(env, { keepDataDir: dataDir }));
		servers.push(await startServer(env, { keepDataDir: dataDir }));
		handle = await openDatabase({ databaseUrl, sqlitePath: join(dataDir, 'site.sqlite') });
		const db = handle.db;

		const event = await insertTestEvent(db, { slug: 'rush-launch', partyMax: 1, holdMinutes: 60, offerHours: 24 });
		const sessionId = await insertTestSession(db, event.id, { capacity: places, online: true });
		const tokens = new Map<string, string>();
		const record = async (_trx: Transaction<Database>, registration: RegistrationRow, token: string) => void tokens.set(registration.email, token);
		const notices: RegistrationNotices = {
			confirmRequest: record,
			confirmed: record,
			waiting: record,
			offered: record,
			cancelled: record,
			moved: record,
			sessionCancelled: record,
			reminder: record,
			staffMessage: record
		};
		const context: EventsContext = { db, clock: () => new Date(), siteVersion: { invalidate() {} }, linkSecret: secret, notices };
		for (let i = 0; i < people; i++) {
			await register(context, { sessionId, name: `Person ${i}`, email: `person${i}@example.org`, partySize: 1, locale: (['en', 'ne', 'id', 'es'] as const)[i % 4]!, consentText: 'I agree to be e-mailed about this event.' });
		}
		// Everyone's hold ran out before they clicked: all of them compete for the places.
		await db.updateTable('registration').set({ hold_expires_at: null }).where('session_id', '=', sessionId).execute();
		const links = [...tokens.values()];
		check(links.length === people, `${links.length} people registered, each with a private link`);

		const confirmed = await Promise.all(links.map((token, i) => press(servers[i % 2]!, token, 'confirm', {}, i)));
		const failedConfirms = report('confirm', confirmed);
		check(failedConfirms === 0, 'no confirmation failed');
		if (failedConfirms > 0) console.log(`    the first server said:\n${servers[0]!.output().slice(-1500)}`);
		const afterRush = await counts(db, sessionId);
		const taken = await db
			.selectFrom('registration')
			.select((eb) => eb.fn.coalesce(eb.fn.sum<number>('party_size'), eb.lit(0)).as('places'))
			.where('session_id', '=', sessionId)
			.where('status', '=', 'confirmed')
			.executeTakeFirstOrThrow();
		check(Number(taken.places) === places, `places taken: ${taken.places} of ${places}`);
		check((afterRush.waiting ?? 0) === people - places, `on the waiting list: ${afterRush.waiting ?? 0} (expected ${people - places})`);
		check(!afterRush.unconfirmed, `left unconfirmed: ${afterRush.unconfirmed ?? 0}`);
		const order = await db
			.selectFrom('registration')
			.select([(eb) => eb.fn.max('confirmed_at').as('lastConfirmed'), (eb) => eb.fn.min('waiting_since').as('firstWaiting')])
			.where('session_id', '=', sessionId)
			.executeTakeFirstOrThrow();
		check(String(order.lastConfirmed) <= String(order.firstWaiting), `everyone confirmed before anyone waited (last place ${order.lastConfirmed}, first wait ${order.firstWaiting})`);

		// The first `cancels` confirmed people cancel, at once, on both servers.
		const waitingBefore = await db
			.selectFrom('registration')
			.select(['id'])
			.where('session_id', '=', sessionId)
			.where('status', '=', 'waiting')
			.orderBy('waiting_since')
			.orderBy('id')
			.execute();
		const leaving = await db.selectFrom('registration').select(['email']).where('session_id', '=', sessionId).where('status', '=', 'confirmed').orderBy('id').limit(cancels).execute();
		const cancelled = await Promise.all(leaving.map((row, i) => press(servers[i % 2]!, tokens.get(row.email)!, 'cancel', { confirm_cancel: 'yes' }, people + i)));
		check(report('cancel', cancelled) === 0, 'no cancellation failed');
		const afterCancels = await counts(db, sessionId);
		check((afterCancels.cancelled ?? 0) === cancels, `cancelled: ${afterCancels.cancelled ?? 0}`);
		const offered = await db.selectFrom('registration').select(['id']).where('session_id', '=', sessionId).where('status', '=', 'offered').orderBy('id').execute();
		const firstInLine = waitingBefore.slice(0, cancels).map((r) => r.id).sort((a, b) => a - b);
		check(
			JSON.stringify(offered.map((r) => r.id)) === JSON.stringify(firstInLine),
			`the ${offered.length} places freed went to the first ${cancels} on the waiting list, in order`
		);
		const offerMails = await db.selectFrom('mail_message').select(['idempotency_key']).where('idempotency_key', 'like', 'registration:%:offer%').execute();
		check(offerMails.length === cancels, `offer e-mails queued: ${offerMails.length}, one per offer`);
	} finally {
		await handle?.close();
		for (const server of servers) await server.stop();
		rmSync(dataDir, { recursive: true, force: true });
		if (serverUrl) await adminQuery(serverUrl, `drop database if exists ${databaseName} with (force)`);
	}
	return good;
}

let allGood = await rush('SQLite');
if (process.env.TEST_DATABASE_URL) allGood = (await rush('PostgreSQL', process.env.TEST_DATABASE_URL)) && allGood;
else console.log('\nPostgreSQL: not run (set TEST_DATABASE_URL=postgres://…)');
process.exitCode = allGood ? 0 : 1;
