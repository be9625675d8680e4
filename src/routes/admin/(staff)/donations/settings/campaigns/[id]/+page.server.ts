import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { campaignFieldNames, getCampaignValues, saveCampaign, type CampaignValues } from '$lib/server/donations/donation-campaigns';
import { getDonationSettings } from '$lib/server/donations/donation-settings';
import { ValidationError } from '$lib/server/platform/errors';
import { requirePermission } from '$lib/server/people/guard';
import { idOrNotFound } from '$lib/server/platform/route-params';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { adminUrls } from '$lib/admin/urls';

/** 'new', or the id of a campaign; anything else is a 404. */
function campaignIdOf(segment: string): number | undefined {
	if (segment === 'new') return undefined;
	return idOrNotFound(segment, 'There is no such campaign.');
}

const notFound = 'This campaign does not exist (any more).';

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
}, { notFound }) satisfies PageServerLoad;

export const actions = {
	save: withDomainErrors(async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, 'donations.manage');
		const id = campaignIdOf(params.id);
		const form = await request.formData();
		const values: CampaignValues = Object.fromEntries(
			campaignFieldNames.map((n) => {
				const v = form.get(n);
				return [n, typeof v === 'string' ? v.slice(0, 4000) : ''];
			})
		);
		const { db } = app();
		const { currencies } = await getDonationSettings(db);
		let saved: number;
		try {
			saved = await saveCampaign(app().donations, staff, values, { id, currencies });
		} catch (e) {
			if (e instanceof ValidationError) return fail(400, { issues: e.issues, values });
			throw e;
		}
		if (id === undefined) redirect(303, `${adminUrls.donations.campaign(saved)}?created=1`);
		return { saved: true };
	}, { notFound })
} satisfies Actions;
