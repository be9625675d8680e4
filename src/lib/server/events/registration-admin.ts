import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { collator } from '$lib/i18n/intl';
import type { Database, RegistrationRow, RegistrationStatus } from '$lib/server/db/schema';
import { csvLines, type CsvCell } from '$lib/server/platform/csv';
import { pageWindow } from '$lib/server/platform/paging';
import { parseLocalized } from '$lib/server/shared/localized-text';
import { placesTaken } from './registration-rules';

/*
 * What staff read about the people registered for one session: how many in each
 * status, the list (searched by name, address or ticket code; narrowed by
 * status), the waiting list in its order, the answers to the event's questions,
 * the CSV export, the printable door list and the search at the door.
 */

/** What the list can be narrowed to: a status, or those checked in. */
export const registrationFilters = ['confirmed', 'waiting', 'offered', 'unconfirmed', 'cancelled', 'checked-in', 'ended'] as const;
export type RegistrationFilter = (typeof registrationFilters)[number];

/** Statuses of registrations that ended without the person coming: expired, declined, left, lapsed. */
const endedStatuses: readonly RegistrationStatus[] = ['expired', 'declined', 'left', 'lapsed'];

export interface RegistrationCounts {
	confirmed: number;
	waiting: number;
	offered: number;
	unconfirmed: number;
	cancelled: number;
	ended: number;
	/** Confirmed registrations checked in, and the people in their parties. */
	checkedIn: number;
	checkedInPeople: number;
	/** Places taken now (confirmed, open offers, holds: registration-rules.ts) and the session's capacity (null: no limit). */
	placesTaken: number;
	capacity: number | null;
}

export async function registrationCounts(db: Kysely<Database>, session: { id: number; capacity: number | null }, now: Date): Promise<RegistrationCounts> {
	const rows = await db
		.selectFrom('registration')
		.select((eb) => [
			'status',
			eb.fn.countAll<number | string>().as('registrations'),
			eb.fn.count<number | string>('checked_in_at').as('checked_in'),
			eb.fn.sum<number | string>(eb.case().when('checked_in_at', 'is not', null).then(eb.ref('party_size')).else(0).end()).as('checked_in_people')
		])
		.where('session_id', '=', session.id)
		.groupBy('status')
		.execute();
	const of = (status: RegistrationStatus) => Number(rows.find((r) => r.status === status)?.registrations ?? 0);
	const confirmed = rows.find((r) => r.status === 'confirmed');
	return {
		confirmed: of('confirmed'),
		waiting: of('waiting'),
		offered: of('offered'),
		unconfirmed: of('unconfirmed'),
		cancelled: of('cancelled'),
		ended: endedStatuses.reduce((sum, status) => sum + of(status), 0),
		checkedIn: Number(confirmed?.checked_in ?? 0),
		checkedInPeople: Number(confirmed?.checked_in_people ?? 0),
		placesTaken: await placesTaken(db, session.id, now.toISOString()),
		capacity: session.capacity
	};
}

export interface Question {
	key: string;
	label: string;
}

/** The event's questions with their English labels (the admin is in English), in order. */
export async function questionsOfSession(db: Kysely<Database>, sessionId: number): Promise<Question[]> {
	const row = await db
		.selectFrom('event_session')
		.innerJoin('event', 'event.id', 'event_session.event_id')
		.select('event.questions')
		.where('event_session.id', '=', sessionId)
		.executeTakeFirst();
	if (!row) return [];
	const questions = JSON.parse(row.questions) as { key: string; label: Record<string, string> | string }[];
	return questions.map((q) => {
		const label = typeof q.label === 'string' ? q.label : parseLocalized(JSON.stringify(q.label)).en;
		return { key: q.key, label: label || q.key };
	});
}

export interface RegistrationItem {
	id: number;
	name: string;
	email: string;
	code: string;
	partySize: number;
	status: RegistrationStatus;
	locale: string;
	answers: Record<string, string>;
	createdAt: string;
	confirmedAt: string | null;
	waitingSince: string | null;
	offerExpiresAt: string | null;
	cancelledAt: string | null;
	checkedInAt: string | null;
	checkedInBy: string | null;
}

