/** The events' filters as they appear in their address (`?kind=workshop&mode=online&month=2027-01`). */
export interface EventFilterValues {
	kind?: string;
	country?: string;
	mode?: string;
	month?: string;
}

/** The query string for filters, past or upcoming, and a page, in one order, so shared addresses match the cache. */
export function eventsQuery(filters: EventFilterValues, tense: 'upcoming' | 'past', page = 1): string {
	const params = new URLSearchParams();
	if (filters.kind) params.set('kind', filters.kind);
	if (filters.country) params.set('country', filters.country);
	if (filters.mode) params.set('mode', filters.mode);
	if (filters.month) params.set('month', filters.month);
	if (tense === 'past') params.set('past', '1');
	if (page > 1) params.set('page', String(page));
	const query = params.toString();
	return query === '' ? '' : `?${query}`;
}
