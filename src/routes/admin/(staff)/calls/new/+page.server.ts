import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { callLimits, createCall } from '$lib/server/calls/calls.service';
import { failWith } from '$lib/server/platform/forms';
import { recordAudit } from '$lib/server/shared/audit';
import { requirePermission } from '$lib/server/people/guard';
import { adminUrls } from '$lib/admin/urls';
import type { CallSettingsValues } from '../call-words';
import { callInputOf, explain, permission, settingsFrom, settingsLimits, subjectOf, timeZoneChoices } from '../calls-route';

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
		const { db } = app();
		let id: number;
		try {
			id = await createCall(db, callInputOf(values));
		} catch (e) {
			return failWith(e, (issues) => ({ issues: explain(issues), values }));
		}
		await recordAudit(db, { action: 'call.created', actor: staff, subject: subjectOf(id), detail: { slug: values.slug } });
		redirect(303, `${adminUrls.calls.call(id)}?created=1`);
	}
} satisfies Actions;
