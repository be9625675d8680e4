import type { Kysely } from 'kysely';
import type { Locale, Localized } from '$lib/i18n/locales';
import { collator, dateTimeFormat } from '$lib/i18n/intl';
import type { Database, EventSessionRow } from '$lib/server/db/schema';
import { countryName } from '$lib/server/shared/countries';
import { languageName } from '$lib/server/shared/languages';
import { parseLocalized, pick, pickJson, writtenLanguages, type Text } from '$lib/server/shared/localized-text';
import { pageCount } from '$lib/server/platform/paging';
import { registrationWindow, type RegistrationWindow } from './registration.service';
import { formatSessionTime, formatZonedInstant, type ZonedText } from './session-time';

/*
 * The events as the public site reads them: upcoming sessions grouped by their
 * event, past events, one event whole, the next few sessions for the home page.
 * Only what the pages show: a session's online link is for confirmed people and
 * is never selected here.
 *
 * Two kinds of data, cached differently by the routes: what an event says (its
 * texts, access, organizer) changes only when staff publish, so it may be kept
 * until the site version moves; which sessions are upcoming and how many places
 * are left change with the clock and with every registration, so they are read
 * for each rendering (and the page itself is kept a short while at most).
 */

/** The filters of /events, as its address gives them; '?' for a value that cannot be one. */
export interface EventFilters {
	kind?: string;
	country?: string;
	mode?: 'online' | 'onsite' | '?';
	/** `YYYY-MM`, in the session's own time zone. */
	month?: string;
}

export type EventTense = 'upcoming' | 'past';

export interface EventFilterOptions {
	kinds: { value: string; label: Text }[];
	countries: { value: string; label: string }[];
	/** `YYYY-MM`, in order of time (newest first for past events). */
	months: string[];
}

/** Sessions still to come (or under way) at `at`, or over. */
function sessionsIn(db: Kysely<Database>, tense: EventTense, at: string) {
	const sessions = db.selectFrom('event_session');
	return tense === 'upcoming' ? sessions.where('event_session.ends_at', '>', at) : sessions.where('event_session.ends_at', '<=', at).where('event_session.event_id', 'in', pastEventIds(db, at));
}

/** The values the filters offer for upcoming or past events: only those some session has. */
export async function eventFilterOptions(db: Kysely<Database>, locale: Locale, tense: EventTense, now: Date): Promise<EventFilterOptions> {
	const at = now.toISOString();
	const sessions = sessionsIn(db, tense, at);
	const [kinds, countries, months] = await Promise.all([
		db
			.selectFrom('event_kind')
			.select(['key', 'name'])
			.where('id', 'in', sessions.innerJoin('event', 'event.id', 'event_session.event_id').select('event.kind_id'))
			.orderBy('position')
			.orderBy('id')
			.execute(),
		sessions.select('country').distinct().where('country', '<>', '').execute(),
		sessions.select('starts_local').execute()
	]);
	const order = collator(locale);
	const monthSet = [...new Set(months.map((row) => row.starts_local.slice(0, 7)))].sort();
	return {
		kinds: kinds.map((row) => ({ value: row.key, label: pickJson(row.name, locale) })),
		countries: countries.map((c) => ({ value: c.country, label: countryName(c.country, locale) })).sort((a, b) => order.compare(a.label, b.label)),
		months: tense === 'past' ? monthSet.reverse() : monthSet
	};
}

/** Which asked-for filter values the page does not know: it says so and shows the rest. */
export function unknownEventFilters(filters: EventFilters, options: EventFilterOptions): (keyof EventFilters)[] {
	const unknown: (keyof EventFilters)[] = [];
	if (filters.kind !== undefined && !options.kinds.some((k) => k.value === filters.kind)) unknown.push('kind');
	if (filters.country !== undefined && !options.countries.some((c) => c.value === filters.country)) unknown.push('country');
	if (filters.mode === '?') unknown.push('mode');
	if (filters.month !== undefined && !options.months.includes(filters.month)) unknown.push('month');
	return unknown;
}

