import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import { donationsCsv } from '$lib/server/donations/donations.queries';
import { recordAudit } from '$lib/server/shared/audit';
import { requirePermission } from '$lib/server/people/guard';
import { filterValuesOf, filtersOf } from '../donations-route';

/**
 * The donations list as CSV, with the same filters as the page (written by
 * platform/csv.ts: a byte-order mark, nothing a spreadsheet could run).
 */
export const GET: RequestHandler = async ({ locals, url, getClientAddress }) => {
	const staff = requirePermission(locals, url, 'donations.view');
	const { db } = app();
	const values = filterValuesOf(url);
	const csv = await donationsCsv(db, filtersOf(values));
	// Personal data leaves the app: who took it, and which part, goes in the audit log.
	await recordAudit(db, {
		action: 'donation.exported',
		actor: staff,
		subject: 'donations',
		detail: { rows: csv.donations, filters: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')) },
		ip: getClientAddress()
	});
	const day = new Date().toISOString().slice(0, 10);
	return new Response(csv.text, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="donations-${day}.csv"`,
			'Cache-Control': 'private, no-store',
			'X-Content-Type-Options': 'nosniff'
		}
	});
};
