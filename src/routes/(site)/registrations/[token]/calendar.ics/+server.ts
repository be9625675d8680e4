import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { registrationCalendarFile } from '$lib/server/events/session-calendar';
import { calendarResponseHeaders } from '$lib/server/shared/icalendar';
import { privatePageHeaders } from '../../../newsletter/newsletter-route';

/**
 * "Add to calendar" on a confirmed registrant's page: their own entry, as their
 * confirmation e-mail carries it (the online link included), so the calendar
 * that took either keeps one entry. Any other registration has no such file.
 * Private like the page: never stored by a cache (hooks.server.ts).
 */
export const GET: RequestHandler = async ({ params }) => {
	const file = await registrationCalendarFile(app().db, { origin: app().config.origin, token: params.token, locale: getLocale(), now: app().events.clock() });
	if (!file) error(404, m.registration_unknown());
	return new Response(file.content, { headers: { ...calendarResponseHeaders(file.title.text), ...privatePageHeaders } });
};
