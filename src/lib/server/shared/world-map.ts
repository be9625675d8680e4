import { collator, displayNames, listFormat, numberFormat } from '$lib/i18n/intl';
import { groupingDistance, markerRadius, type WorldMapSize } from '$lib/world-map-sizes';
import { mapHeight, mapWidth, projectPlace } from './world-projection';

/*
 * Markers on the world map (components/WorldMap.svelte): one per place, placed by
 * its coordinates through the same projection as the land outline. Markers do not
 * depend on the outline, so a place on an island too small to be drawn
 * (Singapore) still has its marker. Places too close to tell apart at the map's
 * size are grouped into one marker that counts them.
 */

export { mapHeight, mapWidth, projectPlace };

/** A place as the map takes it; `lat`/`lon` are null for a virtual place, which is not on the map. */
export interface MapPlace {
	id: string;
	lat: number | null;
	lon: number | null;
	label: string;
	href: string;
	/** ISO 3166-1 alpha-2, '' for a virtual place. */
	country: string;
}

export interface MapMarker {
	/** Centre on the map's viewBox, to a tenth of a unit. */
	x: number;
	y: number;
	/** Places in this marker: 1, or more for a group. */
	count: number;
	/** The accessible name: the place's label, or the group's description. */
	label: string;
	href: string;
	placeIds: string[];
}

export interface MarkerLayoutOptions {
	size: WorldMapSize;
	/** For sorting a group's places and wording its default description. */
	locale: string;
	/** A group's accessible name; by default its count and the names of its first places. */
	describeGroup?: (places: MapPlace[]) => string;
	/** Where a group links; by default to its first place. */
	groupHref?: (places: MapPlace[]) => string;
}

/** Names a default group description lists before it stops: a group of hundreds would make a page heavy. */
const namesListed = 5;

interface Group {
	x: number;
	y: number;
	places: MapPlace[];
}

/**
 * The markers for `places`, grouped where they would overlap, in reading order
 * (top to bottom, then left to right), which is also their keyboard order.
 *
 * Grouping is greedy and deterministic: places are taken west to east (then by
 * id), and each joins the nearest group whose first place is closer than a
 * marker's diameter, or starts a group of its own. A group is drawn where its
 * first place is, so no two markers overlap, and a group is never more than a
 * diameter from any of its places. Groups are found through a grid of cells one
 * diameter wide, so each place looks at nine cells: linear in the places.
 */
export function layoutMarkers(places: readonly MapPlace[], options: MarkerLayoutOptions): MapMarker[] {
	const distance = groupingDistance(options.size);
	const inset = markerRadius[options.size];
	const located = places
		.filter((place): place is MapPlace & { lat: number; lon: number } => Number.isFinite(place.lat) && Number.isFinite(place.lon) && place.lat !== null && place.lon !== null)
		.map((place) => {
			const { x, y } = projectPlace(place.lon, place.lat);
			// A place beyond the cropped map (an Antarctic station) is pinned inside its edge rather than lost.
			return { place, x: clamp(x, inset, mapWidth - inset), y: clamp(y, inset, mapHeight - inset) };
		})
		.sort((a, b) => a.x - b.x || a.y - b.y || compareIds(a.place.id, b.place.id));

	const cells = new Map<number, Group[]>();
	const groups: Group[] = [];
	for (const { place, x, y } of located) {
		const column = Math.floor(x / distance);
		const row = Math.floor(y / distance);
		let nearest: Group | undefined;
		let nearestSquared = distance * distance;
		for (let c = column - 1; c <= column + 1; c++) {
			for (let r = row - 1; r <= row + 1; r++) {
				for (const group of cells.get(cellKey(c, r)) ?? []) {
					const squared = (group.x - x) ** 2 + (group.y - y) ** 2;
					if (squared < nearestSquared) {
						nearest = group;
						nearestSquared = squared;
					}
				}
			}
		}
		if (nearest) {
			nearest.places.push(place);
			continue;
		}
		const group: Group = { x, y, places: [place] };
		groups.push(group);
		const key = cellKey(column, row);
		const cell = cells.get(key);
		if (cell) cell.push(group);
		else cells.set(key, [group]);
	}

	const byName = collator(options.locale);
	return groups
		.sort((a, b) => a.y - b.y || a.x - b.x)
		.map(({ x, y, places: members }) => {
			if (members.length > 1) members.sort((a, b) => byName.compare(a.label, b.label) || compareIds(a.id, b.id));
			const first = members[0]!;
			const grouped = members.length > 1;
			return {
				x: round(x),
				y: round(y),
				count: members.length,
				label: grouped ? (options.describeGroup ?? describeGroup(options.locale))(members) : first.label,
				href: grouped && options.groupHref ? options.groupHref(members) : first.href,
				placeIds: members.map((place) => place.id)
			};
		});
}

/** "3: Bhaktapur, Kathmandu, Patan"; past `namesListed` names, "12: Banepa, Bhaktapur, Dhulikhel, Kathmandu, Kirtipur, …". */
function describeGroup(locale: string): (places: MapPlace[]) => string {
	return (places) => {
		const names = places.slice(0, namesListed).map((place) => place.label);
		if (places.length > namesListed) names.push('…');
		return `${numberFormat(locale).format(places.length)}: ${listFormat(locale, { type: 'unit', style: 'short' }).format(names)}`;
	};
}

export interface CountryPlaces<P extends MapPlace> {
	/** ISO 3166-1 alpha-2. */
	country: string;
	/** The country's name in `locale`. */
	name: string;
	places: P[];
}

/**
 * Places by country, countries in the alphabetical order of their names in
 * `locale`, places by label within each. Virtual places (no country) are left
 * out: they are listed apart.
 */
export function groupPlacesByCountry<P extends MapPlace>(places: readonly P[], locale: string): CountryPlaces<P>[] {
	const names = displayNames(locale, { type: 'region', fallback: 'code' });
	const byCountry = new Map<string, P[]>();
	for (const place of places) {
		if (place.country === '') continue;
		const country = place.country.toUpperCase();
		const list = byCountry.get(country);
		if (list) list.push(place);
		else byCountry.set(country, [place]);
	}
	const byName = collator(locale);
	return [...byCountry]
		.map(([country, list]) => ({
			country,
			name: countryName(names, country),
			places: list.sort((a, b) => byName.compare(a.label, b.label) || compareIds(a.id, b.id))
		}))
		.sort((a, b) => byName.compare(a.name, b.name) || compareIds(a.country, b.country));
}

function countryName(names: Intl.DisplayNames, country: string): string {
	try {
		return names.of(country) ?? country;
	} catch {
		// Not a well-formed region code: show it as it was stored.
		return country;
	}
}

function cellKey(column: number, row: number): number {
	// Columns and rows stay well under 2^16 on a 1000-unit map.
	return column * 65536 + row;
}

function clamp(value: number, low: number, high: number): number {
	return Math.min(high, Math.max(low, value));
}

function round(value: number): number {
	return Math.round(value * 10) / 10;
}

/** Code-unit order: the same in every locale, so the layout never changes with the language. */
function compareIds(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
