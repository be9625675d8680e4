import type { PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { scoredCriteriaCounts } from '$lib/server/calls/application-admin';
import { isPhotoType } from '$lib/server/calls/application-files';
import { applicationsForReviewer, listCriteria } from '$lib/server/calls/review.service';
import { pick } from '$lib/server/shared/localized-text';
import { requirePermission } from '$lib/server/people/guard';

/**
 * The signed-in person's own reviews: the applications assigned to them, and
 * whether they scored each. Staff who manage calls see every application on
 * the call's pages instead; here they see only what they are assigned.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const staff = requirePermission(locals, url, 'applications.review');
	const { db } = app();
	const applications = await applicationsForReviewer(db, staff.id);
	const scored = await scoredCriteriaCounts(
		db,
		staff.id,
		applications.map((a) => a.id)
	);
	const criteriaCount = new Map<number, number>();
	for (const callId of new Set(applications.map((a) => a.callId))) criteriaCount.set(callId, (await listCriteria(db, callId)).length);
	const calls = [...criteriaCount.keys()].map((callId) => {
		const own = applications.filter((a) => a.callId === callId);
		return {
			id: callId,
			title: pick(own[0]!.callTitle, staff.locale).text,
			blind: own[0]!.blind,
			criteria: criteriaCount.get(callId)!,
			applications: own.map((a) => ({
				id: a.id,
				// Only what the reviewer may see: null in blind review.
				name: a.applicantName,
				submittedAt: a.submittedAt,
				scored: scored.get(a.id) ?? 0,
				// The first photo the reviewer may see (blind review leaves contact files out already), as a thumbnail.
				photoId: a.files.find((file) => isPhotoType(file.mediaType))?.id ?? null
			}))
		};
	});
	return { calls, canManage: staff.role === 'admin' || staff.role === 'editor' };
};
