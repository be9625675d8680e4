import type { Kysely, Transaction } from 'kysely';
import type { Database, RegistrationRow, RegistrationStatus } from '$lib/server/db/schema';
import { lockRowForUpdate } from '$lib/server/db/row-lock';
import { TurnsByKey } from '$lib/server/platform/work-slots';

/*
 * The rules of places, one session at a time. Places are taken by confirmed
 * registrations, by open offers to the waiting list, and by unconfirmed
 * registrations while their hold lasts. Every change of who has places runs in a
 * transaction that first takes the session for itself (`takeSession`), so two
 * requests, or two app processes, never count the same free place twice.
 */

/** Who has places at `now`: confirmed, offered (until the offer ends), unconfirmed (until the hold ends). */
export async function placesTaken(trx: Kysely<Database>, sessionId: number, now: string, except?: number): Promise<number> {
	let query = trx
		.selectFrom('registration')
		.select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('party_size'), eb.val(0)).as('taken'))
		.where('session_id', '=', sessionId)
		.where((eb) =>
			eb.or([
				eb('status', '=', 'confirmed'),
				eb.and([eb('status', '=', 'offered'), eb('offer_expires_at', '>', now)]),
				eb.and([eb('status', '=', 'unconfirmed'), eb('hold_expires_at', '>', now)])
			])
		);
	if (except !== undefined) query = query.where('id', '<>', except);
	const row = await query.executeTakeFirstOrThrow();
	// PostgreSQL sums integers into a bigint, which the driver gives as a string.
	return Number(row.taken);
}

/**
 * Takes the session for the rest of the transaction, before anything is read:
 * PostgreSQL locks its row (FOR UPDATE). SQLite needs nothing more: every
 * transaction there begins IMMEDIATE (db/connect.ts), holding the database's one
 * write lock from its start, also against another process on the same file.
 */
export async function takeSession(trx: Transaction<Database>, sessionId: number): Promise<void> {
	await lockRowForUpdate(trx, 'event_session', sessionId);
}

const sessionTurns = new TurnsByKey<number>();

/**
 * Runs `work` in a transaction that has taken the session. Within this process
 * such transactions for one session wait their turn before they ask the pool for
 * a connection: in a rush on one session (hundreds confirming at once) one
 * connection waits on the session's lock instead of all of them, so the rest of
 * the site keeps its connections and nobody waits past the pool's timeout.
 * Between processes the database's lock decides, as before.
 */
export function inSessionTransaction<T>(db: Kysely<Database>, sessionId: number, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
	return sessionTurns.run(sessionId, () =>
		db.transaction().execute(async (trx) => {
			await takeSession(trx, sessionId);
			return work(trx);
		})
	);
}

/** Free places at `now` for `sessionId`, null when the session has no limit. */
export async function freePlaces(trx: Kysely<Database>, session: { id: number; capacity: number | null }, now: string, except?: number): Promise<number | null> {
	if (session.capacity === null) return null;
	return Math.max(0, session.capacity - (await placesTaken(trx, session.id, now, except)));
}

export function fits(free: number | null, party: number): boolean {
	return free === null || party <= free;
}

/** The statuses in which a registration still counts as the person's registration for a session. */
export const activeStatuses: readonly RegistrationStatus[] = ['unconfirmed', 'confirmed', 'waiting', 'offered'];

export interface Offer {
	registration: RegistrationRow;
	expiresAt: string;
}

/**
 * Offers free places to the waiting list, in order (who confirmed first): each
 * party that fits what is free gets an offer until `offerHours` from now; a party
 * too large for what is left is passed over and keeps its place in the line, so a
 * smaller party behind it is not kept waiting. Call inside the transaction that
 * took the session.
 */
export async function offerFreePlaces(trx: Transaction<Database>, session: { id: number; capacity: number | null }, offerHours: number, now: Date): Promise<Offer[]> {
	const at = now.toISOString();
	let free = await freePlaces(trx, session, at);
	const waiting = await trx
		.selectFrom('registration')
		.selectAll()
		.where('session_id', '=', session.id)
		.where('status', '=', 'waiting')
		.orderBy('waiting_since')
		.orderBy('id')
		.execute();
	const offers: Offer[] = [];
	const expiresAt = new Date(now.getTime() + offerHours * 3_600_000).toISOString();
	for (const registration of waiting) {
		if (free !== null && free <= 0) break;
		if (!fits(free, registration.party_size)) continue;
		await trx.updateTable('registration').set({ status: 'offered', offer_expires_at: expiresAt, updated_at: at }).where('id', '=', registration.id).execute();
		offers.push({ registration: { ...registration, status: 'offered', offer_expires_at: expiresAt }, expiresAt });
		if (free !== null) free -= registration.party_size;
	}
	return offers;
}

/** How many registrations an event's sessions have had, of any status: an event with any is not deleted (site content asks, content.wiring.ts). */
export async function eventRegistrations(db: Kysely<Database>, eventId: number): Promise<number> {
	const row = await db
		.selectFrom('registration')
		.innerJoin('event_session', 'event_session.id', 'registration.session_id')
		.select((eb) => eb.fn.countAll<number | string>().as('n'))
		.where('event_session.event_id', '=', eventId)
		.executeTakeFirst();
	return Number(row?.n ?? 0);
}
