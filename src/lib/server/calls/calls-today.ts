import type { Locale } from '$lib/i18n/locales';
import type { Db } from '$lib/server/db/schema';
import { pick, pickJson } from '$lib/server/shared/localized-text';
import { scoredCriteriaCounts } from './application-admin';
import { applicationsForReviewer, listCriteria } from './review.service';

/* What the calls domain puts on a staff member's dashboard (see the admin's dashboard route). */

export interface ReviewToDo {
	applicationId: number;
	callId: number;
	call: string;
	/** The call's deadline for applications. */
	deadlineAt: string;
	submittedAt: string | null;
	scored: number;
	criteria: number;
}

/** Assigned applications this person has not scored on every criterion, those of the call closing first on top. */
export async function reviewsToDo(db: Db, viewer: { id: string; locale: Locale }): Promise<ReviewToDo[]> {
	const assigned = await applicationsForReviewer(db, viewer.id);
	if (assigned.length === 0) return [];
	const scored = await scoredCriteriaCounts(
		db,
		viewer.id,
		assigned.map((a) => a.id)
	);
	const criteria = new Map<number, number>();
	for (const callId of new Set(assigned.map((a) => a.callId))) criteria.set(callId, (await listCriteria(db, callId)).length);
	const deadlines = new Map(
		(
			await db
				.selectFrom('open_call')
				.select(['id', 'deadline_at'])
				.where('id', 'in', [...criteria.keys()])
				.execute()
		).map((row) => [row.id, row.deadline_at])
	);
	return assigned
		.map((a) => ({
			applicationId: a.id,
			callId: a.callId,
			call: pick(a.callTitle, viewer.locale).text,
			deadlineAt: deadlines.get(a.callId)!,
			submittedAt: a.submittedAt,
			scored: scored.get(a.id) ?? 0,
			criteria: criteria.get(a.callId) ?? 0
		}))
		.filter((todo) => todo.criteria === 0 || todo.scored < todo.criteria)
		.sort((a, b) => a.deadlineAt.localeCompare(b.deadlineAt) || a.applicationId - b.applicationId);
}

/** Applications submitted after `since`, counted per call. */
export async function applicationsSince(db: Db, since: string, locale: Locale) {
	const rows = await db
		.selectFrom('application')
		.innerJoin('open_call', 'open_call.id', 'application.call_id')
		.select(['open_call.id as callId', 'open_call.title', (eb) => eb.fn.countAll<number | string>().as('count')])
		.where('application.status', '=', 'submitted')
		.where('application.submitted_at', '>', since)
		.groupBy(['open_call.id', 'open_call.title'])
		.orderBy('open_call.id')
		.execute();
	return rows.map((row) => ({ callId: row.callId, call: pickJson(row.title, locale).text, count: Number(row.count) }));
}

/** Open calls whose deadline falls within the coming week, with how many applications they have. */
export async function callsClosing(db: Db, from: string, until: string, locale: Locale) {
	const rows = await db
		.selectFrom('open_call')
		.select([
			'id',
			'title',
			'deadline_at',
			'time_zone',
			(eb) =>
				eb
					.selectFrom('application')
					.select(eb.fn.countAll<number | string>().as('n'))
					.whereRef('application.call_id', '=', 'open_call.id')
					.where('application.status', '=', 'submitted')
					.as('submitted')
		])
		.where('status', '=', 'open')
		.where('deadline_at', '>', from)
		.where('deadline_at', '<=', until)
		.orderBy('deadline_at')
		.execute();
	return rows.map((row) => ({
		id: row.id,
		title: pickJson(row.title, locale).text,
		deadlineAt: row.deadline_at,
		timeZone: row.time_zone,
		submitted: Number(row.submitted ?? 0)
	}));
}
