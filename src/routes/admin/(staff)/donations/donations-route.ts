import type { DonationKind, DonationStatus } from '$lib/server/db/schema';
import type { DonationFilters } from '$lib/server/donations/donations.queries';

/*
 * The donations list's filters, read from the query string the same way by the
 * page and by the CSV export, so the export holds exactly what the list shows.
 */

/** The filters as typed (for the form and for links), each '' when unset. */
export interface FilterValues {
	campaign: string;
	from: string;
	to: string;
	currency: string;
	kind: '' | DonationKind;
	status: '' | DonationStatus;
}

const day = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (text: string) => day.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));

export function filterValuesOf(url: URL): FilterValues {
	const get = (name: string) => (url.searchParams.get(name) ?? '').trim().slice(0, 40);
	const campaign = get('campaign');
	const currency = get('currency').toUpperCase();
	const kind = get('kind');
	const status = get('status');
	return {
		campaign: /^\d{1,9}$/.test(campaign) ? campaign : '',
		from: isDay(get('from')) ? get('from') : '',
		to: isDay(get('to')) ? get('to') : '',
		currency: /^[A-Z]{3}$/.test(currency) ? currency : '',
		kind: kind === 'one-off' || kind === 'monthly' ? kind : '',
		status: status === 'paid' || status === 'refunded' ? status : ''
	};
}

/** `to` is the last day shown, so the query's exclusive bound is the next midnight (UTC). */
export function filtersOf(values: FilterValues): DonationFilters {
	const next = values.to ? new Date(Date.parse(`${values.to}T00:00:00Z`) + 24 * 60 * 60 * 1000).toISOString() : undefined;
	return {
		...(values.campaign ? { campaignId: Number(values.campaign) } : {}),
		...(values.from ? { from: `${values.from}T00:00:00.000Z` } : {}),
		...(next ? { to: next } : {}),
		...(values.currency ? { currency: values.currency } : {}),
		...(values.kind ? { kind: values.kind } : {}),
		...(values.status ? { status: values.status } : {})
	};
}

/** The query string for the same filters (without empty ones), for the export link and the page links. */
export function queryOf(values: FilterValues, extra: Record<string, string | number> = {}): string {
	const params = new URLSearchParams();
	for (const [k, v] of Object.entries({ ...values, ...extra })) if (v !== '') params.set(k, String(v));
	const text = params.toString();
	return text ? `?${text}` : '';
}
