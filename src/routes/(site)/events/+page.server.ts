import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { dateTimeFormat } from '$lib/i18n/intl';
import { app } from '$lib/server/app';
import { eventFilterOptions, listEvents, unknownEventFilters, type EventFilters, type EventTense } from '$lib/server/events/event-pages';
import { pagePicture } from '$lib/server/media/page-picture';
import { pageFrom } from '$lib/server/platform/route-params';
import { wantsSaveData } from '$lib/server/shared/picture';
import { eventFiltersFrom, eventPageHeaders, withSessionLinks } from './events-route.server';

const perPage = 10;

/**
 * Upcoming events (or, with `?past=1`, those that took place), a page at a time,
 * with filters as a plain GET form. A filter value the page does not know is
 * named and left out, so a stale shared address still shows something; a page
 * past the end is a clear "not found". Read for each rendering (what is upcoming
 * changes with the clock, places with every registration), kept half a minute.
 */
export const load: PageServerLoad = async ({ url, request, setHeaders }) => {
	const locale = getLocale();
	// The form sends every filter, the ones left at "Any" empty: the address to share has only those chosen.
	const empty = ['kind', 'country', 'mode', 'month', 'past', 'page'].filter((name) => url.searchParams.get(name)?.trim() === '');
	if (empty.length > 0) {
		const kept = new URLSearchParams(url.searchParams);
		for (const name of empty) kept.delete(name);
		const query = kept.toString();
		redirect(303, `${url.pathname}${query ? `?${query}` : ''}`);
	}
	const tense: EventTense = url.searchParams.get('past') === '1' ? 'past' : 'upcoming';
	const { db, events } = app();
	const now = events.clock();
	const options = await eventFilterOptions(db, locale, tense, now);
	const asked = eventFiltersFrom(url);
	const unknown = unknownEventFilters(asked, options);
	const filters: EventFilters = { ...asked };
	for (const name of unknown) delete filters[name];
	const page = pageFrom(url);
	const list = await listEvents(db, locale, { tense, filters, page, perPage, now });
	if (page > list.pages) error(404, m.events_page_past_end({ pages: list.pages }));
	const saveData = wantsSaveData(request.headers.get('save-data'));
	const images = await Promise.all(
		list.items.map((item) => pagePicture(db, item.coverMediaId, locale, { sizes: '(min-width: 48rem) 14rem, 100vw', lazy: true, saveData }))
	);
	const monthName = dateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
	setHeaders(eventPageHeaders);
	return {
		tense,
		options: { ...options, months: options.months.map((value) => ({ value, label: monthName.format(new Date(`${value}-01T00:00:00Z`)) })) },
		filters,
		unknown: unknown.map((name) => ({ name, value: (url.searchParams.get(name) ?? '').trim().slice(0, 60) })),
		list: { ...list, items: list.items.map((item) => ({ ...item, sessions: item.sessions.map((s) => withSessionLinks(s, locale)) })) },
		images
	};
};
