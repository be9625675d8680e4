import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { formatMoment } from '$lib/i18n/staff-clock';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { callPhase } from '$lib/server/calls/call-time';
import { untranslatedQuestions } from '$lib/server/calls/call-fields';
import { applicationCounts, callStatusChangeOf, deleteCall, listFields, setCallStatus, updateCall } from '$lib/server/calls/calls.service';
import { failWith, formField, formSchema } from '$lib/server/platform/forms';
import { requirePermission } from '$lib/server/people/guard';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { adminUrls } from '$lib/admin/urls';
import {
	callAnswers,
	callInputOf,
	coverChoices,
	existingCall,
	explain,
	permission,
	settingsFrom,
	settingsLimits,
	settingsOf,
	timeZoneChoices
} from '../calls-route';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const staff = requirePermission(locals, url, permission);
	const { db } = app();
	const call = await existingCall(db, Number(params.id));
	const [fields, counts] = await Promise.all([listFields(db, call.id), applicationCounts(db)]);
	const count = counts.get(call.id) ?? { submitted: 0, draft: 0 };
	return {
		values: settingsOf(call),
		photos: await coverChoices(db, staff.locale),
		timeZones: timeZoneChoices(call.timeZone),
		limits: settingsLimits,
		status: call.status,
		phase: callPhase(call, Date.now()),
		timeZone: call.timeZone,
		// Instants, shown in the staff person's zone; and as applicants read them, in the call's zone, in the staff person's language.
		opens: { iso: new Date(call.opensAt).toISOString(), inCallZone: formatMoment(call.opensAt, { locale: staff.locale, timeZone: call.timeZone }) },
		deadline: { iso: new Date(call.deadlineAt).toISOString(), inCallZone: formatMoment(call.deadlineAt, { locale: staff.locale, timeZone: call.timeZone }) },
		fieldCount: fields.length,
		// Questions that Nepali, Indonesian or Spanish applicants would read in English: a warning here and before opening.
		untranslated: untranslatedQuestions(fields),
		hasConsentText: call.consentText.en.trim() !== '',
		applications: count,
		// Only a draft nobody applied to may be deleted (the service says so too).
		deletable: call.status === 'draft' && count.submitted + count.draft === 0
	};
};

/** The status buttons (`change`), and the confirmation step of a change or a deletion. */
const statusForm = formSchema({ change: formField.text(20), confirm: formField.is('yes') });

export const actions = {
	save: withDomainErrors(async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, permission);
		const id = Number(params.id);
		const values = settingsFrom(await request.formData());
		try {
			await updateCall(app().calls, staff, id, callInputOf(values));
		} catch (e) {
			return failWith(e, (issues) => ({ issues: explain(issues), values }));
		}
		return { done: 'saved' as const };
	}, callAnswers),

	/** Two steps: the first asks, the second (`confirm=yes`) changes the status. */
	status: withDomainErrors(async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, permission);
		const id = Number(params.id);
		const form = statusForm.read(await request.formData());
		const change = callStatusChangeOf(form.change);
		const { db } = app();
		await existingCall(db, id);
		if (!change) return fail(400, { problem: m.callsadmin_status_choose() });
		if (!form.confirm) return { confirmStatus: change };
		try {
			await setCallStatus(app().calls, staff, id, change);
		} catch (e) {
			return failWith(e, (issues) => ({ statusIssues: Object.values(explain(issues)) }));
		}
		return { done: change };
	}, callAnswers),

	/** Drafts nobody applied to, after a confirmation step. */
	delete: withDomainErrors(async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, permission);
		const id = Number(params.id);
		const { confirm } = statusForm.read(await request.formData());
		const { db } = app();
		await existingCall(db, id);
		if (!confirm) return { confirmDelete: true };
		try {
			await deleteCall(app().calls, staff, id);
		} catch (e) {
			return failWith(e, (issues) => ({ statusIssues: Object.values(explain(issues)) }));
		}
		redirect(303, `${adminUrls.calls.list}?deleted=1`);
	}, callAnswers)
} satisfies Actions;
