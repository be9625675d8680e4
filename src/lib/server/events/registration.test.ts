import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Transaction } from 'kysely';
import { createTestDatabase } from '$lib/server/db/test-database';
import type { Database, RegistrationRow } from '$lib/server/db/schema';
import { ValidationError } from '$lib/server/platform/errors';
import { addSession, cancelSession, updateSession, type SessionInput } from './session.service';
import {
	answerOffer,
	cancel,
	changePartySize,
	confirm,
	expireRunOut,
	findByToken,
	leaveWaitingList,
	register,
	registrationToken,
	waitingListPosition,
	type EventsContext,
	type RegistrationNotices
} from './registration.service';
import { insertTestEvent, insertTestSession, type TestEventOptions } from '../../../../tests/support/event-test-data';

/*
 * The rules of places against a real, freshly migrated database (SQLite, or
 * PostgreSQL with TEST_DATABASE_URL): holds, confirmation, the waiting list with
 * party sizes, offers and their expiry, and the last place under concurrent
 * confirmations.
 */

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: Date;
let notices: { kind: string; email: string; token: string; expiresAt?: string }[];
const secret = 'registration-test-secret-'.repeat(2);

function record(kind: string) {
	return async (_trx: Transaction<Database>, registration: RegistrationRow, token: string, extra?: string | object) => {
		notices.push({ kind, email: registration.email, token, ...(typeof extra === 'string' ? { expiresAt: extra } : {}) });
	};
}

const recordingNotices: RegistrationNotices = {
	confirmRequest: record('confirm-request'),
	confirmed: record('confirmed'),
	waiting: record('waiting'),
	offered: record('offered'),
	cancelled: record('cancelled'),
	moved: record('moved'),
	sessionCancelled: record('session-cancelled'),
	reminder: record('reminder'),
	staffMessage: record('staff-message')
};

function context(): EventsContext {
	return { db: handle.db, clock: () => clock, siteVersion: { invalidate() {} }, linkSecret: secret, notices: recordingNotices };
}

beforeAll(async () => {
	handle = await createTestDatabase();
});
afterAll(() => handle.dispose());
beforeEach(() => {
	clock = new Date('2026-12-10T09:00:00.000Z');
	notices = [];
});

let sessions = 0;
/** A published event with one session of `capacity` places, starting in ten days. */
async function newSession(capacity: number | null, options: { partyMax?: number; holdMinutes?: number; offerHours?: number; questions?: unknown[] } = {}): Promise<number> {
	const event = await insertTestEvent(handle.db, {
		slug: `paste-up-workshop-${++sessions}`,
		partyMax: options.partyMax,
		holdMinutes: options.holdMinutes ?? 30,
		offerHours: options.offerHours,
		questions: options.questions as TestEventOptions['questions'],
		at: clock.toISOString()
	});
	return insertTestSession(handle.db, event.id, { startsLocal: '2026-12-20T15:00', timeZone: 'Asia/Kathmandu', capacity });
}

/** Registers and returns the private link the confirm e-mail carried. */
async function registered(sessionId: number, email: string, partySize = 1): Promise<string> {
	await register(context(), { sessionId, name: email.split('@')[0]!, email, partySize, locale: 'ne', consentText: 'I agree to be e-mailed about this event.' });
	const notice = notices.findLast((n) => n.kind === 'confirm-request' && n.email === email);
	expect(notice, `a confirm e-mail to ${email}`).toBeDefined();
	return notice!.token;
}

async function statusOf(token: string): Promise<string> {
	return (await findByToken(handle.db, token))!.status;
}

