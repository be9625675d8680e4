import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { callLimits, createCall } from '$lib/server/calls/calls.service';
import { failWith } from '$lib/server/platform/forms';
import { requirePermission } from '$lib/server/people/guard';
import { adminUrls } from '$lib/admin/urls';
import type { CallSettingsValues } from '../call-words';
import { callInputOf, explain, permission, settingsFrom, settingsLimits, timeZoneChoices } from '../calls-route';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, permission);
	const values: CallSettingsValues = {
		kind: '',
		slug: '',
		texts: {},
		opensAt: '',
		deadlineAt: '',
		timeZone: 'UTC',
		maxSubmissionsPerPerson: '',
		retentionDays: String(callLimits.retentionDays.default),
		blindReview: false
	};
	return { values, timeZones: timeZoneChoices(), limits: settingsLimits };
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
