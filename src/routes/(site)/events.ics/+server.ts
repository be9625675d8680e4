import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { getSiteFrame } from '$lib/server/content/content.service';
import { upcomingSessionsCalendar } from '$lib/server/events/session-calendar';
import { calendarContentType } from '$lib/server/shared/icalendar';

/**
 * The events as a calendar to subscribe to (`/events.ics`, `/ne/events.ics`…):
 * every session that has not ended, in the address's language with English
 * where a text has no translation, each with its stable UID and SEQUENCE, so a
 * subscribed calendar updates a session that moved and strikes out one that was
 * cancelled. Nothing for registrants only.
 *
 * Which sessions are upcoming changes with the clock, not only when the site
 * does: a plain max-age (not `public`) keeps it in the page cache for a minute at
 * most (public-cache-key.ts), and in other caches for five.
 */
export const GET: RequestHandler = async () => {
	const locale = getLocale();
	const { db, config } = app();
	const frame = await app().siteVersion.cached(`frame:${locale}`, () => getSiteFrame(db, locale));
	const content = await upcomingSessionsCalendar(db, {
		origin: config.origin,
		locale,
		name: m.calendar_feed_name({ site: frame.name }),
		onlineWord: m.calendar_online(),
		now: app().events.clock()
	});
	return new Response(content, { headers: { 'Content-Type': calendarContentType, 'Cache-Control': 'max-age=300' } });
};