/** Events none of whose sessions is still to come. */
function pastEventIds(db: Kysely<Database>, at: string) {
	return db
		.selectFrom('event_session')
		.select('event_id')
		.groupBy('event_id')
		.having((eb) => eb.fn.max('ends_at'), '<=', at);
}

/** The sessions that match the filters, of upcoming or past events. */
function matchingSessions(db: Kysely<Database>, filters: EventFilters, tense: EventTense, at: string) {
	let query = sessionsIn(db, tense, at);
	if (filters.kind !== undefined) {
		const kind = filters.kind;
		query = query.where('event_session.event_id', 'in', (eb) =>
			eb
				.selectFrom('event')
				.innerJoin('event_kind', 'event_kind.id', 'event.kind_id')
				.select('event.id')
				.where('event_kind.key', '=', kind)
		);
	}
	if (filters.country !== undefined) query = query.where('event_session.country', '=', filters.country);
	if (filters.mode === 'online') query = query.where('event_session.online', '=', 1);
	if (filters.mode === 'onsite') query = query.where('event_session.online', '=', 0);
	if (filters.month !== undefined && /^\d{4}-\d{2}$/.test(filters.month)) {
		// Wall times compare as text: the month as people there see it on their calendar.
		query = query.where('event_session.starts_local', '>=', `${filters.month}-01`).where('event_session.starts_local', '<', `${nextMonth(filters.month)}-01`);
	}
	return query;
}

function nextMonth(month: string): string {
	const [year, number] = month.split('-').map(Number) as [number, number];
	return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

/** A session as the public pages show it. */
export interface PublicSession {
	id: number;
	eventId: number;
	startsAt: string;
	endsAt: string;
	/** Wall time where it happens, `YYYY-MM-DDTHH:MM`. */
	startsLocal: string;
	/** The day it starts, where it happens: "Tuesday, 15 December 2026". */
	day: string;
	time: ZonedText;
	online: boolean;
	venueName: string;
	venueAddress: string;
	country: string;
	countryName: string;
	latitude: number | null;
	longitude: number | null;
	directions: Text | null;
	capacity: number | null;
	/** Places free now (null: no limit). */
	free: number | null;
	window: RegistrationWindow;
	/** When registration opens, while it is not open yet. */
	opens: ZonedText | null;
	/** The session moved since people first registered. */
	moved: boolean;
	cancelled: boolean;
}

/** The columns a page may show: never `online_url`. */
const publicSessionColumns = [
	'event_session.id',
	'event_session.event_id',
	'event_session.starts_local',
	'event_session.time_zone',
	'event_session.starts_at',
	'event_session.ends_at',
	'event_session.online',
	'event_session.venue_name',
	'event_session.venue_address',
	'event_session.country',
	'event_session.latitude',
	'event_session.longitude',
	'event_session.directions',
	'event_session.capacity',
	'event_session.registration_opens_at',
	'event_session.registration_closes_at',
	'event_session.status',
	'event_session.moved_at'
] as const;

type SessionRow = {
	id: number;
	event_id: number;
	starts_local: string;
	time_zone: string;
	starts_at: string;
	ends_at: string;
	online: number;
	venue_name: string;
	venue_address: string;
	country: string;
	latitude: number | null;
	longitude: number | null;
	directions: string;
	capacity: number | null;
	registration_opens_at: string | null;
	registration_closes_at: string | null;
	status: EventSessionRow['status'];
	moved_at: string | null;
};

/**
 * Places taken per session at `at`, for many sessions in one query: the same
 * rule as registration-rules.ts `placesTaken` (confirmed, offers still open,
 * holds still running).
 */
async function placesTakenBySession(db: Kysely<Database>, sessionIds: number[], at: string): Promise<Map<number, number>> {
	const taken = new Map<number, number>();
	if (sessionIds.length === 0) return taken;
	const rows = await db
		.selectFrom('registration')
		.select((eb) => ['session_id', eb.fn.sum<number | string>('party_size').as('taken')])
		.where('session_id', 'in', sessionIds)
		.where((eb) =>
			eb.or([
				eb('status', '=', 'confirmed'),
				eb.and([eb('status', '=', 'offered'), eb('offer_expires_at', '>', at)]),
				eb.and([eb('status', '=', 'unconfirmed'), eb('hold_expires_at', '>', at)])
			])
		)
		.groupBy('session_id')
		.execute();
	// PostgreSQL sums integers into a bigint, which the driver gives as a string.
	for (const row of rows) taken.set(row.session_id, Number(row.taken));
	return taken;
}

async function toPublicSessions(db: Kysely<Database>, rows: SessionRow[], locale: Locale, now: Date): Promise<PublicSession[]> {
	const taken = await placesTakenBySession(
		db,
		rows.filter((r) => r.capacity !== null).map((r) => r.id),
		now.toISOString()
	);
	return rows.map((row) => {
		const directions = pick(parseLocalized(row.directions), locale);
		const window = registrationWindow(row, now);
		return {
			id: row.id,
			eventId: row.event_id,
			startsAt: row.starts_at,
			endsAt: row.ends_at,
			startsLocal: row.starts_local,
			day: dateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: row.time_zone }).format(new Date(row.starts_at)),
			time: formatSessionTime(row, locale),
			online: row.online === 1,
			venueName: row.venue_name,
			venueAddress: row.venue_address,
			country: row.country,
			countryName: row.country ? countryName(row.country, locale) : '',
			latitude: row.latitude === null ? null : Number(row.latitude),
			longitude: row.longitude === null ? null : Number(row.longitude),
			directions: directions.text.trim() === '' ? null : directions,
			capacity: row.capacity,
			free: row.capacity === null ? null : Math.max(0, row.capacity - (taken.get(row.id) ?? 0)),
			window,
			opens: window === 'not-yet' && row.registration_opens_at ? formatZonedInstant(row.registration_opens_at, row.time_zone, locale) : null,
			moved: row.moved_at !== null,
			cancelled: row.status === 'cancelled'
		};
	});
}

