import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { callPhase, formatDeadline } from '$lib/server/calls/call-time';
import { applicationCounts, callStatusChangeOf, deleteCall, listFields, setCallStatus, updateCall } from '$lib/server/calls/calls.service';
import { ValidationError } from '$lib/server/platform/errors';
import { requirePermission } from '$lib/server/people/guard';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { adminUrls } from '$lib/admin/urls';
import {
	callIdOf,
	callInputOf,
	existingCall,
	explain,
	notFound,
	permission,
	settingsFrom,
	settingsLimits,
	settingsOf,
	timeZoneChoices
} from '../calls-route';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, permission);
	const { db } = app();
	const call = await existingCall(db, callIdOf(params.id));
	const [fields, counts] = await Promise.all([listFields(db, call.id), applicationCounts(db)]);
	const count = counts.get(call.id) ?? { submitted: 0, draft: 0 };
	return {
		values: settingsOf(call),
		timeZones: timeZoneChoices(call.timeZone),
		limits: settingsLimits,
		status: call.status,
		phase: callPhase(call, Date.now()),
		timeZone: call.timeZone,
		opens: formatDeadline(call.opensAt, call.timeZone, 'en-GB'),
		deadline: formatDeadline(call.deadlineAt, call.timeZone, 'en-GB'),
		fieldCount: fields.length,
		hasConsentText: call.consentText.en.trim() !== '',
		applications: count,
		// Only a draft nobody applied to may be deleted (the service says so too).
		deletable: call.status === 'draft' && count.submitted + count.draft === 0
	};
};

export const actions = {
	save: withDomainErrors(async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, permission);
		const id = callIdOf(params.id);
		const values = settingsFrom(await request.formData());
		try {
			await updateCall(app().calls, staff, id, callInputOf(values));
		} catch (e) {
			if (e instanceof ValidationError) return fail(400, { issues: explain(e.issues), values });
			throw e;
		}
		return { done: 'saved' as const };
	}, { notFound }),

	/** Two steps: the first asks, the second (`confirm=yes`) changes the status. */
	status: withDomainErrors(async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, permission);
		const id = callIdOf(params.id);
		const form = await request.formData();
		const change = callStatusChangeOf(String(form.get('change') ?? ''));
		const { db } = app();
		await existingCall(db, id);
		if (!change) return fail(400, { problem: 'Please choose what to do with the call.' });
		if (form.get('confirm') !== 'yes') return { confirmStatus: change };
		try {
			await setCallStatus(app().calls, staff, id, change);
		} catch (e) {
			if (e instanceof ValidationError) return fail(400, { statusIssues: Object.values(explain(e.issues)) });
			throw e;
		}
		return { done: change };
	}, { notFound }),

	/** Drafts nobody applied to, after a confirmation step. */
	delete: withDomainErrors(async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, permission);
		const id = callIdOf(params.id);
		const form = await request.formData();
		const { db } = app();
		await existingCall(db, id);
		if (form.get('confirm') !== 'yes') return { confirmDelete: true };
		try {
			await deleteCall(app().calls, staff, id);
		} catch (e) {
			if (e instanceof ValidationError) return fail(400, { statusIssues: Object.values(explain(e.issues)) });
			throw e;
		}
		redirect(303, `${adminUrls.calls.list}?deleted=1`);
	}, { notFound })
} satisfies Actions;
