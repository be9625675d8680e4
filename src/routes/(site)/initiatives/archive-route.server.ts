import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/i18n/locales';
import { app } from '$lib/server/app';
import type { ArchiveFilters, MappedPlace } from '$lib/server/content/archive.service';
import { localizedPath } from '$lib/i18n/paths';
import { listFormat } from '$lib/i18n/intl';
import { groupPlacesByCountry, layoutMarkers, type MapMarker, type MapPlace } from '$lib/server/shared/world-map';
import type { PlaceGroup } from '$lib/components/places';
import { pagePicture } from '$lib/server/media/page-picture';
import type { PictureData } from '$lib/server/shared/picture';

/** A slug as the archive writes them; anything else is not found without asking the database. */
export function slugFrom(value: string): string {
	if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) || value.length > 80) error(404, m.archive_not_found());
	return value;
}

const termPattern = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

/**
 * The filters of the archive's address (`?kind=festival&country=NP&year=2018`).
 * A value that cannot be one (too long, odd characters) is kept as given so the
 * page can say it does not know it; an empty one is no filter.
 */
export function filtersFrom(url: URL): ArchiveFilters {
	const text = (value: string | null, max: number) => {
		const trimmed = (value ?? '').trim().slice(0, max);
		return trimmed === '' ? undefined : trimmed;
	};
	const kind = text(url.searchParams.get('kind'), 60);
	const program = text(url.searchParams.get('program'), 60);
	const country = text(url.searchParams.get('country'), 2)?.toUpperCase();
	const yearText = text(url.searchParams.get('year'), 6);
	const year = yearText !== undefined && /^\d{4}$/.test(yearText) ? Number(yearText) : yearText === undefined ? undefined : -1;
	return {
		kind: kind === undefined || termPattern.test(kind) ? kind : '?',
		program: program === undefined || termPattern.test(program) ? program : '?',
		country: country === undefined || /^[A-Z]{2}$/.test(country) ? country : '?',
		year
	};
}

/** Card photos for a list, in order; undefined where there is none or it is not ready. */
export function cardPictures(ids: (number | null)[], locale: Locale, saveData: boolean): Promise<(PictureData | undefined)[]> {
	return Promise.all(ids.map((id) => pagePicture(app().db, id, locale, { sizes: '(min-width: 48rem) 14rem, 100vw', lazy: true, saveData })));
}

/** Where a place is, as its list and its marker name it: "Courtyard gallery, Graz". */
function whereOf(place: MappedPlace): string {
	return [place.name, place.city].filter(Boolean).join(', ');
}

function toMapPlace(place: MappedPlace, locale: Locale): MapPlace {
	return {
		id: place.id,
		lat: place.latitude,
		lon: place.longitude,
		label: `${whereOf(place)}: ${place.title.text}`,
		href: localizedPath(`/initiatives/${place.slug}`, locale),
		country: place.country
	};
}

/** The map's markers for places: each links to its initiative; a group names its places. */
export function mapMarkers(places: readonly MappedPlace[], locale: Locale, size: 'large' | 'small'): MapMarker[] {
	const names = listFormat(locale, { type: 'conjunction' });
	const where = new Map(places.map((p) => [p.id, whereOf(p)]));
	return layoutMarkers(
		places.map((p) => toMapPlace(p, locale)),
		{
			size,
			locale,
			describeGroup: (group) =>
				m.archive_map_group({
					count: String(group.length),
					names: names.format(group.slice(0, 5).map((p) => where.get(p.id) ?? p.label).concat(group.length > 5 ? ['…'] : []))
				})
		}
	);
}

/**
 * The list beside the map: countries in the reader's order, each with its
 * places. With `listed` false each country comes with its count only, so a page
 * of thousands of places does not carry them all (the country links to the
 * archive filtered to it, where they are listed).
 */
export function placeGroups(places: readonly MappedPlace[], locale: Locale, listed: boolean): PlaceGroup[] {
	const byId = new Map(places.map((p) => [p.id, p]));
	return groupPlacesByCountry(
		places.map((p) => ({ ...toMapPlace(p, locale), label: whereOf(p) })),
		locale
	).map((group) => ({
		country: group.country,
		name: group.name,
		count: group.places.length,
		places: listed ? group.places.map((p) => ({ id: p.id, where: p.label, href: p.href, title: byId.get(p.id)!.title })) : []
	}));
}
