import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { localizedPath } from '$lib/i18n/paths';
import { app } from '$lib/server/app';
import { yourTimeView } from '$lib/server/events/your-time';
import { selectableTimeZones } from '$lib/server/shared/zoned-time';

/*
 * A public page: a session's time in its own zone and in the zone the reader
 * picks from a plain GET form (`?zone=Asia/Kathmandu`), which works without
 * script. The page cache keys on `zone` (public-query-parameters.ts). Where
 * script runs, /your-time.js remembers the pick for the next session's page.
 */
export const load: PageServerLoad = async ({ params, url }) => {
	const locale = getLocale();
	const view = await yourTimeView(app().db, { sessionId: Number(params.session), zone: url.searchParams.get('zone'), locale, now: app().events.clock() });
	if (!view) error(404, m.not_found_body());
	return {
		...view,
		zones: selectableTimeZones(),
		eventPath: localizedPath(`/events/${view.event.slug}`, locale),
		calendarPath: localizedPath(view.session.calendarPath, locale)
	};
};
