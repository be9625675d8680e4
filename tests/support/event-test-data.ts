import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { zonedWallTimeToInstant } from '$lib/server/shared/zoned-time';

/*
 * Test data for the events domain, written straight into the tables the way
 * publishing and the session commands leave them: an event kind, a published
 * event and its sessions. Domain, HTTP and browser-setup code share it so that
 * a column added tomorrow is filled in one place.
 */

let counter = 0;

/** The id of the event kind with this key, made when missing. */
export async function eventKindId(db: Kysely<Database>, key = 'workshop', name: Record<string, string> = { en: 'Workshop', ne: 'कार्यशाला', id: 'Lokakarya', es: 'Taller' }): Promise<number> {
	const found = await db.selectFrom('event_kind').select('id').where('key', '=', key).executeTakeFirst();
	if (found) return found.id;
	const position = (await db.selectFrom('event_kind').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
	const row = await db
		.insertInto('event_kind')
		.values({ position: Number(position) + 1, key, name: JSON.stringify(name), updated_at: new Date().toISOString() })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export interface TestEventOptions {
	slug?: string;
	kindKey?: string;
	title?: Record<string, string>;
	summary?: Record<string, string>;
	body?: Record<string, string>;
	partyMax?: number;
	holdMinutes?: number;
	offerHours?: number;
	remindDayBefore?: boolean;
	remindHourBefore?: boolean;
	questions?: { key: string; label: Record<string, string>; required: boolean }[];
	initiativeId?: number | null;
	coverMediaId?: number | null;
	/** Defaults to now. */
	at?: string;
}

/** A published event (no sessions yet); its id and slug. */
export async function insertTestEvent(db: Kysely<Database>, options: TestEventOptions = {}): Promise<{ id: number; slug: string }> {
	const at = options.at ?? new Date().toISOString();
	const slug = options.slug ?? `paste-up-workshop-${process.pid}-${++counter}`;
	const row = await db
		.insertInto('event')
		.values({
			slug,
			kind_id: await eventKindId(db, options.kindKey),
			initiative_id: options.initiativeId ?? null,
			title: JSON.stringify(options.title ?? { en: 'Paste-up workshop', ne: 'पेस्ट-अप कार्यशाला', id: 'Lokakarya tempel', es: 'Taller de pegatinas' }),
			summary: JSON.stringify(options.summary ?? { en: 'Make a poster and paste it up.', ne: 'पोस्टर बनाएर टाँस्नुहोस्।' }),
			body: JSON.stringify(options.body ?? { en: '<p>Bring old magazines.</p>' }),
			cover_media_id: options.coverMediaId ?? null,
			organizer_name: 'Micro Galleries',
			organizer_email: 'events@example.org',
			access: JSON.stringify({ stepFree: 'yes', seating: '', signLanguage: 'no', captions: '', quietSpace: 'yes', languages: ['ne', 'en'], note: { en: 'The courtyard is flat.' } }),
			party_max: options.partyMax ?? 4,
			questions: JSON.stringify(options.questions ?? []),
			hold_minutes: options.holdMinutes ?? 60,
			offer_hours: options.offerHours ?? 24,
			remind_day_before: options.remindDayBefore === false ? 0 : 1,
			remind_hour_before: options.remindHourBefore === false ? 0 : 1,
			published_at: at,
			updated_at: at
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return { id: row.id, slug };
}

export interface TestSessionOptions {
	/** Wall time `YYYY-MM-DDTHH:MM` in `timeZone`; defaults to ten days from now at 15:00. */
	startsLocal?: string;
	/** Minutes; defaults to 120. */
	lengthMinutes?: number;
	timeZone?: string;
	/** null for no limit; defaults to 20. */
	capacity?: number | null;
	online?: boolean;
	onlineUrl?: string;
	venueName?: string;
	venueAddress?: string;
	country?: string;
	registrationOpensAt?: string | null;
	registrationClosesAt?: string | null;
	status?: 'scheduled' | 'cancelled';
}

function addMinutesToWallTime(local: string, minutes: number): string {
	const moment = new Date(`${local}:00.000Z`);
	return new Date(moment.getTime() + minutes * 60_000).toISOString().slice(0, 16);
}

/** A session of an event, its UTC moments computed from the wall time; its id. */
export async function insertTestSession(db: Kysely<Database>, eventId: number, options: TestSessionOptions = {}): Promise<number> {
	const at = new Date().toISOString();
	const timeZone = options.timeZone ?? 'Asia/Kathmandu';
	const startsLocal = options.startsLocal ?? `${new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10)}T15:00`;
	const endsLocal = addMinutesToWallTime(startsLocal, options.lengthMinutes ?? 120);
	const online = options.online ?? false;
	const row = await db
		.insertInto('event_session')
		.values({
			event_id: eventId,
			starts_local: startsLocal,
			ends_local: endsLocal,
			time_zone: timeZone,
			starts_at: zonedWallTimeToInstant(startsLocal, timeZone).toISOString(),
			ends_at: zonedWallTimeToInstant(endsLocal, timeZone).toISOString(),
			online: online ? 1 : 0,
			online_url: online ? (options.onlineUrl ?? 'https://meet.example.org/paste-up-room') : null,
			venue_name: online ? '' : (options.venueName ?? 'Patan Museum courtyard'),
			venue_address: online ? '' : (options.venueAddress ?? 'Mangal Bazar, Lalitpur'),
			country: online ? '' : (options.country ?? 'NP'),
			latitude: online ? null : 27.6727,
			longitude: online ? null : 85.3253,
			directions: JSON.stringify({}),
			capacity: options.capacity === undefined ? 20 : options.capacity,
			registration_opens_at: options.registrationOpensAt ?? null,
			registration_closes_at: options.registrationClosesAt ?? null,
			status: options.status ?? 'scheduled',
			moved_at: null,
			created_at: at,
			updated_at: at
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}
