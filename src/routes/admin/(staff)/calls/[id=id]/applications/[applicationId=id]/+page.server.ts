import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { applicationForStaff } from '$lib/server/calls/application-admin';
import { answerText } from '$lib/server/calls/call-export';
import { listFields } from '$lib/server/calls/calls.service';
import { listCriteria } from '$lib/server/calls/review.service';
import { pick } from '$lib/server/shared/localized-text';
import { requirePermission } from '$lib/server/people/guard';
import { applicationNotFound, callOf, decideAction, shortlistAction } from '../applications-route';

const permission = 'calls.manage';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, permission);
	const { db } = app();
	const call = await callOf(db, Number(params.id));
	const application = await applicationForStaff(db, call.id, Number(params.applicationId));
	if (!application) error(404, applicationNotFound);
	const fields = await listFields(db, call.id);
	const criteria = await listCriteria(db, call.id);
	return {
		call: { id: call.id, title: pick(call.title, 'en').text, blindReview: call.blindReview },
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
		answers: fields.map((field) => ({
			key: field.key,
			label: pick(field.label, 'en').text,
			contact: field.contact || field.type === 'email',
			text: field.type === 'file' ? '' : answerText(field, application.answers[field.key], [], 'en'),
			files: application.files.filter((file) => file.fieldKey === field.key)
		})),
		criteria: criteria.map((criterion) => ({ id: criterion.id, label: pick(criterion.label, 'en').text, weight: criterion.weight })),
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
