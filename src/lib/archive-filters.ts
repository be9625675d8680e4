/** The archive's filters as they appear in its address (`?kind=festival&country=NP&year=2018`). */
export interface ArchiveFilterValues {
	kind?: string;
	program?: string;
	country?: string;
	year?: number;
}

/** The query string for filters and a page, in one order, so shared addresses match the cache. */
export function filterQuery(filters: ArchiveFilterValues, page = 1): string {
	const params = new URLSearchParams();
	if (filters.kind) params.set('kind', filters.kind);
	if (filters.program) params.set('program', filters.program);
	if (filters.country) params.set('country', filters.country);
	if (filters.year !== undefined) params.set('year', String(filters.year));
	if (page > 1) params.set('page', String(page));
	const query = params.toString();
	return query === '' ? '' : `?${query}`;
}

