import type { Text } from '$lib/i18n/locales';

/** A country of the list beside the map, with its places (none when only the count is shown). */
export interface PlaceGroup {
	country: string;
	name: string;
	count: number;
	places: { id: string; where: string; href: string; title: Text }[];
}

/** What a card says of where something happened: "Patan, Nepal", or the first two places and how many more. */
export function placeLine(places: ReadonlyArray<{ name: string; city: string; countryName: string; virtual: boolean }>, online: string): string {
	const named = places.map((p) => (p.virtual ? online : [p.city || p.name, p.countryName].filter(Boolean).join(', ')));
	const distinct = [...new Set(named)];
	if (distinct.length <= 2) return distinct.join(' · ');
	return `${distinct.slice(0, 2).join(' · ')} · +${distinct.length - 2}`;
}
