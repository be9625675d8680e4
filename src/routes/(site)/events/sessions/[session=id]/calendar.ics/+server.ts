import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { publicSessionCalendar } from '$lib/server/events/session-calendar';
import { calendarResponseHeaders } from '$lib/server/shared/icalendar';

/**
 * One session as a calendar file for anyone ("add to calendar" on the event's
 * page), in the address's language: what the event's page says, a link back to
 * it, and nothing for registrants only (no online link, no directions, nobody's
 * name). Public and the same for everyone, so the page cache keeps it until the
 * site changes; a SEQUENCE raised by a move updates an entry taken earlier.
 */
export const GET: RequestHandler = async ({ params }) => {
	const locale = getLocale();
	const { db, config } = app();
	const file = await publicSessionCalendar(db, {
		origin: config.origin,
		sessionId: Number(params.session),
		locale,
		onlineWord: m.calendar_online(),
		now: app().events.clock()
	});
	if (!file) error(404, m.not_found_body());
	return new Response(file.content, { headers: { ...calendarResponseHeaders(file.title.text), 'Cache-Control': 'public, max-age=300' } });
};
