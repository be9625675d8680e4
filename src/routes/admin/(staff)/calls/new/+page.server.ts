import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { callLimits, createCall } from '$lib/server/calls/calls.service';
import { ValidationError } from '$lib/server/platform/errors';
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

export const actions: Actions = {
	save: async ({ locals, url, request }) => {
		const staff = requirePermission(locals, url, permission);
		const values = settingsFrom(await request.formData());
		let id: number;
		try {
			id = await createCall(app().calls, staff, callInputOf(values));
		} catch (e) {
			if (e instanceof ValidationError) return fail(400, { issues: explain(e.issues), values });
			throw e;
		}
		redirect(303, `${adminUrls.calls.call(id)}?created=1`);
	}
};
