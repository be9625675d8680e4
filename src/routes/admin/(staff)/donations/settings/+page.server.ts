import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { pickJson } from '$lib/server/shared/localized-text';
import { formatMoney } from '$lib/server/donations/currencies';
import { parseSettingsValues, settingsValues, settingsValuesFromForm } from '$lib/server/donations/donation-settings-form';
import { getDonationSettings, saveDonationSettings } from '$lib/server/donations/donation-settings';
import { campaignProgress } from '$lib/server/donations/donations.queries';
import { requirePermission } from '$lib/server/people/guard';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { locale } = requirePermission(locals, url, 'donations.manage');
	const { db } = app();
	const [settings, campaigns] = await Promise.all([getDonationSettings(db), campaignProgress(db)]);
	const now = new Date().toISOString();
	return {
		values: settingsValues(settings),
		campaigns: campaigns.map((c) => ({
			id: c.id,
			slug: c.slug,
			title: pickJson(c.title, locale).text,
			goal: formatMoney(c.goalMinor, c.currency, locale),
			raised: formatMoney(c.raisedMinor, c.currency, locale),
			state: (c.startsAt && c.startsAt > now ? 'not-started' : c.endsAt && c.endsAt <= now ? 'ended' : 'open') as 'not-started' | 'ended' | 'open'
		}))
	};
};

export const actions = {
	save: async ({ locals, url, request }) => {
		const staff = requirePermission(locals, url, 'donations.manage');
		const values = settingsValuesFromForm(await request.formData());
		const parsed = parseSettingsValues(values);
		if (!parsed.ok) return fail(400, { issues: parsed.issues, values });
		await saveDonationSettings(app().donations, staff, parsed.settings);
		return { saved: true };
	}
} satisfies Actions;
