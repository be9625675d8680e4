import { dateTimeFormat } from '$lib/i18n/intl';
import { app } from '$lib/server/app';
import { requirePermission } from '$lib/server/people/guard';
import { eventForStaff, sessionForStaff } from '$lib/server/events/session-admin';
import { idFrom } from '$lib/server/platform/route-params';
import { actorOf } from '../../../../content/content-route';

/*
 * What every page under one session starts with: who is asking (events.manage,
 * checked on the server for each load and action), and the event and session the
 * address names, the session belonging to that event (else a 404).
 */

interface SessionRouteEvent {
	locals: App.Locals;
	url: URL;
	params: { id: string; session: string };
}

export async function sessionRoute(event: SessionRouteEvent) {
	const staff = requirePermission(event.locals, event.url, 'events.manage');
	const eventId = idFrom(event.params.id)!;
	const sessionId = idFrom(event.params.session)!;
	const { db } = app();
	const [found, overview] = await Promise.all([eventForStaff(db, eventId), sessionForStaff(db, eventId, sessionId)]);
	return { staff, actor: actorOf(staff), event: found, session: overview.session, overview, eventId, sessionId };
}

/** "14:02" (and the day when it is not the session's day) in the session's own zone: what the door sees on the wall clock. */
export function doorTime(instant: string, timeZone: string, sessionStartsLocal: string): string {
	const parts = dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(instant));
	const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	const day = `${get('year')}-${get('month')}-${get('day')}`;
	const time = `${get('hour')}:${get('minute')}`;
	return day === sessionStartsLocal.slice(0, 10) ? time : `${day} ${time}`;
}
