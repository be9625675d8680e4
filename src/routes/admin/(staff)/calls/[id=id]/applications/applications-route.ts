import { error, fail } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import { app } from '$lib/server/app';
import { applicationForStaff } from '$lib/server/calls/application-admin';
import { getCall, type OpenCall } from '$lib/server/calls/calls.service';
import { applicationDecisions, decideApplication, setShortlisted } from '$lib/server/calls/review.service';
import type { ApplicationDecision, Database } from '$lib/server/db/schema';
import { failWith, formField, formSchema } from '$lib/server/platform/forms';
import { m } from '$lib/paraglide/messages';

type Staff = NonNullable<App.Locals['staff']>;

/* What the staff pages of a call's applications share: finding the call, and the shortlist and decision actions. */

/** Read when a request needs them, in the signed-in person's language. */
export const callNotFound = () => m.applications_call_not_found();
export const applicationNotFound = () => m.applications_not_found();

export async function callOf(db: Kysely<Database>, id: number): Promise<OpenCall> {
	const call = await getCall(db, id);
	if (!call) error(404, callNotFound());
	return call;
}

/** The application named by the form (or the path), when it is a submitted one of this call. */
async function submittedApplication(db: Kysely<Database>, callId: number, id: number | undefined) {
	const application = id === undefined ? undefined : await applicationForStaff(db, callId, id);
	if (!application) error(404, applicationNotFound());
	return application;
}

const stillSubmitted = () => m.applications_withdrawn_meanwhile();

/** The buttons of an application (in the list, `applicationId` names it): shortlist or not, and a decision ('' for none). */
const applicationForm = formSchema({ applicationId: formField.id(), shortlisted: formField.is('yes'), decision: formField.text(40) });

export async function shortlistAction(db: Kysely<Database>, staff: Staff, callId: number, form: FormData, pathId?: number) {
	const { applicationId, shortlisted } = applicationForm.read(form);
	const application = await submittedApplication(db, callId, pathId ?? applicationId);
	try {
		await setShortlisted(app().calls, staff, application.id, shortlisted);
	} catch (e) {
		return failWith(e, () => ({ problem: stillSubmitted(), applicationId: application.id }), { status: 409 });
	}
	return { done: shortlisted ? ('shortlisted' as const) : ('unshortlisted' as const), applicationId: application.id };
}

export async function decideAction(db: Kysely<Database>, staff: Staff, callId: number, form: FormData, pathId?: number) {
	const { applicationId, decision: wanted } = applicationForm.read(form);
	const application = await submittedApplication(db, callId, pathId ?? applicationId);
	if (wanted !== '' && !(applicationDecisions as readonly string[]).includes(wanted)) {
		return fail(400, { problem: m.applications_choose_decision(), applicationId: application.id });
	}
	const decision = wanted === '' ? null : (wanted as ApplicationDecision);
	try {
		await decideApplication(app().calls, staff, application.id, decision);
	} catch (e) {
		return failWith(e, () => ({ problem: stillSubmitted(), applicationId: application.id }), { status: 409 });
	}
	return { done: 'decided' as const, applicationId: application.id, decision };
}
