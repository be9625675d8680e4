import type { Updateable } from 'kysely';
import { z } from 'zod';
import { locales, type Locale, type Localized } from '$lib/i18n/locales';
import { can } from '$lib/people/roles';
import { parseLocalized, stringifyLocalized } from '$lib/server/shared/localized-text';
import type { ApplicationDecision, ApplicationTable, Db } from '$lib/server/db/schema';
import { ForbiddenError, NotFoundError, ValidationError } from '$lib/server/platform/errors';
import type { Actor } from '$lib/server/shared/audit';
import { runCommand } from '$lib/server/shared/command';
import type { Answer, FormValue } from './answer-validation';
import { parseAnswers, type ApplicationFile } from './applications.service';
import { isContactField } from './call-fields';
import { callSubject, listFields } from './calls.service';
import type { CallsContext } from './calls.wiring';

/*
 * Review: reviewers assigned to a call or to single applications, the call's
 * rubric (weighted criteria scored 1 to 5), scores, shortlist and decisions.
 *
 * A reviewer reaches an application only through an assignment; every function
 * that shows or scores one for a reviewer checks it, so a reviewer asking for
 * anything else gets nothing. In blind review they see no name, no address and
 * no answer (or file) of a contact field.
 */


export type ReviewTarget = { callId: number } | { applicationId: number };

export const reviewLimits = { criteria: 20, criterionLabel: 200, weight: 100, comment: 5000 } as const;
export const applicationDecisions = ['accepted', 'waitlisted', 'declined'] as const satisfies readonly ApplicationDecision[];

/** The call a review target belongs to, or undefined when there is no such call or application. */
async function callOfTarget(db: Db, target: ReviewTarget): Promise<number | undefined> {
	const row =
		'callId' in target
			? await db.selectFrom('open_call').select('id as callId').where('id', '=', target.callId).executeTakeFirst()
			: await db.selectFrom('application').select('call_id as callId').where('id', '=', target.applicationId).executeTakeFirst();
	return row?.callId;
}

/** What the audit log says of an assignment: to the call as a whole (`applicationId` null) or to one application. */
const assignmentDetail = (target: ReviewTarget, userId: string) => ({ userId, applicationId: 'applicationId' in target ? target.applicationId : null });

/** Assigns a staff member who may review (see roles.ts). Assigning twice changes nothing. */
export async function assignReviewer(calls: CallsContext, actor: Actor, target: ReviewTarget, userId: string): Promise<void> {
	await runCommand(calls, actor, async ({ trx, now, audit }) => {
		const user = await trx.selectFrom('user').select(['id', 'role', 'disabledAt']).where('id', '=', userId).executeTakeFirst();
		if (!user || user.disabledAt || !can(user.role, 'applications.review')) throw new ValidationError({ userId: 'reviewer_unknown' });
		const callId = await callOfTarget(trx, target);
		if (callId === undefined) throw new NotFoundError('callId' in target ? `call ${target.callId}` : `application ${target.applicationId}`);
		const columns = 'callId' in target ? (['call_id', 'user_id'] as const) : (['application_id', 'user_id'] as const);
		await trx
			.insertInto('call_reviewer')
			.values({
				call_id: 'callId' in target ? target.callId : null,
				application_id: 'applicationId' in target ? target.applicationId : null,
				user_id: userId,
				created_at: now.toISOString()
			})
			.onConflict((oc) => oc.columns([...columns]).doNothing())
			.execute();
		await audit({ action: 'call.reviewer-assigned', subject: callSubject(callId), detail: assignmentDetail(target, userId) });
	});
}

/** Ends an assignment; the reviewer's scores stay. */
export async function unassignReviewer(calls: CallsContext, actor: Actor, target: ReviewTarget, userId: string): Promise<void> {
	await runCommand(calls, actor, async ({ trx, audit }) => {
		const callId = await callOfTarget(trx, target);
		if (callId === undefined) throw new NotFoundError('callId' in target ? `call ${target.callId}` : `application ${target.applicationId}`);
		let query = trx.deleteFrom('call_reviewer').where('user_id', '=', userId);
		query = 'callId' in target ? query.where('call_id', '=', target.callId) : query.where('application_id', '=', target.applicationId);
		await query.execute();
		await audit({ action: 'call.reviewer-unassigned', subject: callSubject(callId), detail: assignmentDetail(target, userId) });
	});
}

