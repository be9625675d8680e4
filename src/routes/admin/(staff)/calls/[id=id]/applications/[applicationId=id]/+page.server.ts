import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { answerViews, applicationForStaff } from '$lib/server/calls/application-admin';
import { getLocale } from '$lib/paraglide/runtime';
import { listFields } from '$lib/server/calls/calls.service';
import { listCriteria } from '$lib/server/calls/review.service';
import { pick } from '$lib/server/shared/localized-text';
import { requirePermission } from '$lib/server/people/guard';
import { applicationNotFound, callOf, decideAction, shortlistAction } from '../applications-route';

const permission = 'calls.manage';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const staff = requirePermission(locals, url, permission);
	const { db } = app();
	const call = await callOf(db, Number(params.id));
	const application = await applicationForStaff(db, call.id, Number(params.applicationId));
	if (!application) error(404, applicationNotFound());
	const fields = await listFields(db, call.id);
	const criteria = await listCriteria(db, call.id);
	return {
		call: { id: call.id, title: pick(call.title, staff.locale).text, blindReview: call.blindReview },
		application: {
			id: application.id,
			status: application.status,
			name: application.name,
			email: application.email,
			locale: application.locale,
			submittedAt: application.submittedAt,
			withdrawnAt: application.withdrawnAt,
			erased: application.erased,
			shortlisted: application.shortlisted,
			decision: application.decision,
			decidedAt: application.decidedAt,
			summary: { reviewers: application.summary.reviewers, average: application.summary.average, spread: application.summary.spread }
		},
		answers: answerViews(fields, application.answers, application.files, getLocale()),
		criteria: criteria.map((criterion) => ({ id: criterion.id, label: pick(criterion.label, staff.locale).text, weight: criterion.weight })),
		reviews: application.reviews
	};
};

export const actions = {
	shortlist: async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, permission);
		const { db } = app();
		const call = await callOf(db, Number(params.id));
		return shortlistAction(db, staff, call.id, await request.formData(), Number(params.applicationId));
	},
	decide: async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, permission);
		const { db } = app();
		const call = await callOf(db, Number(params.id));
		return decideAction(db, staff, call.id, await request.formData(), Number(params.applicationId));
	}
} satisfies Actions;
