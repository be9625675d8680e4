import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '$lib/server/db/test-database';
import { insertTestEvent, insertTestSession } from '../../../../tests/support/event-test-data';
import { comingUp, eventFilterOptions, eventSessions, getEvent, listEvents, unknownEventFilters } from './event-pages';

/*
 * The events as the public pages read them, against a freshly migrated database
 * (SQLite, or PostgreSQL with TEST_DATABASE_URL): upcoming sessions grouped by
 * event, the filters, past events, paging, one event in a language with English
 * behind it, and how places stand; never the online link.
 */

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
const now = new Date('2026-12-10T09:00:00.000Z');
const secretRoom = 'https://meet.example.org/private-room-4821';

beforeAll(async () => {
	handle = await createTestDatabase();
});
afterAll(() => handle.dispose());
beforeEach(async () => {
	for (const table of ['registration', 'event_session', 'event', 'event_kind', 'initiative', 'initiative_kind'] as const) await handle.db.deleteFrom(table).execute();
});

let registrations = 0;
async function registration(sessionId: number, status: 'confirmed' | 'unconfirmed' | 'waiting' | 'offered', partySize: number, extra: { hold_expires_at?: string; offer_expires_at?: string } = {}) {
	registrations++;
	await handle.db
		.insertInto('registration')
		.values({
			session_id: sessionId,
			token_hash: `hash-${registrations}`,
			code: `CODE${registrations}`,
			name: 'Ana',
			email: `ana${registrations}@example.org`,
			locale: 'en',
			party_size: partySize,
			answers: '{}',
			consent_text: 'I agree',
			status,
			hold_expires_at: extra.hold_expires_at ?? null,
			offer_expires_at: extra.offer_expires_at ?? null,
			created_at: now.toISOString(),
			updated_at: now.toISOString()
		})
		.execute();
}

