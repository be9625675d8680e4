import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { filterOptions, listInitiatives, mappedPlaces, unknownFilters, type ArchiveFilters } from '$lib/server/content/archive.service';
import { pageFrom } from '$lib/server/platform/route-params';
import { wantsSaveData } from '$lib/server/shared/picture';
import { filterQuery } from '$lib/archive-filters';
import { renderOnly } from '$lib/render-only';
import { cardPictures, filtersFrom, mapMarkers, placeGroups } from './archive-route.server';

const perPage = 12;
/** Past this many places the list beside the map gives each country with its count. */
const listedPlaces = 150;

/**
 * The archive: filters as a plain GET form, the map and its list of places,
 * and one page of initiatives, newest first. A filter value the archive does not
 * know is named on the page and left out, so a stale shared address still shows
 * something; a page past the end is a clear "not found".
 */
export const load: PageServerLoad = async ({ url, request }) => {
	const locale = getLocale();
	// The form sends every filter, the ones left at "Any" empty: the address to share has only those chosen.
	const empty = ['kind', 'program', 'country', 'year', 'page'].filter((name) => url.searchParams.get(name)?.trim() === '');
	if (empty.length > 0) {
		const kept = new URLSearchParams(url.searchParams);
		for (const name of empty) kept.delete(name);
		const query = kept.toString();
		redirect(303, `${url.pathname}${query ? `?${query}` : ''}`);
	}
	const { db, siteVersion } = app();
	const options = await siteVersion.cached(`archive-filters:${locale}`, () => filterOptions(db, locale));
	const asked = filtersFrom(url);
	const unknown = unknownFilters(asked, options);
	const filters: ArchiveFilters = { ...asked };
	for (const name of unknown) delete filters[name];
	const page = pageFrom(url);
	const key = `archive:${locale}:${filterQuery(filters, page)}`;
	const [list, places] = await Promise.all([
		siteVersion.cached(key, () => listInitiatives(db, locale, filters, page, perPage)),
		// The places and the map's markers are the same for everyone until something is published;
		// with thousands of places they are not copied into the page for the browser, which has no script to read them.
		siteVersion.cached(`archive-places:${locale}:${filterQuery(filters)}`, async () => {
			const mapped = await mappedPlaces(db, locale, filters);
			return renderOnly({ markers: mapMarkers(mapped, locale, 'large'), groups: placeGroups(mapped, locale, mapped.length <= listedPlaces) });
		})
	]);
	if (page > list.pages) error(404, m.archive_page_past_end({ pages: list.pages }));
	const images = await cardPictures(
		list.items.map((i) => i.coverMediaId),
		locale,
		wantsSaveData(request.headers.get('save-data'))
	);
	return {
		places,
		options,
		filters,
		unknown: unknown.map((name) => ({ name, value: String(asked[name]) })),
		list,
		images
	};
};
