import type { PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { callPhase } from '$lib/server/calls/call-time';
import { applicationCounts, listCalls } from '$lib/server/calls/calls.service';
import { requirePermission } from '$lib/server/people/guard';
import { permission } from './calls-route';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, permission);
	const { db } = app();
	const [calls, counts] = await Promise.all([listCalls(db, { includeDrafts: true }), applicationCounts(db)]);
	const now = Date.now();
	return {
		calls: calls.map((call) => ({
			id: call.id,
			slug: call.slug,
			title: call.title.en,
			kind: call.kind,
			status: call.status,
			phase: callPhase(call, now),
			// An instant, shown in the staff person's own zone.
			deadline: new Date(call.deadlineAt).toISOString(),
			submitted: counts.get(call.id)?.submitted ?? 0,
			drafts: counts.get(call.id)?.draft ?? 0
		}))
	};
};