describe('the list of events', () => {
	it('groups upcoming sessions by event, soonest event first, and leaves out what is over', async () => {
		const workshop = await insertTestEvent(handle.db, { slug: 'workshop' });
		const launch = await insertTestEvent(handle.db, { slug: 'launch', kindKey: 'launch', title: { en: 'Online launch' } });
		const over = await insertTestEvent(handle.db, { slug: 'over' });
		await insertTestSession(handle.db, workshop.id, { startsLocal: '2026-12-20T10:00' });
		await insertTestSession(handle.db, workshop.id, { startsLocal: '2026-12-27T10:00' });
		await insertTestSession(handle.db, workshop.id, { startsLocal: '2026-11-01T10:00' });
		await insertTestSession(handle.db, launch.id, { startsLocal: '2026-12-15T19:00', timeZone: 'America/New_York', online: true, onlineUrl: secretRoom });
		await insertTestSession(handle.db, over.id, { startsLocal: '2026-11-20T10:00' });

		const list = await listEvents(handle.db, 'en', { tense: 'upcoming', filters: {}, page: 1, perPage: 10, now });
		expect(list.total).toBe(2);
		expect(list.items.map((i) => i.slug)).toEqual(['launch', 'workshop']);
		expect(list.items[1]!.sessions.map((s) => s.startsLocal)).toEqual(['2026-12-20T10:00', '2026-12-27T10:00']);
		expect(list.items[0]!.sessions[0]).toMatchObject({ online: true, venueName: '', window: 'open' });
		expect(JSON.stringify(list)).not.toContain(secretRoom);
	});

	it('lists past events, latest first, with only events none of whose sessions is still to come', async () => {
		const older = await insertTestEvent(handle.db, { slug: 'older' });
		const newer = await insertTestEvent(handle.db, { slug: 'newer' });
		const ongoing = await insertTestEvent(handle.db, { slug: 'ongoing' });
		await insertTestSession(handle.db, older.id, { startsLocal: '2026-10-01T10:00' });
		await insertTestSession(handle.db, newer.id, { startsLocal: '2026-11-01T10:00' });
		await insertTestSession(handle.db, ongoing.id, { startsLocal: '2026-11-05T10:00' });
		await insertTestSession(handle.db, ongoing.id, { startsLocal: '2026-12-20T10:00' });

		const past = await listEvents(handle.db, 'en', { tense: 'past', filters: {}, page: 1, perPage: 10, now });
		expect(past.items.map((i) => i.slug)).toEqual(['newer', 'older']);
		expect(past.items[0]!.sessions[0]!.window).toBe('past');
		const upcoming = await listEvents(handle.db, 'en', { tense: 'upcoming', filters: {}, page: 1, perPage: 10, now });
		expect(upcoming.items.map((i) => i.slug)).toEqual(['ongoing']);
	});

	it('filters by kind, country, online or on site, and month as the calendar shows it where the session happens', async () => {
		const workshop = await insertTestEvent(handle.db, { slug: 'workshop' });
		const tour = await insertTestEvent(handle.db, { slug: 'tour', kindKey: 'art-tour' });
		const talk = await insertTestEvent(handle.db, { slug: 'talk', kindKey: 'talk' });
		// 00:30 on New Year's Day in Kathmandu is still 31 December in UTC.
		await insertTestSession(handle.db, workshop.id, { startsLocal: '2027-01-01T00:30', timeZone: 'Asia/Kathmandu' });
		await insertTestSession(handle.db, tour.id, { startsLocal: '2026-12-20T14:00', timeZone: 'Australia/Melbourne', country: 'AU' });
		await insertTestSession(handle.db, talk.id, { startsLocal: '2026-12-22T18:00', timeZone: 'Europe/Vienna', online: true });

		const slugs = async (filters: Parameters<typeof listEvents>[2]['filters']) =>
			(await listEvents(handle.db, 'en', { tense: 'upcoming', filters, page: 1, perPage: 10, now })).items.map((i) => i.slug);
		expect(await slugs({ kind: 'art-tour' })).toEqual(['tour']);
		expect(await slugs({ country: 'NP' })).toEqual(['workshop']);
		expect(await slugs({ mode: 'online' })).toEqual(['talk']);
		expect(await slugs({ mode: 'onsite' })).toEqual(['tour', 'workshop']);
		expect(await slugs({ month: '2027-01' })).toEqual(['workshop']);
		expect(await slugs({ month: '2026-12', mode: 'onsite' })).toEqual(['tour']);

		const options = await eventFilterOptions(handle.db, 'en', 'upcoming', now);
		expect(options.kinds.map((k) => k.value).sort()).toEqual(['art-tour', 'talk', 'workshop']);
		expect(options.countries.map((c) => c.value)).toEqual(['AU', 'NP']);
		expect(options.months).toEqual(['2026-12', '2027-01']);
		expect(unknownEventFilters({ kind: 'festival', country: 'NP', mode: '?', month: '2030-01' }, options)).toEqual(['kind', 'mode', 'month']);
	});

	it('pages through events, each event counted once however many sessions it has', async () => {
		for (const slug of ['first', 'second', 'third']) {
			const event = await insertTestEvent(handle.db, { slug });
			await insertTestSession(handle.db, event.id, { startsLocal: `2026-12-${slug === 'first' ? 20 : slug === 'second' ? 21 : 22}T10:00` });
			await insertTestSession(handle.db, event.id, { startsLocal: `2026-12-${slug === 'first' ? 28 : slug === 'second' ? 29 : 30}T10:00` });
		}
		const second = await listEvents(handle.db, 'en', { tense: 'upcoming', filters: {}, page: 2, perPage: 2, now });
		expect(second).toMatchObject({ total: 3, page: 2, pages: 2 });
		expect(second.items.map((i) => i.slug)).toEqual(['third']);
	});
});