/** Who is assigned to the call as a whole, and to which of its applications singly. */
export async function reviewersOfCall(db: Db, callId: number): Promise<{ userId: string; applicationId: number | null }[]> {
	const rows = await db
		.selectFrom('call_reviewer')
		.select(['user_id', 'application_id'])
		.where((eb) =>
			eb.or([
				eb('call_id', '=', callId),
				eb('application_id', 'in', eb.selectFrom('application').select('id').where('call_id', '=', callId))
			])
		)
		.orderBy('user_id')
		.orderBy('application_id')
		.execute();
	return rows.map((row) => ({ userId: row.user_id, applicationId: row.application_id }));
}

/**
 * Submitted applications the reviewer is assigned to (through the call or
 * singly). Drafts, withdrawn and erased applications are never reviewed.
 */
function assignedApplications(db: Db, userId: string) {
	return db
		.selectFrom('application')
		.innerJoin('open_call', 'open_call.id', 'application.call_id')
		.where('application.status', '=', 'submitted')
		.where('application.personal_data_erased_at', 'is', null)
		.where((eb) =>
			eb.exists(
				eb
					.selectFrom('call_reviewer')
					.select('call_reviewer.id')
					.where('call_reviewer.user_id', '=', userId)
					.where((inner) =>
						inner.or([
							inner('call_reviewer.call_id', '=', inner.ref('application.call_id')),
							inner('call_reviewer.application_id', '=', inner.ref('application.id'))
						])
					)
			)
		);
}

/** An application as a reviewer sees it. Name and e-mail are null in blind review. */
export interface ReviewerApplication {
	id: number;
	callId: number;
	callTitle: Localized;
	blind: boolean;
	applicantName: string | null;
	applicantEmail: string | null;
	locale: Locale;
	submittedAt: string;
	answers: Record<string, Answer | FormValue>;
	files: ApplicationFile[];
}

async function toReviewerView(
	db: Db,
	rows: {
		id: number;
		call_id: number;
		title: string;
		blind_review: number;
		applicant_name: string | null;
		applicant_email: string | null;
		locale: string;
		submitted_at: string | null;
		answers: string;
	}[]
): Promise<ReviewerApplication[]> {
	const hiddenByCall = new Map<number, Set<string>>();
	for (const callId of new Set(rows.filter((row) => row.blind_review === 1).map((row) => row.call_id))) {
		const fields = await listFields(db, callId);
		hiddenByCall.set(callId, new Set(fields.filter(isContactField).map((field) => field.key)));
	}
	const files =
		rows.length === 0
			? []
			: await db
					.selectFrom('application_file')
					.select(['id', 'application_id', 'field_key', 'original_name', 'media_type', 'bytes'])
					.where(
						'application_id',
						'in',
						rows.map((row) => row.id)
					)
					.orderBy('id')
					.execute();
	return rows.map((row) => {
		const hidden = hiddenByCall.get(row.call_id);
		const answers = parseAnswers(row.answers);
		if (hidden) for (const key of hidden) delete answers[key];
		return {
			id: row.id,
			callId: row.call_id,
			callTitle: parseLocalized(row.title),
			blind: hidden !== undefined,
			applicantName: hidden ? null : row.applicant_name,
			applicantEmail: hidden ? null : row.applicant_email,
			locale: (locales as readonly string[]).includes(row.locale) ? (row.locale as Locale) : 'en',
			submittedAt: row.submitted_at ?? '',
			answers,
			files: files
				.filter((file) => file.application_id === row.id && !hidden?.has(file.field_key))
				.map((file, index, own) => ({
					id: file.id,
					fieldKey: file.field_key,
					// An applicant's own file name often holds their name ("CV Ana Shrestha.pdf"): blind review shows a neutral one.
					originalName: hidden ? blindFileName(file.field_key, own.slice(0, index + 1).filter((f) => f.field_key === file.field_key).length, file.media_type) : file.original_name,
					mediaType: file.media_type,
					bytes: file.bytes
				}))
		};
	});
}

const blindExtensions: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** The name a blind reviewer sees for the `position`th file of a field: `portfolio-2.pdf`. */
export function blindFileName(fieldKey: string, position: number, mediaType: string): string {
	return `${fieldKey}-${position}.${blindExtensions[mediaType] ?? 'bin'}`;
}

const reviewerColumns = [
	'application.id',
	'application.call_id',
	'open_call.title',
	'open_call.blind_review',
	'application.applicant_name',
	'application.applicant_email',
	'application.locale',
	'application.submitted_at',
	'application.answers'
] as const;