describe('registering and confirming', () => {
	it('holds places until the address is confirmed, then keeps them; the link opens only that registration', async () => {
		const session = await newSession(3);
		const token = await registered(session, 'asha@example.org', 2);
		const row = (await findByToken(handle.db, token))!;
		expect(row).toMatchObject({ status: 'unconfirmed', party_size: 2, locale: 'ne' });
		expect(row.hold_expires_at).toBe('2026-12-10T09:30:00.000Z');
		expect(row.code).toMatch(/^[A-Z0-9]{6}$/);
		expect(token).toBe(registrationToken(secret, row));
		expect(row.token_hash).not.toContain(token.split('.')[1]!);
		expect(await findByToken(handle.db, `${row.id}.${'x'.repeat(43)}`)).toBeUndefined();

		// The hold keeps the two places: a party of two behind it has no room to hold.
		const second = await registered(session, 'bima@example.org', 2);
		expect((await findByToken(handle.db, second))!.hold_expires_at).toBeNull();

		expect(await confirm(context(), token)).toBe('confirmed');
		expect(await confirm(context(), token)).toBe('already');
		expect(notices.filter((n) => n.kind === 'confirmed').map((n) => n.email)).toEqual(['asha@example.org']);
		// Confirming without a place puts the second party on the waiting list.
		expect(await confirm(context(), second)).toBe('waiting');
		expect(await statusOf(second)).toBe('waiting');
	});

	it('answers the same for an address already registered, and sends its existing link again', async () => {
		const session = await newSession(10);
		const token = await registered(session, 'chandra@example.org');
		await register(context(), { sessionId: session, name: 'Someone else', email: 'Chandra@Example.org', partySize: 3, locale: 'en', consentText: 'I agree.' });
		const again = notices.filter((n) => n.email === 'chandra@example.org');
		expect(again.map((n) => n.token)).toEqual([token, token]);
		expect(await handle.db.selectFrom('registration').select('id').where('session_id', '=', session).execute()).toHaveLength(1);
	});

	it('refuses a party larger than the event allows, a missing required answer, and a session that is not open', async () => {
		const session = await newSession(10, { partyMax: 2, questions: [{ key: 'access', label: { en: 'Access needs' }, required: true }] });
		const attempt = (partySize: number, answers: Record<string, string> = {}) =>
			register(context(), { sessionId: session, name: 'Dewi', email: 'dewi@example.org', partySize, locale: 'id', answers, consentText: 'Saya setuju.' }).catch((e: unknown) => e);
		const refused = await attempt(3);
		expect(refused).toBeInstanceOf(ValidationError);
		expect((refused as ValidationError).issues).toEqual({ partySize: 'party-size', 'answers.access': 'required' });
		await expect(attempt(2, { access: 'A chair near the door' })).resolves.toBeUndefined();

		await handle.db.updateTable('event_session').set({ registration_closes_at: '2026-12-10T08:00:00.000Z' }).where('id', '=', session).execute();
		const closed = await register(context(), { sessionId: session, name: 'Eka', email: 'eka@example.org', partySize: 1, locale: 'id', answers: { access: '-' }, consentText: 'Saya setuju.' }).catch((e: unknown) => e);
		expect((closed as ValidationError).issues).toEqual({ session: 'closed' });
	});

	it('lets a hold run out: its places go back, and the late confirmation joins the waiting list', async () => {
		const session = await newSession(2, { holdMinutes: 30 });
		const slow = await registered(session, 'slow@example.org', 2);
		clock = new Date('2026-12-10T09:31:00.000Z');
		const quick = await registered(session, 'quick@example.org', 2);
		expect(await confirm(context(), quick)).toBe('confirmed');
		expect(await confirm(context(), slow)).toBe('waiting');
	});

	it('gives the last place to exactly one of many confirming at once', async () => {
		const session = await newSession(1, { holdMinutes: 0 });
		const tokens = [];
		for (let i = 0; i < 12; i++) tokens.push(await registered(session, `rush${i}@example.org`));
		const outcomes = await Promise.all(tokens.map((token) => confirm(context(), token)));
		expect(outcomes.filter((o) => o === 'confirmed')).toHaveLength(1);
		expect(outcomes.filter((o) => o === 'waiting')).toHaveLength(11);
		const rows = await handle.db.selectFrom('registration').select(['status', 'party_size']).where('session_id', '=', session).execute();
		expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(1);
	});
});

