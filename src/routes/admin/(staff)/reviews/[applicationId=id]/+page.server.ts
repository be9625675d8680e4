import { error, fail } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { answerViews, fieldsForReviewer, scoresOfReviewer } from '$lib/server/calls/application-admin';
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { applicationForReviewer, listCriteria, recordScores, reviewLimits } from '$lib/server/calls/review.service';
import { pick } from '$lib/server/shared/localized-text';
import type { Database } from '$lib/server/db/schema';
import { failWith, formField, formSchema } from '$lib/server/platform/forms';
import { requirePermission } from '$lib/server/people/guard';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';

/*
 * One application as its reviewer may see it, and their scores. Anything not
 * assigned to the signed-in person is a plain 404, whatever their role: the
 * page tells nothing of an application they may not review. Admins and editors
 * who are not assigned find every application on the call's pages instead.
 */

const permission = 'applications.review';
/** Read when a request needs it, in that request's language. */
const answers = {
	get notFound() {
		return m.reviews_not_found();
	},
	forbiddenAsNotFound: true
};

type Staff = NonNullable<App.Locals['staff']>;

async function assigned(db: Kysely<Database>, staff: Staff, id: number) {
	const application = await applicationForReviewer(db, staff.id, id);
	if (!application) error(404, answers.notFound);
	return application;
}

type FormValues = Record<string, string>;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const staff = requirePermission(locals, url, permission);
	const { db } = app();
	const application = await assigned(db, staff, Number(params.applicationId));
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
			callTitle: pick(application.callTitle, staff.locale).text,
			blind: application.blind,
			// Null in blind review: the reviewer's view never held it.
			name: application.applicantName,
			submittedAt: application.submittedAt
		},
		answers: answerViews(fields, application.answers, application.files, getLocale()),
		criteria: criteria.map((criterion) => ({ id: criterion.id, label: pick(criterion.label, staff.locale).text, weight: criterion.weight })),
		values,
		scored: own.size
	};
};

/** A score (1 to 5) and a comment per criterion: `score-<id>`, `comment-<id>`. Twice the comment's limit keeps a long one for its message. */
function scoreForm(criterionIds: number[]) {
	return formSchema(
		Object.fromEntries(criterionIds.flatMap((id) => [[`score-${id}`, formField.trimmed(1000)], [`comment-${id}`, formField.text(reviewLimits.comment * 2)]]))
	);
}

export const actions = {
	// Unassigned meanwhile (recordScores refuses): nothing to tell, as for any application that is not theirs.
	save: withDomainErrors(async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, permission);
		const { db } = app();
		const application = await assigned(db, staff, Number(params.applicationId));
		const criteria = await listCriteria(db, application.callId);
		const form = scoreForm(criteria.map((criterion) => criterion.id)).read(await request.formData());
		const values: FormValues = {};
		const issues: Record<string, string> = {};
		for (const criterion of criteria) {
			const score = form[`score-${criterion.id}`]!;
			const comment = form[`comment-${criterion.id}`]!;
			values[`score-${criterion.id}`] = score.slice(0, 5);
			values[`comment-${criterion.id}`] = comment;
			if (!/^[1-5]$/.test(score)) issues[`score-${criterion.id}`] = m.reviews_choose_score();
			if (comment.trim().length > reviewLimits.comment) issues[`comment-${criterion.id}`] = m.reviews_comment_too_long({ max: reviewLimits.comment });
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
			return failWith(e, () => ({ issues: { form: m.reviews_rubric_changed() }, values }));
		}
		return { done: 'saved' as const };
	}, answers)
} satisfies Actions;
