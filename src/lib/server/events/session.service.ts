import { z } from 'zod';
import type { Kysely, Transaction } from 'kysely';
import type { Database, EventSessionRow, RegistrationRow } from '$lib/server/db/schema';
import { NotFoundError, ValidationError } from '$lib/server/platform/errors';
import { runCommand } from '$lib/server/shared/command';
import type { Actor } from '$lib/server/shared/audit';
import { isCountryCode } from '$lib/server/shared/countries';
import { canonicalTimeZone, zonedWallTimeToInstant } from '$lib/server/shared/zoned-time';
import { activeStatuses, takeSession } from './registration-rules';
import { offerFreedPlaces, registrationToken, type EventsContext } from './registration.service';

/*
 * Staff commands on an event's sessions. A session is planned as wall time in
 * the zone where it happens; the UTC moments are derived here, once, so that
 * lists, reminders and calendar files never convert again. A change people who
 * registered must hear about (another time or place, a cancellation) raises the
 * session's SEQUENCE and tells each of them in their language, in the same
 * transaction; a larger capacity offers the new places to the waiting list.
 */

const wallTime = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/, 'wall-time');
const optionalWallTime = z.union([wallTime, z.literal('')]).default('');
const localized = z.record(z.string(), z.string().max(2000, 'too-long')).default({});

export const sessionInput = z.object({
	startsLocal: wallTime,
	endsLocal: wallTime,
	timeZone: z.string().min(1, 'required'),
	online: z.boolean().default(false),
	onlineUrl: z.union([z.url({ protocol: /^https$/, message: 'https-url' }), z.literal('')]).default(''),
	venueName: z.string().trim().max(200, 'too-long').default(''),
	venueAddress: z.string().trim().max(500, 'too-long').default(''),
	country: z.string().trim().toUpperCase().default(''),
	latitude: z.number({ error: 'coordinate' }).min(-90, 'coordinate').max(90, 'coordinate').nullable().default(null),
	longitude: z.number({ error: 'coordinate' }).min(-180, 'coordinate').max(180, 'coordinate').nullable().default(null),
	directions: localized,
	/** Null: no limit. */
	capacity: z.number({ error: 'capacity' }).int('capacity').min(1, 'capacity').max(100_000, 'capacity').nullable(),
	/** Wall times in the session's zone; empty: from now on, and until it starts. */
	registrationOpensLocal: optionalWallTime,
	registrationClosesLocal: optionalWallTime
});
export type SessionInput = z.input<typeof sessionInput>;

type SessionValues = Omit<EventSessionRow, 'id' | 'event_id' | 'status' | 'moved_at' | 'sequence' | 'created_at' | 'updated_at'>;

/** Checks a session's input and derives its UTC moments; ValidationError names the fields. */
export function sessionValues(input: SessionInput): SessionValues {
	const parsed = sessionInput.safeParse(input);
	// The rules between fields are checked on what was typed too, so one answer names every problem.
	const issues: Record<string, string> = {};
	if (input.endsLocal && input.startsLocal && input.endsLocal <= input.startsLocal) issues.endsLocal = 'ends-before-start';
	if (!parsed.success) {
		for (const issue of parsed.error.issues) issues[String(issue.path[0] ?? 'form')] ??= issue.message;
		throw new ValidationError(issues);
	}
	const value = parsed.data;
	const zone = canonicalTimeZone(value.timeZone);
	if (!zone) issues.timeZone = 'time-zone';
	if (value.online && !value.onlineUrl) issues.onlineUrl = 'required';
	if (!value.online) {
		if (!value.venueName) issues.venueName = 'required';
		if (!isCountryCode(value.country)) issues.country = 'country';
		if ((value.latitude === null) !== (value.longitude === null)) issues.latitude = 'both-coordinates';
	}
	if (value.registrationOpensLocal && value.registrationClosesLocal && value.registrationClosesLocal <= value.registrationOpensLocal) issues.registrationClosesLocal = 'closes-before-opens';
	if (Object.keys(issues).length > 0 || !zone) throw new ValidationError(issues);
	const instant = (wall: string) => zonedWallTimeToInstant(wall, zone).toISOString();
	return {
		starts_local: value.startsLocal,
		ends_local: value.endsLocal,
		time_zone: zone,
		starts_at: instant(value.startsLocal),
		ends_at: instant(value.endsLocal),
		online: value.online ? 1 : 0,
		online_url: value.online ? value.onlineUrl : null,
		venue_name: value.online ? '' : value.venueName,
		venue_address: value.online ? '' : value.venueAddress,
		country: value.online ? '' : value.country,
		latitude: value.online ? null : value.latitude,
		longitude: value.online ? null : value.longitude,
		directions: JSON.stringify(value.directions),
		capacity: value.capacity,
		registration_opens_at: value.registrationOpensLocal ? instant(value.registrationOpensLocal) : null,
		registration_closes_at: value.registrationClosesLocal ? instant(value.registrationClosesLocal) : null
	};
}

export async function addSession(context: EventsContext, actor: Actor, eventId: number, input: SessionInput): Promise<number> {
	const values = sessionValues(input);
	return runCommand(context, actor, async ({ trx, now, audit, publicPagesChanged }) => {
		const event = await trx.selectFrom('event').select('id').where('id', '=', eventId).executeTakeFirst();
		if (!event) throw new NotFoundError(`event ${eventId}`);
		const at = now.toISOString();
		const row = await trx
			.insertInto('event_session')
			.values({ ...values, event_id: eventId, moved_at: null, created_at: at, updated_at: at })
			.returning('id')
			.executeTakeFirstOrThrow();
		await audit({ action: 'event.session-added', subject: `event:${eventId}`, detail: { session: row.id, startsAt: values.starts_at } });
		await publicPagesChanged();
		return row.id;
	});
}