describe('one event', () => {
	it('reads in the reader’s language with English behind it, with its access, questions and initiative', async () => {
		const initiative = await handle.db
			.insertInto('initiative')
			.values({
				slug: 'patan-2018',
				kind_id: (await handle.db.insertInto('initiative_kind').values({ position: 1, key: 'festival', name: '{"en":"Festival"}', updated_at: now.toISOString() }).returning('id').executeTakeFirstOrThrow()).id,
				program_id: null,
				title: JSON.stringify({ en: 'Patan 2018', es: 'Patan 2018 (es)' }),
				summary: '{"en":""}',
				body: '{"en":""}',
				theme: '{"en":""}',
				start_date: '2018-11-01',
				end_date: null,
				start_year: 2018,
				end_year: 2018,
				participants: 0,
				figures: '[]',
				credits: '[]',
				gallery: '[]',
				call_ids: '[]',
				cover_media_id: null,
				published_at: now.toISOString(),
				updated_at: now.toISOString()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await insertTestEvent(handle.db, {
			slug: 'paste-up',
			initiativeId: initiative.id,
			title: { en: 'Paste-up workshop', es: 'Taller de pegatinas' },
			summary: { en: 'Make a poster.' },
			questions: [{ key: 'access-needs', label: { en: 'Access needs?', es: '¿Necesidades de acceso?' }, required: true }]
		});
		const event = await getEvent(handle.db, 'paste-up', 'es');
		expect(event).toMatchObject({
			title: { text: 'Taller de pegatinas', lang: 'es' },
			summary: { text: 'Make a poster.', lang: 'en' },
			organizer: { name: 'Micro Galleries', email: 'events@example.org' },
			initiative: { slug: 'patan-2018', title: { text: 'Patan 2018 (es)', lang: 'es' } },
			questions: [{ key: 'access-needs', label: { text: '¿Necesidades de acceso?', lang: 'es' }, required: true }],
			partyMax: 4
		});
		expect(event!.access).toMatchObject({ stepFree: 'yes', seating: '', signLanguage: 'no', quietSpace: 'yes', note: { text: 'The courtyard is flat.', lang: 'en' } });
		expect(event!.access.languages).toHaveLength(2);
		expect(await getEvent(handle.db, 'no-such-event', 'en')).toBeUndefined();
	});

	it('says how places stand for each session: left, full, not open yet, closed, cancelled, moved', async () => {
		const event = await insertTestEvent(handle.db, { slug: 'places' });
		const open = await insertTestSession(handle.db, event.id, { startsLocal: '2026-12-20T10:00', capacity: 10 });
		const full = await insertTestSession(handle.db, event.id, { startsLocal: '2026-12-21T10:00', capacity: 3 });
		const notYet = await insertTestSession(handle.db, event.id, { startsLocal: '2026-12-22T10:00', registrationOpensAt: '2026-12-12T00:00:00.000Z' });
		const closed = await insertTestSession(handle.db, event.id, { startsLocal: '2026-12-23T10:00', registrationClosesAt: '2026-12-09T00:00:00.000Z' });
		const cancelled = await insertTestSession(handle.db, event.id, { startsLocal: '2026-12-24T10:00', status: 'cancelled' });
		const unlimited = await insertTestSession(handle.db, event.id, { startsLocal: '2026-12-25T10:00', capacity: null, online: true, onlineUrl: secretRoom });
		await handle.db.updateTable('event_session').set({ moved_at: now.toISOString() }).where('id', '=', open).execute();
		// Taken: confirmed parties, holds and offers still running; not: a hold that ran out, the waiting list.
		await registration(open, 'confirmed', 2);
		await registration(open, 'unconfirmed', 1, { hold_expires_at: '2026-12-10T10:00:00.000Z' });
		await registration(open, 'unconfirmed', 3, { hold_expires_at: '2026-12-10T08:00:00.000Z' });
		await registration(open, 'offered', 1, { offer_expires_at: '2026-12-11T09:00:00.000Z' });
		await registration(open, 'waiting', 4);
		await registration(full, 'confirmed', 3);

		const sessions = await eventSessions(handle.db, event.id, 'en', now);
		const byId = new Map(sessions.map((s) => [s.id, s]));
		expect(byId.get(open)).toMatchObject({ free: 6, window: 'open', moved: true, cancelled: false });
		expect(byId.get(full)).toMatchObject({ free: 0, window: 'open' });
		expect(byId.get(notYet)).toMatchObject({ window: 'not-yet' });
		expect(byId.get(notYet)!.opens?.zone).toBe('Asia/Kathmandu');
		expect(byId.get(closed)).toMatchObject({ window: 'closed' });
		expect(byId.get(cancelled)).toMatchObject({ window: 'cancelled', cancelled: true });
		expect(byId.get(unlimited)).toMatchObject({ free: null, online: true });
		expect(byId.get(open)!.time).toMatchObject({ zone: 'Asia/Kathmandu', offset: '+05:45' });
		expect(JSON.stringify(sessions)).not.toContain(secretRoom);
	});

	it('gives the home page the next sessions still to start, cancelled ones left out', async () => {
		const event = await insertTestEvent(handle.db, { slug: 'soon', title: { en: 'Soon', ne: 'छिट्टै' } });
		await insertTestSession(handle.db, event.id, { startsLocal: '2026-11-20T10:00' });
		await insertTestSession(handle.db, event.id, { startsLocal: '2026-12-11T10:00', status: 'cancelled' });
		for (const day of [12, 13, 14, 15]) await insertTestSession(handle.db, event.id, { startsLocal: `2026-12-${day}T10:00` });
		const next = await comingUp(handle.db, 'ne', 3, now);
		expect(next.map((n) => n.session.startsLocal)).toEqual(['2026-12-12T10:00', '2026-12-13T10:00', '2026-12-14T10:00']);
		expect(next[0]).toMatchObject({ slug: 'soon', title: { text: 'छिट्टै', lang: 'ne' } });
	});
});
