import { error, fail } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import { app } from '$lib/server/app';
import { applicationForStaff } from '$lib/server/calls/application-admin';
import { getCall, type OpenCall } from '$lib/server/calls/calls.service';
import { applicationDecisions, decideApplication, setShortlisted } from '$lib/server/calls/review.service';
import type { ApplicationDecision, Database } from '$lib/server/db/schema';
import { ValidationError } from '$lib/server/platform/errors';
import { idOrNotFound } from '$lib/server/platform/route-params';


type Staff = NonNullable<App.Locals['staff']>;

/* What the staff pages of a call's applications share: finding the call, and the shortlist and decision actions. */

export const callNotFound = 'This call does not exist (any more).';
export const applicationNotFound = 'This application does not exist in this call (any more).';

/** A positive id from a path segment; anything else is a 404. */
export function idOf(segment: string, message: string): number {
	return idOrNotFound(segment, message);
}

export async function callOf(db: Kysely<Database>, segment: string): Promise<OpenCall> {
	const call = await getCall(db, idOf(segment, callNotFound));
	if (!call) error(404, callNotFound);
	return call;
}

/** The application named by the form (or the path), when it is a submitted one of this call. */
async function submittedApplication(db: Kysely<Database>, callId: number, value: FormDataEntryValue | string | null) {
	const id = idOf(typeof value === 'string' ? value : '', applicationNotFound);
	const application = await applicationForStaff(db, callId, id);
	if (!application) error(404, applicationNotFound);
	return application;
}

const stillSubmitted = 'Only a submitted application can be shortlisted or decided; this one has been withdrawn meanwhile.';

export async function shortlistAction(db: Kysely<Database>, staff: Staff, callId: number, form: FormData, pathId?: string) {
	const application = await submittedApplication(db, callId, pathId ?? form.get('applicationId'));
	const shortlisted = form.get('shortlisted') === 'yes';
	try {
		await setShortlisted(app().calls, staff, application.id, shortlisted);
	} catch (e) {
		if (e instanceof ValidationError) return fail(409, { problem: stillSubmitted, applicationId: application.id });
		throw e;
	}
	return { done: shortlisted ? ('shortlisted' as const) : ('unshortlisted' as const), applicationId: application.id };
}

export async function decideAction(db: Kysely<Database>, staff: Staff, callId: number, form: FormData, pathId?: string) {
	const application = await submittedApplication(db, callId, pathId ?? form.get('applicationId'));
	const wanted = String(form.get('decision') ?? '');
	if (wanted !== '' && !(applicationDecisions as readonly string[]).includes(wanted)) {
		return fail(400, { problem: 'Choose accepted, waiting list, declined, or no decision.', applicationId: application.id });
	}
	const decision = wanted === '' ? null : (wanted as ApplicationDecision);
	try {
		await decideApplication(app().calls, staff, application.id, decision);
	} catch (e) {
		if (e instanceof ValidationError) return fail(409, { problem: stillSubmitted, applicationId: application.id });
		throw e;
	}
	return { done: 'decided' as const, applicationId: application.id, decision };
}