/** An event in a list: what its card says, with the sessions that matched. */
export interface EventCard {
	id: number;
	slug: string;
	title: Text;
	summary: Text;
	kind: Text;
	coverMediaId: number | null;
	sessions: PublicSession[];
	/** Sessions that matched beyond those listed on the card. */
	moreSessions: number;
}

export interface EventList {
	items: EventCard[];
	total: number;
	page: number;
	pages: number;
}

/** Sessions a card lists at most; the event's page has them all. */
const sessionsPerCard = 4;

/**
 * One page of events with sessions matching the filters: upcoming events by
 * their next matching session, soonest first; past events by their last
 * session, latest first.
 */
export async function listEvents(
	db: Kysely<Database>,
	locale: Locale,
	options: { tense: EventTense; filters: EventFilters; page: number; perPage: number; now: Date }
): Promise<EventList> {
	const { tense, filters, page, perPage, now } = options;
	const at = now.toISOString();
	const counted = await matchingSessions(db, filters, tense, at)
		.select((eb) => eb.fn.count<number | string>('event_session.event_id').distinct().as('n'))
		.executeTakeFirst();
	const total = Number(counted?.n ?? 0);
	const firstOrLast = tense === 'upcoming' ? 'min' : 'max';
	const ordered = await matchingSessions(db, filters, tense, at)
		.select((eb) => ['event_session.event_id', eb.fn[firstOrLast]<string>('event_session.starts_at').as('at')])
		.groupBy('event_session.event_id')
		.orderBy('at', tense === 'upcoming' ? 'asc' : 'desc')
		.orderBy('event_session.event_id')
		.limit(perPage)
		.offset((page - 1) * perPage)
		.execute();
	const ids = ordered.map((row) => row.event_id);
	if (ids.length === 0) return { items: [], total, page, pages: pageCount(total, perPage) };
	const [events, sessionRows] = await Promise.all([
		db
			.selectFrom('event')
			.innerJoin('event_kind', 'event_kind.id', 'event.kind_id')
			.select(['event.id', 'event.slug', 'event.title', 'event.summary', 'event.cover_media_id', 'event_kind.name as kind_name'])
			.where('event.id', 'in', ids)
			.execute(),
		matchingSessions(db, filters, tense, at)
			.select(publicSessionColumns)
			.where('event_session.event_id', 'in', ids)
			.orderBy('event_session.starts_at', tense === 'upcoming' ? 'asc' : 'desc')
			.orderBy('event_session.id')
			.execute()
	]);
	const sessions = await toPublicSessions(db, sessionRows, locale, now);
	const byId = new Map(events.map((e) => [e.id, e]));
	const items = ids.flatMap((id) => {
		const event = byId.get(id);
		if (!event) return [];
		const own = sessions.filter((s) => s.eventId === id);
		return [
			{
				id,
				slug: event.slug,
				title: pickJson(event.title, locale),
				summary: pickJson(event.summary, locale),
				kind: pickJson(event.kind_name, locale),
				coverMediaId: event.cover_media_id,
				sessions: own.slice(0, sessionsPerCard),
				moreSessions: Math.max(0, own.length - sessionsPerCard)
			}
		];
	});
	return { items, total, page, pages: pageCount(total, perPage) };
}

