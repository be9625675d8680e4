import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { callPhase, formatDeadline } from '$lib/server/calls/call-time';
import { applicationCounts, deleteCall, listFields, setCallStatus, updateCall } from '$lib/server/calls/calls.service';
import type { CallStatus } from '$lib/server/db/schema';
import { failWith, formField, formSchema } from '$lib/server/platform/forms';
import { recordAudit } from '$lib/server/shared/audit';
import { requirePermission } from '$lib/server/people/guard';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { adminUrls } from '$lib/admin/urls';
import {
	callInputOf,
	existingCall,
	explain,
	notFound,
	permission,
	publicPagesChanged,
	settingsFrom,
	settingsLimits,
	settingsOf,
	subjectOf,
	timeZoneChoices
} from '../calls-route';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, permission);
	const { db } = app();
	const call = await existingCall(db, Number(params.id));
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

const statusChanges: Record<string, { to: CallStatus; audit: 'call.opened' | 'call.closed' | 'call.reopened' | 'call.back-to-draft' }> = {
	open: { to: 'open', audit: 'call.opened' },
	close: { to: 'closed', audit: 'call.closed' },
	reopen: { to: 'open', audit: 'call.reopened' },
	draft: { to: 'draft', audit: 'call.back-to-draft' }
};

/** The status buttons (`change`), and the confirmation step of a change or a deletion. */
const statusForm = formSchema({ change: formField.oneOf(['open', 'close', 'reopen', 'draft']), confirm: formField.is('yes') });

export const actions = {
	save: withDomainErrors(async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, permission);
		const id = Number(params.id);
		const values = settingsFrom(await request.formData());
		const { db } = app();
		try {
			await updateCall(db, id, callInputOf(values));
		} catch (e) {
			return failWith(e, (issues) => ({ issues: explain(issues), values }));
		}
		await publicPagesChanged(db);
		await recordAudit(db, { action: 'call.changed', actor: staff, subject: subjectOf(id), detail: { slug: values.slug } });
		return { done: 'saved' as const };
	}, { notFound }),

	/** Two steps: the first asks, the second (`confirm=yes`) changes the status. */
	status: withDomainErrors(async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, permission);
		const id = Number(params.id);
		const { change: which, confirm } = statusForm.read(await request.formData());
		const change = which && statusChanges[which];
		const { db } = app();
		await existingCall(db, id);
		if (!change) return fail(400, { problem: 'Please choose what to do with the call.' });
		if (!confirm) return { confirmStatus: which };
		try {
			await setCallStatus(db, id, change.to);
		} catch (e) {
			return failWith(e, (issues) => ({ statusIssues: Object.values(explain(issues)) }));
		}
		await publicPagesChanged(db);
		await recordAudit(db, { action: change.audit, actor: staff, subject: subjectOf(id) });
		return { done: which };
	}, { notFound }),

	/** Drafts nobody applied to, after a confirmation step. */
	delete: withDomainErrors(async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, permission);
		const id = Number(params.id);
		const { confirm } = statusForm.read(await request.formData());
		const { db } = app();
		const call = await existingCall(db, id);
		if (!confirm) return { confirmDelete: true };
		try {
			await deleteCall(db, id);
		} catch (e) {
			return failWith(e, (issues) => ({ statusIssues: Object.values(explain(issues)) }));
		}
		await recordAudit(db, { action: 'call.deleted', actor: staff, subject: subjectOf(id), detail: { slug: call.slug } });
		redirect(303, `${adminUrls.calls.list}?deleted=1`);
	}, { notFound })
} satisfies Actions;
