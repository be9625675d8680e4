import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import { exportSubscribers } from '$lib/server/newsletter/subscriber-admin';
import { requirePermission } from '$lib/server/people/guard';
import { csvResponse, filterValuesOf, filtersOf } from '../subscribers-route';

/**
 * The subscriber list as CSV, with the same filters as the page, streamed in
 * batches so a list of 50,000 never sits in memory. A byte-order mark first, so
 * spreadsheet programs read names in any script as UTF-8; cells a spreadsheet
 * would run as a formula are defused.
 */
export const GET: RequestHandler = async ({ locals, url, getClientAddress }) => {
	const staff = requirePermission(locals, url, 'newsletter.subscribers');
	const values = filterValuesOf(url);
	const batches = await exportSubscribers(app().newsletter, staff, filtersOf(values), {
		shownFilters: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')),
		ip: getClientAddress()
	});
	return csvResponse(batches, `subscribers-${new Date().toISOString().slice(0, 10)}.csv`);
};
