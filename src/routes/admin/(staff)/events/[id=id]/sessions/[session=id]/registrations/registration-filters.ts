import { registrationFilters, type RegistrationFilter, type RegistrationListFilters } from '$lib/server/events/registration-admin';
import { searchTextFrom } from '$lib/server/platform/route-params';

/*
 * The registration list's search and status filter, read from the query string
 * the same way by the page and by the CSV export, so the export holds what the
 * list shows.
 */

export interface RegistrationFilterValues {
	q: string;
	status: '' | RegistrationFilter;
}

export function filterValuesOf(url: URL): RegistrationFilterValues {
	const status = (url.searchParams.get('status') ?? '').trim();
	return {
		q: searchTextFrom(url, 'q', 100),
		status: (registrationFilters as readonly string[]).includes(status) ? (status as RegistrationFilter) : ''
	};
}

export function filtersOf(values: RegistrationFilterValues): RegistrationListFilters {
	return { ...(values.q ? { search: values.q } : {}), ...(values.status ? { filter: values.status } : {}) };
}
