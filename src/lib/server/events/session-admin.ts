import type { Kysely } from 'kysely';
import type { Database, EventSessionRow } from '$lib/server/db/schema';
import { NotFoundError } from '$lib/server/platform/errors';
import { parseLocalized } from '$lib/server/shared/localized-text';

/*
 * What the staff's session pages read: an event's sessions in time order, each
 * with how its places stand (confirmed places, people waiting, open offers,
 * unconfirmed registrations).
 */

export interface SessionOverview {
	session: EventSessionRow;
	confirmedPlaces: number;
	confirmedRegistrations: number;
	waiting: number;
	offered: number;
	unconfirmed: number;
	checkedIn: number;
}

export async function eventForStaff(db: Kysely<Database>, eventId: number): Promise<{ id: number; title: string; slug: string }> {
	const row = await db.selectFrom('event').select(['id', 'title', 'slug']).where('id', '=', eventId).executeTakeFirst();
	if (!row) throw new NotFoundError(`event ${eventId}`);
	return { id: row.id, title: parseLocalized(row.title).en, slug: row.slug };
}

export async function sessionsForStaff(db: Kysely<Database>, eventId: number): Promise<SessionOverview[]> {
	const sessions = await db.selectFrom('event_session').selectAll().where('event_id', '=', eventId).orderBy('starts_at').orderBy('id').execute();
	if (sessions.length === 0) return [];
	const counts = await db
		.selectFrom('registration')
		.select((eb) => [
			'session_id',
			'status',
			eb.fn.countAll<number | string>().as('registrations'),
			eb.fn.sum<number | string>('party_size').as('places'),
			eb.fn.count<number | string>('checked_in_at').as('checked_in')
		])
		.where(
			'session_id',
			'in',
			sessions.map((s) => s.id)
		)
		.groupBy(['session_id', 'status'])
		.execute();
	return sessions.map((session) => {
		const of = (status: string) => counts.find((c) => c.session_id === session.id && c.status === status);
		return {
			session,
			confirmedPlaces: Number(of('confirmed')?.places ?? 0),
			confirmedRegistrations: Number(of('confirmed')?.registrations ?? 0),
			waiting: Number(of('waiting')?.registrations ?? 0),
			offered: Number(of('offered')?.registrations ?? 0),
			unconfirmed: Number(of('unconfirmed')?.registrations ?? 0),
			checkedIn: Number(of('confirmed')?.checked_in ?? 0)
		};
	});
}

export async function sessionForStaff(db: Kysely<Database>, eventId: number, sessionId: number): Promise<SessionOverview> {
	const found = (await sessionsForStaff(db, eventId)).find((s) => s.session.id === sessionId);
	if (!found) throw new NotFoundError(`session ${sessionId} of event ${eventId}`);
	return found;
}