describe('the waiting list', () => {
	/** A full session of 4: one confirmed party of 4, then parties of `sizes` on the list in that order. */
	async function fullWithList(sizes: number[]) {
		const session = await newSession(4, { holdMinutes: 0, offerHours: 24 });
		const holder = await registered(session, 'holder@example.org', 4);
		expect(await confirm(context(), holder)).toBe('confirmed');
		const waiting: string[] = [];
		for (const [i, size] of sizes.entries()) {
			clock = new Date(clock.getTime() + 60_000);
			const token = await registered(session, `waiting${i}@example.org`, size);
			expect(await confirm(context(), token)).toBe('waiting');
			waiting.push(token);
		}
		notices = [];
		return { session, holder, waiting };
	}

	it('offers freed places in order, passing over a party too large, which keeps its place in the line', async () => {
		const { holder, waiting } = await fullWithList([3, 2, 1]);
		// Two places free up: the party of 3 does not fit and is passed over; 2 fits; then none is left for 1.
		expect(await changePartySize(context(), holder, 2)).toBe('changed');
		expect(notices.filter((n) => n.kind === 'offered').map((n) => n.email)).toEqual(['waiting1@example.org']);
		expect(await statusOf(waiting[0]!)).toBe('waiting');
		expect(await statusOf(waiting[2]!)).toBe('waiting');

		// The holder cancels: two more places; the party of 3 still does not fit (2 free), the party of 1 does.
		notices = [];
		expect(await cancel(context(), holder)).toBe(true);
		expect(notices.filter((n) => n.kind === 'offered').map((n) => n.email)).toEqual(['waiting2@example.org']);
		expect(notices.filter((n) => n.kind === 'cancelled').map((n) => n.email)).toEqual(['holder@example.org']);
	});

	it('confirms an accepted offer, and passes a declined one on to the next in line', async () => {
		const { holder, waiting } = await fullWithList([2, 2]);
		await changePartySize(context(), holder, 2);
		expect(await statusOf(waiting[0]!)).toBe('offered');
		expect(await answerOffer(context(), waiting[0]!, false)).toBe('declined');
		expect(await statusOf(waiting[1]!)).toBe('offered');
		expect(await answerOffer(context(), waiting[1]!, true)).toBe('accepted');
		expect(await statusOf(waiting[1]!)).toBe('confirmed');
		expect(await answerOffer(context(), waiting[1]!, true)).toBe('gone');
	});

	it('lapses an offer not taken up in time and offers the places to the next party', async () => {
		const { holder, waiting } = await fullWithList([1, 1]);
		await changePartySize(context(), holder, 3);
		const offer = notices.find((n) => n.kind === 'offered')!;
		expect(offer).toMatchObject({ email: 'waiting0@example.org', expiresAt: new Date(clock.getTime() + 24 * 3_600_000).toISOString() });
		clock = new Date(clock.getTime() + 25 * 3_600_000);
		expect(await answerOffer(context(), waiting[0]!, true)).toBe('gone');
		// Other tests' sessions share the database: what changed there is not this test's to count.
		expect(await expireRunOut(context())).toBeGreaterThanOrEqual(1);
		expect(await statusOf(waiting[0]!)).toBe('lapsed');
		expect(await statusOf(waiting[1]!)).toBe('offered');
	});

	it('lets a person leave the list, and a larger party wait for a place it can use', async () => {
		const { holder, waiting } = await fullWithList([3]);
		expect(await changePartySize(context(), holder, 5)).toBe('too-large');
		expect(await changePartySize(context(), waiting[0]!, 2)).toBe('changed');
		await changePartySize(context(), holder, 2);
		expect(await statusOf(waiting[0]!)).toBe('offered');
		expect(await cancel(context(), waiting[0]!)).toBe(true);
		expect(await statusOf(waiting[0]!)).toBe('declined');
		// A party of the confirmed holder cannot grow past what is free.
		expect(await changePartySize(context(), holder, 4)).toBe('changed');
	});
});

describe('leaving the waiting list', () => {
	async function fullSession() {
		const session = await newSession(2, { holdMinutes: 0 });
		const holder = await registered(session, 'keeper@example.org', 2);
		expect(await confirm(context(), holder)).toBe('confirmed');
		return { session, holder };
	}

	it('says where each person stands on the list, and moves those behind up when one leaves', async () => {
		const { session } = await fullSession();
		const tokens: string[] = [];
		for (const name of ['first', 'second', 'third']) {
			clock = new Date(clock.getTime() + 60_000);
			const token = await registered(session, `${name}@example.org`);
			expect(await confirm(context(), token)).toBe('waiting');
			tokens.push(token);
		}
		const positions = async () => Promise.all(tokens.map(async (token) => waitingListPosition(handle.db, (await findByToken(handle.db, token))!)));
		expect(await positions()).toEqual([1, 2, 3]);
		expect(await leaveWaitingList(context(), tokens[0]!)).toBe(true);
		expect(await statusOf(tokens[0]!)).toBe('left');
		expect(await positions()).toEqual([null, 1, 2]);
		expect(await leaveWaitingList(context(), tokens[0]!)).toBe(false);
	});

	it('ends an open offer as left, and offers its places to the next in line', async () => {
		const { session, holder } = await fullSession();
		const tokens: string[] = [];
		for (const name of ['offered', 'next']) {
			clock = new Date(clock.getTime() + 60_000);
			const token = await registered(session, `${name}@example.org`, 2);
			await confirm(context(), token);
			tokens.push(token);
		}
		expect(await cancel(context(), holder)).toBe(true);
		expect(await statusOf(tokens[0]!)).toBe('offered');
		notices = [];
		expect(await leaveWaitingList(context(), tokens[0]!)).toBe(true);
		expect(await statusOf(tokens[0]!)).toBe('left');
		expect(await statusOf(tokens[1]!)).toBe('offered');
		expect(notices.map((n) => [n.kind, n.email])).toEqual([['offered', 'next@example.org']]);
		// Someone with places is not on the list: cancelling is their step.
		const { holder: confirmed } = await fullSession();
		expect(await leaveWaitingList(context(), confirmed)).toBe(false);
		expect(await statusOf(confirmed)).toBe('confirmed');
	});
});

