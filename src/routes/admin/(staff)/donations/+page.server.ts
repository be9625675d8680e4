import type { PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { pickJson } from '$lib/server/shared/localized-text';
import { formatMoney } from '$lib/server/donations/currencies';
import { getDonationSettings } from '$lib/server/donations/donation-settings';
import { campaignProgress, listDonations, totalsByCurrency, totalsByMonth } from '$lib/server/donations/donations.queries';
import { isConfigured, webhookSecretOf } from '$lib/server/donations/stripe-client';
import { requirePermission } from '$lib/server/people/guard';
import { pageFrom } from '$lib/server/platform/route-params';
import { filterValuesOf, filtersOf } from './donations-route';
import { pageCount } from '$lib/server/platform/paging';

const perPage = 50;

export const load: PageServerLoad = async ({ locals, url }) => {
	// Amounts and campaign titles in the staff member's language.
	const { locale } = requirePermission(locals, url, 'donations.view');
	const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
	const totalText = <T extends { currency: string; grossMinor: number; refundedMinor: number; netMinor: number; donations: number }>(t: T) => ({
		...t,
		gross: money(t.grossMinor, t.currency),
		refunded: money(t.refundedMinor, t.currency),
		net: money(t.netMinor, t.currency)
	});
	const { db, config } = app();
	const values = filterValuesOf(url);
	const filters = filtersOf(values);
	const [list, months, currencies, campaigns, settings] = await Promise.all([
		listDonations(db, filters, { page: pageFrom(url), perPage }),
		totalsByMonth(db, filters),
		totalsByCurrency(db, filters),
		campaignProgress(db),
		getDonationSettings(db)
	]);
	const campaignTitles = new Map(campaigns.map((c) => [c.slug, pickJson(c.title, locale).text]));
	return {
		stripe: {
			configured: isConfigured(config),
			webhookSecret: webhookSecretOf(config) !== undefined,
			webhookUrl: `${config.origin}/api/stripe/webhook`
		},
		filters: values,
		campaigns: campaigns.map((c) => ({ id: c.id, slug: c.slug, title: pickJson(c.title, locale).text })),
		// The enabled currencies, and any other one that has donations (a currency staff later turned off).
		currencies: [...new Set([...settings.currencies, ...currencies.map((t) => t.currency)])].sort(),
		page: list.page,
		pages: pageCount(list.total, list.perPage),
		total: list.total,
		donations: list.rows.map((d) => ({
			id: d.id,
			paidAt: d.paidAt,
			kind: d.kind,
			amount: money(d.amountMinor, d.currency),
			refunded: d.refundedMinor > 0 ? money(d.refundedMinor, d.currency) : null,
			currency: d.currency,
			status: d.status,
			campaign: d.campaignSlug ? (campaignTitles.get(d.campaignSlug) ?? d.campaignSlug) : null,
			donorName: d.donorName,
			donorEmail: d.donorEmail,
			message: d.message,
			wallStatus: d.wallStatus
		})),
		totalsByMonth: months.map(totalText),
		totalsByCurrency: currencies.map(totalText)
	};
};
