import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { app } from '$lib/server/app';
import { assignReviewer, reviewerCandidates, reviewersOfCall, submittedApplicationsOf, unassignReviewer, type ReviewTarget } from '$lib/server/calls/review.service';
import { failWith, formField, formSchema } from '$lib/server/platform/forms';
import { requirePermission } from '$lib/server/people/guard';
import { idFrom } from '$lib/server/platform/route-params';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { existingCall, explain, permission } from '../../calls-route';
import { m } from '$lib/paraglide/messages';
import type { DomainErrorAnswers } from '$lib/server/platform/http/domain-errors';

const answers: DomainErrorAnswers = {
	get notFound() {
		return m.callsadmin_reviewers_not_found();
	}
};

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, permission);
	const { db } = app();
	const call = await existingCall(db, Number(params.id));
	const [candidates, assignments, applications] = await Promise.all([reviewerCandidates(db), reviewersOfCall(db, call.id), submittedApplicationsOf(db, call.id)]);
	return { candidates, assignments, applications };
};

/** Who is (un)assigned, and to what: the call, or one of its applications by id. */
const reviewerForm = formSchema({ target: formField.text(12), userId: formField.text(100) });

/** The call, or one of its applications, as the form names it (`target` is `call` or an application's id). */
async function targetOf(event: RequestEvent, form: FormData): Promise<{ callId: number; target: ReviewTarget; applicationId: number | null }> {
	const callId = Number(event.params.id);
	const { db } = app();
	await existingCall(db, callId);
	const { target } = reviewerForm.read(form);
	if (target === 'call' || target === '') return { callId, target: { callId }, applicationId: null };
	const applicationId = idFrom(target);
	if (applicationId === undefined) error(404, m.callsadmin_reviewers_application_not_found());
	const application = await db.selectFrom('application').select('id').where('id', '=', applicationId).where('call_id', '=', callId).executeTakeFirst();
	if (!application) error(404, m.callsadmin_reviewers_application_not_found());
	return { callId, target: { applicationId }, applicationId };
}

export const actions = {
	assign: withDomainErrors(async (event) => {
		const staff = requirePermission(event.locals, event.url, permission);
		const form = await event.request.formData();
		const { target, applicationId } = await targetOf(event, form);
		const { userId } = reviewerForm.read(form);
		try {
			await assignReviewer(app().calls, staff, target, userId);
		} catch (e) {
			return failWith(e, (issues) => ({ form: applicationId === null ? ('call' as const) : ('application' as const), issues: explain(issues) }));
		}
		return { done: 'assigned' as const };
	}, answers),

	unassign: async (event) => {
		const staff = requirePermission(event.locals, event.url, permission);
		const form = await event.request.formData();
		const { target } = await targetOf(event, form);
		const { userId } = reviewerForm.read(form);
		await unassignReviewer(app().calls, staff, target, userId);
		return { done: 'unassigned' as const };
	}
} satisfies Actions;