describe('sessions, as staff change them', () => {
	const staff = { id: 'staff-1', email: 'editor@example.org' };
	const kathmandu: SessionInput = {
		startsLocal: '2026-12-20T15:00',
		endsLocal: '2026-12-20T17:00',
		timeZone: 'Asia/Kathmandu',
		venueName: 'Patan Dhoka courtyard',
		venueAddress: 'Patan Dhoka, Lalitpur',
		country: 'np',
		latitude: 27.68,
		longitude: 85.32,
		directions: { en: 'Through the gate, left at the well.' },
		capacity: 2
	};

	async function eventId(): Promise<number> {
		const session = await newSession(5);
		return (await handle.db.selectFrom('event_session').select('event_id').where('id', '=', session).executeTakeFirstOrThrow()).event_id;
	}

	it('plans a session as wall time where it happens, and keeps the same moments in UTC', async () => {
		const id = await addSession(context(), staff, await eventId(), kathmandu);
		const row = await handle.db.selectFrom('event_session').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ starts_local: '2026-12-20T15:00', time_zone: 'Asia/Kathmandu', starts_at: '2026-12-20T09:15:00.000Z', ends_at: '2026-12-20T11:15:00.000Z', country: 'NP', sequence: 0 });
		const refused = await addSession(context(), staff, await eventId(), { ...kathmandu, endsLocal: '2026-12-20T14:00', timeZone: 'Mars/Olympus', online: true, onlineUrl: '' }).catch((e: unknown) => e);
		expect((refused as ValidationError).issues).toEqual({ timeZone: 'time-zone', endsLocal: 'ends-before-start', onlineUrl: 'required' });
	});

	it('tells everyone registered when a session moves, raises its sequence, and offers new places when capacity grows', async () => {
		const id = await addSession(context(), staff, await eventId(), kathmandu);
		const first = await registered(id, 'first@example.org', 2);
		expect(await confirm(context(), first)).toBe('confirmed');
		const second = await registered(id, 'second@example.org', 1);
		expect(await confirm(context(), second)).toBe('waiting');
		notices = [];

		const refused = await updateSession(context(), staff, id, { ...kathmandu, capacity: 1 }).catch((e: unknown) => e);
		expect((refused as ValidationError).issues).toEqual({ capacity: 'below-taken:2' });

		const moved = await updateSession(context(), staff, id, { ...kathmandu, startsLocal: '2026-12-21T15:00', endsLocal: '2026-12-21T17:00', capacity: 3 });
		expect(moved).toEqual({ moved: true, told: 2, offered: 1 });
		expect(notices.map((n) => [n.kind, n.email])).toEqual([
			['moved', 'first@example.org'],
			['moved', 'second@example.org'],
			['offered', 'second@example.org']
		]);
		const row = await handle.db.selectFrom('event_session').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ starts_at: '2026-12-21T09:15:00.000Z', sequence: 1 });

		// Only the capacity: not a move, no one is told.
		notices = [];
		expect(await updateSession(context(), staff, id, { ...kathmandu, startsLocal: '2026-12-21T15:00', endsLocal: '2026-12-21T17:00', capacity: 10 })).toEqual({ moved: false, told: 0, offered: 0 });
		expect(notices).toEqual([]);
	});

	it('cancels a session with its registrations, telling those who confirmed', async () => {
		const id = await addSession(context(), staff, await eventId(), kathmandu);
		const confirmed = await registered(id, 'came@example.org', 1);
		await confirm(context(), confirmed);
		const unconfirmed = await registered(id, 'never@example.org', 1);
		notices = [];
		expect(await cancelSession(context(), staff, id)).toBe(1);
		expect(notices.map((n) => [n.kind, n.email])).toEqual([['session-cancelled', 'came@example.org']]);
		expect(await statusOf(confirmed)).toBe('cancelled');
		expect(await statusOf(unconfirmed)).toBe('cancelled');
		const late = await register(context(), { sessionId: id, name: 'Late', email: 'late@example.org', partySize: 1, locale: 'en', consentText: 'I agree.' }).catch((e: unknown) => e);
		expect((late as ValidationError).issues).toEqual({ session: 'cancelled' });
		const audit = await handle.db.selectFrom('audit_event').select(['action', 'actor_email']).where('action', 'like', 'event.%').execute();
		expect(audit).toContainEqual({ action: 'event.session-cancelled', actor_email: 'editor@example.org' });
	});
});