export interface RegistrationListFilters {
	/** Part of the name or address, or the ticket code, any case. */
	search?: string;
	filter?: RegistrationFilter;
}

type RegistrationQuery<O> = SelectQueryBuilder<Database, 'registration', O>;

/** `%text%` for LIKE, with LIKE's own wildcards in the text taken literally. */
function containing(text: string): string {
	return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A ticket code as someone may type or read it out: letters in any case, spaces or dashes between. */
export function normalizeCode(text: string): string {
	return text.replace(/[\s-]+/g, '').toUpperCase();
}

function applyFilters<O>(query: RegistrationQuery<O>, sessionId: number, filters: RegistrationListFilters): RegistrationQuery<O> {
	let q = query.where('registration.session_id', '=', sessionId);
	const filter = filters.filter;
	if (filter === 'checked-in') q = q.where('registration.status', '=', 'confirmed').where('registration.checked_in_at', 'is not', null);
	else if (filter === 'ended') q = q.where('registration.status', 'in', endedStatuses);
	else if (filter) q = q.where('registration.status', '=', filter);
	const search = filters.search?.trim();
	if (search) {
		const pattern = containing(search);
		const code = normalizeCode(search);
		q = q.where((eb) =>
			eb.or([
				eb(sql`registration.email`, 'like', sql`${pattern} escape '\\'`),
				eb(sql`lower(registration.name)`, 'like', sql`${pattern} escape '\\'`),
				...(code ? [eb('registration.code', '=', code)] : [])
			])
		);
	}
	return q;
}

const itemColumns = [
	'id',
	'name',
	'email',
	'code',
	'party_size',
	'status',
	'locale',
	'answers',
	'created_at',
	'confirmed_at',
	'waiting_since',
	'offer_expires_at',
	'cancelled_at',
	'checked_in_at',
	'checked_in_by'
] as const;

type ItemRow = Pick<RegistrationRow, (typeof itemColumns)[number]>;

function parseAnswers(json: string): Record<string, string> {
	try {
		const value: unknown = JSON.parse(json);
		if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
		return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
	} catch {
		return {};
	}
}

function itemOf(row: ItemRow): RegistrationItem {
	return {
		id: row.id,
		name: row.name,
		email: row.email,
		code: row.code,
		partySize: row.party_size,
		status: row.status,
		locale: row.locale,
		answers: parseAnswers(row.answers),
		createdAt: row.created_at,
		confirmedAt: row.confirmed_at,
		waitingSince: row.waiting_since,
		offerExpiresAt: row.offer_expires_at,
		cancelledAt: row.cancelled_at,
		checkedInAt: row.checked_in_at,
		checkedInBy: row.checked_in_by
	};
}

/** One page of a session's registrations, in the order they were made, and how many match in all. */
export async function listRegistrations(
	db: Kysely<Database>,
	sessionId: number,
	filters: RegistrationListFilters = {},
	paging: { page?: number; perPage?: number } = {}
): Promise<{ rows: RegistrationItem[]; total: number; page: number; perPage: number }> {
	const { page, size: perPage, offset } = pageWindow(paging.page, paging.perPage, { maxSize: 500 });
	// Two queries rather than a window function: the same SQL on both engines.
	const [rows, count] = await Promise.all([
		applyFilters(db.selectFrom('registration'), sessionId, filters).select(itemColumns).orderBy('id').limit(perPage).offset(offset).execute(),
		applyFilters(db.selectFrom('registration'), sessionId, filters)
			.select((eb) => eb.fn.countAll<number | string>().as('n'))
			.executeTakeFirstOrThrow()
	]);
	return { rows: rows.map(itemOf), total: Number(count.n), page, perPage };
}

/** The waiting list in the order places are offered: who confirmed first (then the older registration). */
export async function waitingList(db: Kysely<Database>, sessionId: number): Promise<RegistrationItem[]> {
	const rows = await db
		.selectFrom('registration')
		.select(itemColumns)
		.where('session_id', '=', sessionId)
		.where('status', '=', 'waiting')
		.orderBy('waiting_since')
		.orderBy('id')
		.execute();
	return rows.map(itemOf);
}

const nameOrder = collator('en', { sensitivity: 'base' });

/** Names sorted as people read them, whatever their script: by the name, then the code. */
function byName(a: RegistrationItem, b: RegistrationItem): number {
	return nameOrder.compare(a.name, b.name) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** Everyone with places: confirmed registrations, by name (the printed door list and its check-in form). */
export async function doorList(db: Kysely<Database>, sessionId: number): Promise<RegistrationItem[]> {
	const rows = await db.selectFrom('registration').select(itemColumns).where('session_id', '=', sessionId).where('status', '=', 'confirmed').execute();
	return rows.map(itemOf).sort(byName);
}

export type DoorSearch = { by: 'code'; code: string } | { by: 'name'; text: string };

/**
 * Registrations found at the door: by ticket code (exactly, however typed), or
 * by part of the name or address. Every status is shown, so that the door can
 * say why someone waiting or cancelled cannot come in; confirmed first, by name.
 */
export async function findAtTheDoor(db: Kysely<Database>, sessionId: number, search: DoorSearch): Promise<RegistrationItem[]> {
	let query = db.selectFrom('registration').select(itemColumns).where('session_id', '=', sessionId);
	if (search.by === 'code') {
		const code = normalizeCode(search.code);
		if (!code) return [];
		query = query.where('code', '=', code);
	} else {
		const text = search.text.trim();
		if (!text) return [];
		const pattern = containing(text);
		query = query.where((eb) => eb.or([eb(sql`lower(name)`, 'like', sql`${pattern} escape '\\'`), eb(sql`email`, 'like', sql`${pattern} escape '\\'`)]));
	}
	const rows = (await query.limit(50).execute()).map(itemOf);
	return rows.sort((a, b) => Number(b.status === 'confirmed') - Number(a.status === 'confirmed') || byName(a, b));
}

/**
 * For a code not found in this session: the session it belongs to, if another
 * (someone at the wrong date or the wrong event), so the door can say so.
 */
export async function elsewhereByCode(db: Kysely<Database>, sessionId: number, code: string): Promise<{ eventTitle: string; startsLocal: string; timeZone: string } | undefined> {
	const normalized = normalizeCode(code);
	if (!normalized) return undefined;
	const row = await db
		.selectFrom('registration')
		.innerJoin('event_session', 'event_session.id', 'registration.session_id')
		.innerJoin('event', 'event.id', 'event_session.event_id')
		.select(['event.title', 'event_session.starts_local', 'event_session.time_zone'])
		.where('registration.code', '=', normalized)
		.where('registration.session_id', '<>', sessionId)
		.executeTakeFirst();
	return row ? { eventTitle: parseLocalized(row.title).en, startsLocal: row.starts_local, timeZone: row.time_zone } : undefined;
}

/**
 * A session's registrations as CSV lines (the header first), with the same
 * filters as the list: one column per question of the event, in order.
 */
export async function registrationsCsv(db: Kysely<Database>, sessionId: number, filters: RegistrationListFilters = {}): Promise<string> {
	const questions = await questionsOfSession(db, sessionId);
	const rows = await applyFilters(db.selectFrom('registration'), sessionId, filters).select(itemColumns).orderBy('id').execute();
	const header: CsvCell[] = ['Name', 'E-mail', 'Code', 'Party size', 'Status', 'Language', 'Registered at', 'Confirmed at', 'Waiting since', 'Checked in at', 'Checked in by', ...questions.map((q) => q.label)];
	const lines: CsvCell[][] = rows.map(itemOf).map((r) => [
		r.name,
		r.email,
		r.code,
		r.partySize,
		r.status,
		r.locale,
		r.createdAt,
		r.confirmedAt,
		r.waitingSince,
		r.checkedInAt,
		r.checkedInBy,
		...questions.map((q) => r.answers[q.key] ?? '')
	]);
	return csvLines([header, ...lines]);
}
