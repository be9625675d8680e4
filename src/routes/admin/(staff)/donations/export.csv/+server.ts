import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import { exportDonations } from '$lib/server/donations/donations.queries';
import { requirePermission } from '$lib/server/people/guard';
import { attachmentResponse, csvContentType } from '$lib/server/platform/http/attachment-response';
import { filterValuesOf, filtersOf } from '../donations-route';

/**
 * The donations list as CSV, with the same filters as the page (written by
 * platform/csv.ts: a byte-order mark, nothing a spreadsheet could run).
 */
export const GET: RequestHandler = async ({ locals, url, getClientAddress }) => {
	const staff = requirePermission(locals, url, 'donations.view');
	const values = filterValuesOf(url);
	const csv = await exportDonations(app().donations, staff, filtersOf(values), {
		shownFilters: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')),
		ip: getClientAddress()
	});
	return attachmentResponse(csv.text, csvContentType, `donations-${new Date().toISOString().slice(0, 10)}.csv`);
};
