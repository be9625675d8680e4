import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { DirectoryFilters } from '$lib/server/collective/artist-directory';
import type { Issues } from '$lib/server/platform/forms';

/** A profile's address as the site writes them; anything else is not found without asking the database. */
export function artistSlugFrom(value: string): string {
	if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) || value.length > 80) error(404, m.artist_not_found());
	return value;
}

/** The directory's filters from its address (`?country=NP&medium=mural&initiative=patan-2018&page=2`); a value that cannot be one is no filter. */
export function directoryQueryOf(url: URL): { filters: DirectoryFilters; page: number } {
	const cut = (value: string | null, max: number) => (value ?? '').trim().slice(0, max);
	const country = cut(url.searchParams.get('country'), 2).toUpperCase();
	const medium = cut(url.searchParams.get('medium'), 40).toLowerCase();
	const initiative = cut(url.searchParams.get('initiative'), 80);
	const page = cut(url.searchParams.get('page'), 4);
	return {
		filters: {
			...(/^[A-Z]{2}$/.test(country) ? { country } : {}),
			...(medium ? { medium } : {}),
			...(/^[a-z0-9-]+$/.test(initiative) ? { initiative } : {})
		},
		page: /^[1-9]\d{0,3}$/.test(page) ? Number(page) : 1
	};
}

export function directoryQuery(filters: DirectoryFilters, page = 1): string {
	const params = new URLSearchParams();
	if (filters.country) params.set('country', filters.country);
	if (filters.medium) params.set('medium', filters.medium);
	if (filters.initiative) params.set('initiative', filters.initiative);
	if (page > 1) params.set('page', String(page));
	const query = params.toString();
	return query ? `?${query}` : '';
}

/** A refused profile's or message's issues, in the reader's language, by the form's field names. */
export function artistFormErrors(issues: Issues): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const [key, code] of Object.entries(issues)) {
		if (key === 'email') errors.email = m.artist_error_email();
		else if (key === 'country') errors.country = m.artist_error_country();
		else if (key === 'languages') errors.languages = m.artist_error_languages();
		else if (key === 'mediums') errors.mediums = m.artist_error_mediums();
		else if (key.startsWith('links')) errors[key === 'links' ? 'links.0' : key] = m.artist_error_link();
		else if (key === 'guardian') errors.guardian = m.artist_error_guardian();
		else errors[key] = code === 'too-long' ? m.artist_error_too_long() : m.artist_error_required();
	}
	return errors;
}
