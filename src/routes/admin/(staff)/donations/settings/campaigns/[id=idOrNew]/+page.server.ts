import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { campaignFieldNames, getCampaignValues, saveCampaign, type CampaignValues } from '$lib/server/donations/donation-campaigns';
import { getDonationSettings } from '$lib/server/donations/donation-settings';
import { requirePermission } from '$lib/server/people/guard';
import { failWith, formField, formSchema } from '$lib/server/platform/forms';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { adminUrls } from '$lib/admin/urls';
import { m } from '$lib/paraglide/messages';

/** The campaign's id; none for `new`. */
function campaignIdOf(segment: string): number | undefined {
	return segment === 'new' ? undefined : Number(segment);
}

const answers = {
	get notFound() {
		return m.donations_campaign_not_found();
	}
};

/** The campaign form, every field as text (the domain checks it: parseCampaign). */
const campaignForm = formSchema(Object.fromEntries(campaignFieldNames.map((name) => [name, formField.text(4000)])));

export const load = withDomainErrors(async ({ locals, url, params }) => {
	requirePermission(locals, url, 'donations.manage');
	const { db } = app();
	const id = campaignIdOf(params.id);
	const settings = await getDonationSettings(db);
	const values: CampaignValues =
		id === undefined
			? Object.fromEntries(campaignFieldNames.map((n) => [n, n === 'currency' ? (settings.currencies[0] ?? '') : '']))
			: await getCampaignValues(db, id);
	return { id: id ?? null, values, currencies: settings.currencies };
}, answers) satisfies PageServerLoad;

export const actions = {
	save: withDomainErrors(async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, 'donations.manage');
		const id = campaignIdOf(params.id);
		const values: CampaignValues = campaignForm.read(await request.formData());
		const { db } = app();
		const { currencies } = await getDonationSettings(db);
		let saved: number;
		try {
			saved = await saveCampaign(app().donations, staff, values, { id, currencies });
		} catch (e) {
			return failWith(e, { values });
		}
		if (id === undefined) redirect(303, `${adminUrls.donations.campaign(saved)}?created=1`);
		return { saved: true };
	}, answers)
} satisfies Actions;