/** What a reviewer may see: only what is assigned to them, oldest submission first. */
export async function applicationsForReviewer(db: Db, userId: string, { callId }: { callId?: number } = {}): Promise<ReviewerApplication[]> {
	let query = assignedApplications(db, userId).select([...reviewerColumns]);
	if (callId !== undefined) query = query.where('application.call_id', '=', callId);
	const rows = await query.orderBy('application.submitted_at').orderBy('application.id').execute();
	return toReviewerView(db, rows);
}

/** One application for a reviewer; undefined when it is not assigned to them (or not there at all). */
export async function applicationForReviewer(db: Db, userId: string, applicationId: number): Promise<ReviewerApplication | undefined> {
	const rows = await assignedApplications(db, userId)
		.select([...reviewerColumns])
		.where('application.id', '=', applicationId)
		.execute();
	return (await toReviewerView(db, rows))[0];
}

export async function isAssignedTo(db: Db, userId: string, applicationId: number): Promise<boolean> {
	const row = await assignedApplications(db, userId).select('application.id').where('application.id', '=', applicationId).executeTakeFirst();
	return row !== undefined;
}

export interface ReviewCriterion {
	id: number;
	callId: number;
	label: Localized;
	weight: number;
	position: number;
}

export async function listCriteria(db: Db, callId: number): Promise<ReviewCriterion[]> {
	const rows = await db.selectFrom('review_criterion').selectAll().where('call_id', '=', callId).orderBy('position').orderBy('id').execute();
	return rows.map((row) => ({ id: row.id, callId: row.call_id, label: parseLocalized(row.label), weight: row.weight, position: row.position }));
}

const criterionSchema = z.object({
	/** An existing criterion to keep (and change); absent for a new one. */
	id: z.number().int().positive().optional(),
	label: z.object(
		Object.fromEntries(locales.map((l) => [l, z.string().trim().max(reviewLimits.criterionLabel, 'too_long').optional()])) as Record<
			Locale,
			z.ZodOptional<z.ZodString>
		>
	),
	weight: z.coerce.number('weight_invalid').int('weight_invalid').min(1, 'weight_invalid').max(reviewLimits.weight, 'weight_invalid')
});

export type CriterionInput = z.input<typeof criterionSchema>;

/**
 * Sets a call's rubric to `criteria`, in that order: existing ones (by id) are
 * changed, new ones added, missing ones removed with their scores. Errors use
 * keys like `criteria.1.label.en`.
 */
export async function saveCriteria(calls: CallsContext, actor: Actor, callId: number, criteria: readonly CriterionInput[]): Promise<void> {
	const parsed = z.array(criterionSchema).max(reviewLimits.criteria, 'too_many_criteria').safeParse(criteria);
	const issues: Record<string, string> = {};
	if (!parsed.success) {
		for (const issue of parsed.error.issues) issues[['criteria', ...issue.path].join('.')] ??= issue.message;
		throw new ValidationError(issues);
	}
	parsed.data.forEach((criterion, index) => {
		if (!criterion.label.en) issues[`criteria.${index}.label.en`] = 'required';
	});
	if (Object.keys(issues).length > 0) throw new ValidationError(issues);
	await runCommand(calls, actor, async ({ trx, audit }) => {
		if (!(await trx.selectFrom('open_call').select('id').where('id', '=', callId).executeTakeFirst())) throw new NotFoundError(`call ${callId}`);
		const existing = new Set((await listCriteria(trx, callId)).map((criterion) => criterion.id));
		const kept = new Set<number>();
		for (const [position, criterion] of parsed.data.entries()) {
			const values = { label: stringifyLocalized({ en: '', ...criterion.label }), weight: criterion.weight, position };
			if (criterion.id !== undefined) {
				if (!existing.has(criterion.id)) throw new ValidationError({ [`criteria.${position}`]: 'criterion_unknown' });
				await trx.updateTable('review_criterion').set(values).where('id', '=', criterion.id).execute();
				kept.add(criterion.id);
			} else {
				await trx.insertInto('review_criterion').values({ ...values, call_id: callId }).execute();
			}
		}
		const removed = [...existing].filter((id) => !kept.has(id));
		if (removed.length > 0) {
			await trx.deleteFrom('review_score').where('criterion_id', 'in', removed).execute();
			await trx.deleteFrom('review_criterion').where('id', 'in', removed).execute();
		}
		// The labels and weights as staff typed them.
		await audit({
			action: 'call.rubric-saved',
			subject: callSubject(callId),
			detail: { criteria: criteria.map((criterion) => ({ label: criterion.label.en, weight: criterion.weight })) }
		});
	});
}

