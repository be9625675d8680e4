import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { displayNames } from '$lib/i18n/intl';
import { requirePermission } from '$lib/server/people/guard';
import { findPlaces } from '$lib/server/platform/places/place-lookup';
import { searchTextFrom } from '$lib/server/platform/route-params';

/** Longer than any town's name; what is beyond it is not read. */
const maxQueryLength = 100;

/**
 * Towns whose name starts with `?q=`, for the place picker of an initiative:
 * from the GeoNames data the app carries, so no one outside learns what staff
 * look up. Country names are in English, as the admin is.
 */
export const GET: RequestHandler = ({ locals, url }) => {
	requirePermission(locals, url, 'content.edit');
	const query = searchTextFrom(url, 'q', maxQueryLength);
	const countries = displayNames('en', { type: 'region', fallback: 'code' });
	const places = findPlaces(query).map(({ name, country, latitude, longitude, population }) => {
		const countryName = countries.of(country) ?? country;
		return { name, country, countryName, latitude, longitude, population, label: `${name}, ${countryName}` };
	});
	return json(places, { headers: { 'Cache-Control': 'private, no-store' } });
};
