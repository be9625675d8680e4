import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { app } from '$lib/server/app';
import { pickJson } from '$lib/server/shared/localized-text';
import { formatMoney } from '$lib/server/donations/currencies';
import { transparencyTotals } from '$lib/server/donations/donations.queries';
import type { Text } from '$lib/i18n/locales';

interface Row {
	campaign: Text;
	currency: string;
	total: string;
	donations: number;
}

/** Net totals (after refunds) per year, campaign and currency, and per campaign over all years. No personal data. */
export const load: PageServerLoad = async () => {
	const locale = getLocale();
	const totals = await transparencyTotals(app().db);
	const campaignOf = (title: string | null): Text => (title ? pickJson(title, locale) : { text: m.transparency_general(), lang: locale });

	const years: { year: string; rows: Row[] }[] = [];
	const byCampaign = new Map<string, { campaign: Text; currency: string; netMinor: number; donations: number }>();
	for (const t of totals) {
		let year = years.find((y) => y.year === t.year);
		if (!year) years.push((year = { year: t.year, rows: [] }));
		const campaign = campaignOf(t.campaignTitle);
		year.rows.push({ campaign, currency: t.currency, total: formatMoney(t.netMinor, t.currency, locale), donations: t.donations });
		const key = `${t.campaignSlug ?? ''} ${t.currency}`;
		const sum = byCampaign.get(key) ?? { campaign, currency: t.currency, netMinor: 0, donations: 0 };
		sum.netMinor += t.netMinor;
		sum.donations += t.donations;
		byCampaign.set(key, sum);
	}
	const campaigns: Row[] = [...byCampaign.values()].map((c) => ({
		campaign: c.campaign,
		currency: c.currency,
		total: formatMoney(c.netMinor, c.currency, locale),
		donations: c.donations
	}));
	return { years, campaigns };
};
