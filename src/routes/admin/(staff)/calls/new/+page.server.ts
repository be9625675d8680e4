import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { callLimits, createCall } from '$lib/server/calls/calls.service';
import { failWith } from '$lib/server/platform/forms';
import { requirePermission } from '$lib/server/people/guard';
import { adminUrls } from '$lib/admin/urls';
import { locales } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages';
import { localizedValues } from '$lib/server/platform/forms';
import { findOrganization } from '$lib/server/shared/organization';
import type { CallSettingsValues } from '../call-words';
import { callInputOf, coverChoices, explain, permission, settingsFrom, settingsLimits, timeZoneChoices } from '../calls-route';

/**
 * What applicants agree to, ready in every language so a new call does not
 * start with an empty box; staff adjust it to the call. It names the
 * organization as its settings do.
 */
function defaultConsentTexts(organization: string): Record<string, string> {
	return localizedValues('consentText', Object.fromEntries(locales.map((locale) => [locale, m.calls_consent_default({ organization }, { locale })])));
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const staff = requirePermission(locals, url, permission);
	const organization = (await findOrganization(app().db))?.name ?? '';
	const values: CallSettingsValues = {
		kind: '',
		slug: '',
		texts: defaultConsentTexts(organization),
		opensAt: '',
		deadlineAt: '',
		timeZone: 'UTC',
		maxSubmissionsPerPerson: '',
		retentionDays: String(callLimits.retentionDays.default),
		blindReview: false,
		coverMediaId: ''
	};
	return { values, timeZones: timeZoneChoices(), limits: settingsLimits, photos: await coverChoices(app().db, staff.locale) };
};

export const actions = {
	save: async ({ locals, url, request }) => {
		const staff = requirePermission(locals, url, permission);
		const values = settingsFrom(await request.formData());
		let id: number;
		try {
			id = await createCall(app().calls, staff, callInputOf(values));
		} catch (e) {
			return failWith(e, (issues) => ({ issues: explain(issues), values }));
		}
		redirect(303, `${adminUrls.calls.call(id)}?created=1`);
	}
} satisfies Actions;