/** What a change of a session means for the people registered: told about a move, offered new places. */
export type SessionChange = { moved: boolean; told: number; offered: number };

/**
 * Changes a session. Another start, end, zone, venue or online link is a move:
 * SEQUENCE goes up and everyone registered (confirmed, waiting, offered) is told,
 * with the calendar entry updated. A capacity below the places already taken is
 * refused (cancel registrations first); a larger one offers places to the list.
 */
export async function updateSession(context: EventsContext, actor: Actor, sessionId: number, input: SessionInput): Promise<SessionChange> {
	const values = sessionValues(input);
	return runCommand(context, actor, async ({ trx, now, audit, publicPagesChanged }) => {
		await takeSession(trx, sessionId);
		const before = await trx.selectFrom('event_session').selectAll().where('id', '=', sessionId).executeTakeFirst();
		if (!before) throw new NotFoundError(`session ${sessionId}`);
		if (before.status === 'cancelled') throw new ValidationError({ session: 'cancelled' });
		const at = now.toISOString();
		const taken = await confirmedPlaces(trx, sessionId);
		if (values.capacity !== null && values.capacity < taken) throw new ValidationError({ capacity: `below-taken:${taken}` });
		const moved = isMove(before, values);
		await trx
			.updateTable('event_session')
			.set({ ...values, updated_at: at, ...(moved ? { moved_at: at, sequence: before.sequence + 1 } : {}) })
			.where('id', '=', sessionId)
			.execute();
		const after = await trx.selectFrom('event_session').selectAll().where('id', '=', sessionId).executeTakeFirstOrThrow();
		let told = 0;
		if (moved) {
			for (const registration of await registered(trx, sessionId, ['confirmed', 'waiting', 'offered'])) {
				await context.notices.moved(trx, registration, registrationToken(context.linkSecret, registration), before);
				told++;
			}
		}
		const offered = await offerAfterChange(context, trx, after, now);
		await audit({ action: moved ? 'event.session-moved' : 'event.session-changed', subject: `event:${before.event_id}`, detail: { session: sessionId, told, offered } });
		await publicPagesChanged();
		return { moved, told, offered };
	});
}

/**
 * Cancels a session: every active registration is cancelled and its person told
 * (with the calendar entry cancelled); the session stays listed as cancelled so
 * that anyone who saw it learns it will not happen.
 */
export async function cancelSession(context: EventsContext, actor: Actor, sessionId: number): Promise<number> {
	return runCommand(context, actor, async ({ trx, now, audit, publicPagesChanged }) => {
		await takeSession(trx, sessionId);
		const session = await trx.selectFrom('event_session').selectAll().where('id', '=', sessionId).executeTakeFirst();
		if (!session) throw new NotFoundError(`session ${sessionId}`);
		if (session.status === 'cancelled') return 0;
		const at = now.toISOString();
		await trx.updateTable('event_session').set({ status: 'cancelled', sequence: session.sequence + 1, updated_at: at }).where('id', '=', sessionId).execute();
		let told = 0;
		for (const registration of await registered(trx, sessionId, activeStatuses)) {
			const cancelled = await trx
				.updateTable('registration')
				.set({ status: 'cancelled', cancelled_at: at, hold_expires_at: null, offer_expires_at: null, updated_at: at })
				.where('id', '=', registration.id)
				.returningAll()
				.executeTakeFirstOrThrow();
			// Someone who never confirmed their address is not written to again.
			if (registration.status !== 'unconfirmed') {
				await context.notices.sessionCancelled(trx, cancelled, registrationToken(context.linkSecret, cancelled));
				told++;
			}
		}
		await audit({ action: 'event.session-cancelled', subject: `event:${session.event_id}`, detail: { session: sessionId, told } });
		await publicPagesChanged();
		return told;
	});
}

function isMove(before: EventSessionRow, after: SessionValues): boolean {
	const keys = ['starts_at', 'ends_at', 'time_zone', 'online', 'online_url', 'venue_name', 'venue_address', 'country'] as const;
	return keys.some((key) => before[key] !== after[key]);
}

async function confirmedPlaces(trx: Kysely<Database>, sessionId: number): Promise<number> {
	const row = await trx
		.selectFrom('registration')
		.select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('party_size'), eb.val(0)).as('taken'))
		.where('session_id', '=', sessionId)
		.where('status', '=', 'confirmed')
		.executeTakeFirstOrThrow();
	return Number(row.taken);
}

function registered(trx: Kysely<Database>, sessionId: number, statuses: readonly RegistrationRow['status'][]): Promise<RegistrationRow[]> {
	return trx.selectFrom('registration').selectAll().where('session_id', '=', sessionId).where('status', 'in', statuses).orderBy('id').execute();
}

async function offerAfterChange(context: EventsContext, trx: Transaction<Database>, session: EventSessionRow, now: Date): Promise<number> {
	const event = await trx.selectFrom('event').select('offer_hours').where('id', '=', session.event_id).executeTakeFirstOrThrow();
	return (await offerFreedPlaces(context, trx, { ...session, offer_hours: event.offer_hours }, now)).length;
}