/** One session on the home page's "coming up" list. */
export interface ComingUp {
	slug: string;
	title: Text;
	session: PublicSession;
}

/** The next `count` sessions still to start, cancelled ones left out. */
export async function comingUp(db: Kysely<Database>, locale: Locale, count: number, now: Date): Promise<ComingUp[]> {
	const rows = await db
		.selectFrom('event_session')
		.innerJoin('event', 'event.id', 'event_session.event_id')
		.select(publicSessionColumns)
		.select(['event.slug', 'event.title'])
		.where('event_session.starts_at', '>', now.toISOString())
		.where('event_session.status', '<>', 'cancelled')
		.orderBy('event_session.starts_at')
		.orderBy('event_session.id')
		.limit(count)
		.execute();
	const sessions = await toPublicSessions(db, rows, locale, now);
	return rows.map((row, i) => ({ slug: row.slug, title: pickJson(row.title, locale), session: sessions[i]! }));
}

/** An access feature is there, is not, or the organizer has not said. */
export type AccessAnswer = 'yes' | 'no' | '';

const accessKeys = ['stepFree', 'seating', 'signLanguage', 'captions', 'quietSpace'] as const;

function jsonOf(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		// Written by publishing, so always JSON; an unreadable value says nothing.
		return undefined;
	}
}