const scoresSchema = z.array(
	z.object({
		criterionId: z.number().int().positive(),
		score: z.coerce.number('score_invalid').int('score_invalid').min(1, 'score_invalid').max(5, 'score_invalid'),
		comment: z
			.string()
			.trim()
			.max(reviewLimits.comment, 'too_long')
			.optional()
			.transform((value) => value || null)
	})
);

export type ScoreInput = z.input<typeof scoresSchema>[number];

/**
 * Records a reviewer's scores (and comments) for an application; scoring a
 * criterion again replaces the earlier score. Throws ForbiddenError when the
 * application is not assigned to the reviewer, ValidationError for a score
 * outside 1–5 or a criterion of another call.
 */
export async function recordScores(calls: CallsContext, reviewer: Actor, applicationId: number, scores: readonly ScoreInput[]): Promise<void> {
	const parsed = scoresSchema.safeParse(scores);
	if (!parsed.success) {
		const issues: Record<string, string> = {};
		for (const issue of parsed.error.issues) issues[['scores', ...issue.path].join('.')] ??= issue.message;
		throw new ValidationError(issues);
	}
	await runCommand(calls, reviewer, async ({ trx, now, audit }) => {
		const at = now.toISOString();
		const application = await assignedApplications(trx, reviewer.id)
			.select(['application.id', 'application.call_id'])
			.where('application.id', '=', applicationId)
			.executeTakeFirst();
		if (!application) throw new ForbiddenError('This application is not assigned to you');
		const criteria = new Set((await listCriteria(trx, application.call_id)).map((criterion) => criterion.id));
		for (const [index, score] of parsed.data.entries()) {
			if (!criteria.has(score.criterionId)) throw new ValidationError({ [`scores.${index}.criterionId`]: 'criterion_unknown' });
			await trx
				.insertInto('review_score')
				.values({
					application_id: applicationId,
					reviewer_id: reviewer.id,
					criterion_id: score.criterionId,
					score: score.score,
					comment: score.comment,
					created_at: at,
					updated_at: at
				})
				.onConflict((oc) =>
					oc.columns(['application_id', 'reviewer_id', 'criterion_id']).doUpdateSet({ score: score.score, comment: score.comment, updated_at: at })
				)
				.execute();
		}
		await audit({ action: 'call.application-scored', subject: `application:${applicationId}`, detail: { callId: application.call_id } });
	});
}

export interface ScoreSummary {
	/** Reviewers who scored at least one criterion. */
	reviewers: number;
	/** Mean of the reviewers' weighted averages (1–5); null with no scores. */
	average: number | null;
	/** Population standard deviation of the reviewers' weighted averages: how far they disagree. */
	spread: number | null;
	/** Mean score per criterion id, over the reviewers who scored it. */
	byCriterion: Record<number, number>;
}

/**
 * Each reviewer's weighted average over the criteria they scored
 * (Σ weight·score / Σ weight), then the mean and spread of those across
 * reviewers, so every reviewer counts once however many criteria they scored.
 */
export function summarizeScores(
	criteria: readonly Pick<ReviewCriterion, 'id' | 'weight'>[],
	scores: readonly { reviewerId: string; criterionId: number; score: number }[]
): ScoreSummary {
	const weights = new Map(criteria.map((criterion) => [criterion.id, criterion.weight]));
	const byReviewer = new Map<string, { weighted: number; weight: number }>();
	const byCriterion = new Map<number, number[]>();
	for (const score of scores) {
		const weight = weights.get(score.criterionId);
		if (weight === undefined) continue;
		const sum = byReviewer.get(score.reviewerId) ?? { weighted: 0, weight: 0 };
		sum.weighted += weight * score.score;
		sum.weight += weight;
		byReviewer.set(score.reviewerId, sum);
		byCriterion.set(score.criterionId, [...(byCriterion.get(score.criterionId) ?? []), score.score]);
	}
	const totals = [...byReviewer.values()].map((sum) => sum.weighted / sum.weight);
	const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
	const average = totals.length > 0 ? mean(totals) : null;
	const spread = average === null ? null : Math.sqrt(mean(totals.map((total) => (total - average) ** 2)));
	return {
		reviewers: totals.length,
		average,
		spread,
		byCriterion: Object.fromEntries([...byCriterion].map(([id, values]) => [id, mean(values)]))
	};
}

