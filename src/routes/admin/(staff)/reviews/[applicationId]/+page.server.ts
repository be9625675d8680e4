import { error, fail } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { fieldsForReviewer, scoresOfReviewer } from '$lib/server/calls/application-admin';
import { answerText } from '$lib/server/calls/call-export';
import { applicationForReviewer, listCriteria, recordScores, reviewLimits } from '$lib/server/calls/review.service';
import { pick } from '$lib/server/shared/localized-text';
import type { Database } from '$lib/server/db/schema';
import { ValidationError } from '$lib/server/platform/errors';
import { requirePermission } from '$lib/server/people/guard';
import { idOrNotFound } from '$lib/server/platform/route-params';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';

/*
 * One application as its reviewer may see it, and their scores. Anything not
 * assigned to the signed-in person is a plain 404, whatever their role: the
 * page tells nothing of an application they may not review. Admins and editors
 * who are not assigned find every application on the call's pages instead.
 */

const permission = 'applications.review';
const notFound = 'There is no application here for you to review.';

type Staff = NonNullable<App.Locals['staff']>;

async function assigned(db: Kysely<Database>, staff: Staff, segment: string) {
	const application = await applicationForReviewer(db, staff.id, idOrNotFound(segment, notFound));
	if (!application) error(404, notFound);
	return application;
}

type FormValues = Record<string, string>;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const staff = requirePermission(locals, url, permission);
	const { db } = app();
	const application = await assigned(db, staff, params.applicationId);
	const fields = await fieldsForReviewer(db, application.callId, application.blind);
	const criteria = await listCriteria(db, application.callId);
	const own = await scoresOfReviewer(db, staff.id, application.id);
	const values: FormValues = {};
	for (const [criterionId, scored] of own) {
		values[`score-${criterionId}`] = String(scored.score);
		values[`comment-${criterionId}`] = scored.comment ?? '';
	}
	return {
		application: {
			id: application.id,
			callTitle: pick(application.callTitle, 'en').text,
			blind: application.blind,
			// Null in blind review: the reviewer's view never held it.
			name: application.applicantName,
			submittedAt: application.submittedAt
		},
		answers: fields.map((field) => ({
			key: field.key,
			label: pick(field.label, 'en').text,
			text: field.type === 'file' ? '' : answerText(field, application.answers[field.key], [], 'en'),
			files: application.files.filter((file) => file.fieldKey === field.key)
		})),
		criteria: criteria.map((criterion) => ({ id: criterion.id, label: pick(criterion.label, 'en').text, weight: criterion.weight })),
		values,
		scored: own.size
	};
};

export const actions = {
	// Unassigned meanwhile (recordScores refuses): nothing to tell, as for any application that is not theirs.
	save: withDomainErrors(async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, permission);
		const { db } = app();
		const application = await assigned(db, staff, params.applicationId);
		const criteria = await listCriteria(db, application.callId);
		const form = await request.formData();
		const values: FormValues = {};
		const issues: Record<string, string> = {};
		for (const criterion of criteria) {
			const score = String(form.get(`score-${criterion.id}`) ?? '').trim();
			const comment = String(form.get(`comment-${criterion.id}`) ?? '');
			values[`score-${criterion.id}`] = score.slice(0, 5);
			values[`comment-${criterion.id}`] = comment.slice(0, reviewLimits.comment * 2);
			if (!/^[1-5]$/.test(score)) issues[`score-${criterion.id}`] = 'Choose a score from 1 to 5.';
			if (comment.trim().length > reviewLimits.comment) issues[`comment-${criterion.id}`] = `Keep the comment under ${reviewLimits.comment} characters.`;
		}
		if (Object.keys(issues).length > 0) return fail(400, { issues, values });
		try {
			await recordScores(
				app().calls,
				staff,
				application.id,
				criteria.map((criterion) => ({
					criterionId: criterion.id,
					score: Number(values[`score-${criterion.id}`]),
					comment: values[`comment-${criterion.id}`]
				}))
			);
		} catch (e) {
			if (e instanceof ValidationError) return fail(400, { issues: { form: 'The rubric changed while you were scoring. Check the scores below and save again.' }, values });
			throw e;
		}
		return { done: 'saved' as const };
	}, { notFound, forbiddenAsNotFound: true })
} satisfies Actions;
