import type { Locale } from '$lib/i18n/locales';
import type { Db } from '$lib/server/db/schema';
import { pickJson } from '$lib/server/shared/localized-text';

/* The events a staff member's dashboard shows. */

/** Sessions of published events starting within the coming week, soonest first. */
export async function eventsComing(db: Db, from: string, until: string, locale: Locale) {
	const rows = await db
		.selectFrom('event_session')
		.innerJoin('event', 'event.id', 'event_session.event_id')
		.select(['event.id', 'event.title', 'event_session.id as sessionId', 'event_session.starts_at'])
		.where('event_session.status', '=', 'scheduled')
		.where('event_session.starts_at', '>=', from)
		.where('event_session.starts_at', '<=', until)
		.orderBy('event_session.starts_at')
		.limit(10)
		.execute();
	const registrations = await registrationCounts(
		db,
		rows.map((row) => row.sessionId)
	);
	return rows.map((row) => ({
		id: row.id,
		title: pickJson(row.title, locale).text,
		startsAt: row.starts_at,
		registrations: registrations.get(row.sessionId) ?? 0
	}));
}

async function registrationCounts(db: Db, sessionIds: number[]): Promise<Map<number, number>> {
	if (sessionIds.length === 0) return new Map();
	const rows = await db
		.selectFrom('registration')
		.select(['session_id', (eb) => eb.fn.countAll<number | string>().as('n')])
		.where('session_id', 'in', sessionIds)
		.where('status', '=', 'confirmed')
		.groupBy('session_id')
		.execute();
	return new Map(rows.map((row) => [row.session_id, Number(row.n)]));
}