/** Score summaries of a call's submitted applications, by application id, for staff. */
export async function callScoreSummaries(db: Db, callId: number): Promise<Map<number, ScoreSummary>> {
	const criteria = await listCriteria(db, callId);
	const applications = await db
		.selectFrom('application')
		.select('id')
		.where('call_id', '=', callId)
		.where('status', '=', 'submitted')
		.execute();
	const scores = await db
		.selectFrom('review_score')
		.innerJoin('application', 'application.id', 'review_score.application_id')
		.select(['review_score.application_id', 'review_score.reviewer_id', 'review_score.criterion_id', 'review_score.score'])
		.where('application.call_id', '=', callId)
		.execute();
	const summaries = new Map<number, ScoreSummary>();
	for (const application of applications) {
		const own = scores
			.filter((score) => score.application_id === application.id)
			.map((score) => ({ reviewerId: score.reviewer_id, criterionId: score.criterion_id, score: score.score }));
		summaries.set(application.id, summarizeScores(criteria, own));
	}
	return summaries;
}

/**
 * Changes a submitted application (only a submitted one: the update says so
 * itself, so a withdrawal at the same moment wins) and answers what it was
 * before. ValidationError under `field` when it is not submitted (any more).
 */
async function changeSubmitted(db: Db, applicationId: number, field: string, values: Updateable<ApplicationTable>) {
	const before = await db.selectFrom('application').select(['call_id', 'decision']).where('id', '=', applicationId).executeTakeFirst();
	const result = await db.updateTable('application').set(values).where('id', '=', applicationId).where('status', '=', 'submitted').executeTakeFirst();
	if (!before || Number(result.numUpdatedRows) === 0) throw new ValidationError({ [field]: 'not_submitted' });
	return before;
}

/** A decision (or none, to undo one) on a submitted application. */
export async function decideApplication(calls: CallsContext, actor: Actor, applicationId: number, decision: ApplicationDecision | null): Promise<void> {
	if (decision !== null && !(applicationDecisions as readonly string[]).includes(decision)) {
		throw new ValidationError({ decision: 'decision_invalid' });
	}
	await runCommand(calls, actor, async ({ trx, now, audit }) => {
		const at = now.toISOString();
		const before = await changeSubmitted(trx, applicationId, 'decision', { decision, decided_at: decision ? at : null, updated_at: at });
		await audit({
			action: 'call.application-decided',
			subject: `application:${applicationId}`,
			detail: { callId: before.call_id, decision, before: before.decision }
		});
	});
}

export async function setShortlisted(calls: CallsContext, actor: Actor, applicationId: number, shortlisted: boolean): Promise<void> {
	await runCommand(calls, actor, async ({ trx, now, audit }) => {
		const application = await changeSubmitted(trx, applicationId, 'shortlisted', { shortlisted: shortlisted ? 1 : 0, updated_at: now.toISOString() });
		await audit({
			action: shortlisted ? 'call.application-shortlisted' : 'call.application-unshortlisted',
			subject: `application:${applicationId}`,
			detail: { callId: application.call_id }
		});
	});
}

/** Staff who may be assigned as reviewers (see roles.ts): not disabled, by name. Ids, names and roles only. */
export async function reviewerCandidates(db: Db): Promise<{ id: string; name: string; role: string }[]> {
	const rows = await db.selectFrom('user').select(['id', 'name', 'role']).where('disabledAt', 'is', null).orderBy('name').orderBy('id').execute();
	return rows.filter((row) => can(row.role, 'applications.review'));
}

/** A call's submitted applications, oldest first, for assigning them to reviewers singly. */
export async function submittedApplicationsOf(db: Db, callId: number): Promise<{ id: number; name: string | null; submittedAt: string | null }[]> {
	const rows = await db
		.selectFrom('application')
		.select(['id', 'applicant_name', 'submitted_at'])
		.where('call_id', '=', callId)
		.where('status', '=', 'submitted')
		.orderBy('submitted_at')
		.orderBy('id')
		.execute();
	return rows.map((row) => ({ id: row.id, name: row.applicant_name, submittedAt: row.submitted_at }));
}