/** The `access` column read forgivingly, as publishing writes it: what is missing is "not stated". */
function readAccess(json: string, locale: Locale): PublicAccess {
	const value = jsonOf(json);
	const access = (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as Record<string, unknown>;
	const answer = (key: string): AccessAnswer => (access[key] === 'yes' || access[key] === 'no' ? access[key] : '');
	const note = access.note && typeof access.note === 'object' ? pick({ en: '', ...(access.note as Partial<Localized>) } as Localized, locale) : null;
	return {
		...(Object.fromEntries(accessKeys.map((key) => [key, answer(key)])) as Record<(typeof accessKeys)[number], AccessAnswer>),
		languages: (Array.isArray(access.languages) ? access.languages : []).filter((l): l is string => typeof l === 'string').map((code) => languageName(code, locale)),
		note: note && note.text.trim() !== '' ? note : null
	};
}

/** The `questions` column: [{ key, label, required }]. */
function readQuestions(json: string, locale: Locale): PublicQuestion[] {
	const value = jsonOf(json);
	if (!Array.isArray(value)) return [];
	return value
		.filter((q): q is { key: string; label: Partial<Localized>; required?: unknown } => typeof q?.key === 'string' && typeof q?.label === 'object' && q.label !== null)
		.map((q) => ({ key: q.key, label: pick({ en: '', ...q.label } as Localized, locale), required: q.required === true }));
}

/** What an event says about access: each feature yes, no or not stated. */
export interface PublicAccess {
	stepFree: AccessAnswer;
	seating: AccessAnswer;
	signLanguage: AccessAnswer;
	captions: AccessAnswer;
	quietSpace: AccessAnswer;
	/** Names of the languages spoken, in the reader's language. */
	languages: string[];
	note: Text | null;
}

export interface PublicQuestion {
	key: string;
	label: Text;
	required: boolean;
}

/** An event's own part, which changes only when staff publish: safe to keep until the site version moves. */
export interface EventDetail {
	id: number;
	slug: string;
	title: Text;
	summary: Text;
	body: Text;
	kind: { key: string; name: Text };
	organizer: { name: string; email: string };
	initiative: { slug: string; title: Text } | null;
	coverMediaId: number | null;
	access: PublicAccess;
	questions: PublicQuestion[];
	partyMax: number;
	publishedAt: string;
	updatedAt: string;
	/** Every language the title, summary or text is written in. */
	languages: Locale[];
}


/** The published event at `slug`, or undefined. */
export async function getEvent(db: Kysely<Database>, slug: string, locale: Locale): Promise<EventDetail | undefined> {
	const row = await db
		.selectFrom('event')
		.innerJoin('event_kind', 'event_kind.id', 'event.kind_id')
		.leftJoin('initiative', 'initiative.id', 'event.initiative_id')
		.select([
			'event.id',
			'event.slug',
			'event.title',
			'event.summary',
			'event.body',
			'event.cover_media_id',
			'event.organizer_name',
			'event.organizer_email',
			'event.access',
			'event.party_max',
			'event.questions',
			'event.published_at',
			'event.updated_at',
			'event_kind.key as kind_key',
			'event_kind.name as kind_name',
			'initiative.slug as initiative_slug',
			'initiative.title as initiative_title'
		])
		.where('event.slug', '=', slug)
		.executeTakeFirst();
	if (!row) return undefined;
	const title = parseLocalized(row.title);
	const summary = parseLocalized(row.summary);
	const body = parseLocalized(row.body);
	return {
		id: row.id,
		slug: row.slug,
		title: pick(title, locale),
		summary: pick(summary, locale),
		body: pick(body, locale),
		kind: { key: row.kind_key, name: pickJson(row.kind_name, locale) },
		organizer: { name: row.organizer_name, email: row.organizer_email },
		initiative: row.initiative_slug && row.initiative_title ? { slug: row.initiative_slug, title: pickJson(row.initiative_title, locale) } : null,
		coverMediaId: row.cover_media_id,
		access: readAccess(row.access, locale),
		questions: readQuestions(row.questions, locale),
		partyMax: row.party_max,
		publishedAt: row.published_at,
		updatedAt: row.updated_at,
		languages: writtenLanguages(title, summary, body)
	};
}

/** Every session of an event, soonest first, with how places stand at `now`. */
export async function eventSessions(db: Kysely<Database>, eventId: number, locale: Locale, now: Date): Promise<PublicSession[]> {
	const rows = await db
		.selectFrom('event_session')
		.select(publicSessionColumns)
		.where('event_session.event_id', '=', eventId)
		.orderBy('event_session.starts_at')
		.orderBy('event_session.id')
		.execute();
	return toPublicSessions(db, rows, locale, now);
}

/** Every published event, for the sitemap. */
export async function eventsSitemap(db: Kysely<Database>): Promise<{ path: string; updatedAt: string }[]> {
	const rows = await db.selectFrom('event').select(['slug', 'updated_at']).orderBy('id').execute();
	return rows.map((row) => ({ path: `/events/${row.slug}`, updatedAt: row.updated_at }));
}

/** The event a session belongs to, or undefined for no such session: a form names the session it registers for. */
export async function eventOfSession(db: Kysely<Database>, sessionId: number): Promise<number | undefined> {
	const row = await db.selectFrom('event_session').select('event_id').where('id', '=', sessionId).executeTakeFirst();
	return row?.event_id;
}
