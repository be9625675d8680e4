import { collator } from '$lib/i18n/intl';
import { isLocale, type Locale } from '$lib/i18n/locales';
import { can } from '$lib/people/roles';
import type { ApplicationDecision, ApplicationStatus, Db } from '$lib/server/db/schema';
import { recordAudit, type Actor } from '$lib/server/shared/audit';
import type { Answer, FormValue } from './answer-validation';
import { parseAnswers, type ApplicationFile } from './applications.service';
import { decisionMailKey } from './application-mail';
import { isPhotoType, photoTypes, type PhotoDerivative } from './application-files';
import { isContactField, type CallField } from './call-fields';
import { answerText } from './call-export';
import { countryName, isCountryCode } from '$lib/server/shared/countries';
import { pick } from '$lib/server/shared/localized-text';
import { listFields } from './calls.service';
import type { CallsContext } from './calls.wiring';
import { applicationForReviewer, callScoreSummaries, listCriteria, summarizeScores, type ScoreSummary } from './review.service';

/*
 * What the staff admin shows of a call's applications: the list with review
 * summaries (sorted and filtered here, since averages are computed from the
 * scores, not stored), one application with every reviewer's scores, what a
 * reviewer scored so far, the decision e-mails still to send, and who may
 * download an applicant's file (each download goes in the audit log).
 */

export const applicationSorts = ['submitted', 'average', 'spread', 'name'] as const;
export type ApplicationSort = (typeof applicationSorts)[number];

export interface ApplicationListFilters {
	/** A decision, or 'none' for applications without one. */
	decision?: ApplicationDecision | 'none';
	shortlisted?: boolean;
	/** True: scored by at least one reviewer; false: by none. */
	reviewed?: boolean;
	sort?: ApplicationSort;
	direction?: 'asc' | 'desc';
}

export interface ApplicationListRow {
	id: number;
	name: string | null;
	email: string | null;
	locale: Locale;
	submittedAt: string;
	reviewers: number;
	average: number | null;
	spread: number | null;
	shortlisted: boolean;
	decision: ApplicationDecision | null;
	/** The application's first photo (for a thumbnail), or null when it sent none. */
	photoId: number | null;
}

export interface ApplicationList {
	rows: ApplicationListRow[];
	/** Of the whole call, whatever the filters. */
	counts: { submitted: number; drafts: number; withdrawn: number };
}

/**
 * A call's submitted applications for staff, with their review summary. Sorting
 * by average or spread puts applications without scores last either way; ties
 * fall back to the submission order.
 */
export async function listCallApplications(db: Db, callId: number, filters: ApplicationListFilters = {}): Promise<ApplicationList> {
	const statuses = await db
		.selectFrom('application')
		.select(['status', (eb) => eb.fn.countAll<number | string>().as('count')])
		.where('call_id', '=', callId)
		.groupBy('status')
		.execute();
	const countOf = (status: ApplicationStatus) => Number(statuses.find((row) => row.status === status)?.count ?? 0);
	const summaries = await callScoreSummaries(db, callId);
	const applications = await db
		.selectFrom('application')
		.select(['id', 'applicant_name', 'applicant_email', 'locale', 'submitted_at', 'shortlisted', 'decision'])
		.where('call_id', '=', callId)
		.where('status', '=', 'submitted')
		.orderBy('submitted_at')
		.orderBy('id')
		.execute();
	const photos = await db
		.selectFrom('application_file')
		.innerJoin('application', 'application.id', 'application_file.application_id')
		.select(['application_file.application_id', (eb) => eb.fn.min('application_file.id').as('photo_id')])
		.where('application.call_id', '=', callId)
		.where('application_file.media_type', 'in', photoTypes)
		.groupBy('application_file.application_id')
		.execute();
	const photoOf = new Map(photos.map((row) => [row.application_id, Number(row.photo_id)]));
	let rows: ApplicationListRow[] = applications.map((row) => {
		const summary = summaries.get(row.id);
		return {
			id: row.id,
			name: row.applicant_name,
			email: row.applicant_email,
			locale: isLocale(row.locale) ? row.locale : 'en',
			submittedAt: row.submitted_at ?? '',
			reviewers: summary?.reviewers ?? 0,
			average: summary?.average ?? null,
			spread: summary?.spread ?? null,
			shortlisted: row.shortlisted === 1,
			decision: row.decision,
			photoId: photoOf.get(row.id) ?? null
		};
	});
	if (filters.decision === 'none') rows = rows.filter((row) => row.decision === null);
	else if (filters.decision) rows = rows.filter((row) => row.decision === filters.decision);
	if (filters.shortlisted !== undefined) rows = rows.filter((row) => row.shortlisted === filters.shortlisted);
	if (filters.reviewed !== undefined) rows = rows.filter((row) => row.reviewers > 0 === filters.reviewed);

	const sort = filters.sort ?? 'submitted';
	const sign = (filters.direction ?? (sort === 'average' ? 'desc' : 'asc')) === 'desc' ? -1 : 1;
	const order = new Map(rows.map((row, index) => [row.id, index]));
	const byName = collator('en', { sensitivity: 'base' });
	const byNumber = (a: number | null, b: number | null) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : sign * (a - b));
	rows.sort((a, b) => {
		const result =
			sort === 'average'
				? byNumber(a.average, b.average)
				: sort === 'spread'
					? byNumber(a.spread, b.spread)
					: sort === 'name'
						? sign * byName.compare(a.name ?? '', b.name ?? '')
						: sign * a.submittedAt.localeCompare(b.submittedAt);
		return result || order.get(a.id)! - order.get(b.id)!;
	});
	return { rows, counts: { submitted: countOf('submitted'), drafts: countOf('draft'), withdrawn: countOf('withdrawn') } };
}

/**
 * Scores outlive the account of the reviewer who gave them. The demo content's
 * scores come from sample reviewers who never had an account.
 */
export function reviewerWithoutAccount(reviewerId: string): string {
	const demo = /^demo-reviewer-([a-z])$/.exec(reviewerId);
	return demo ? `Sample reviewer ${demo[1]!.toUpperCase()} (demo content)` : 'A reviewer whose account was removed';
}

export interface StaffReview {
	reviewerId: string;
	/** The reviewer's name and address, or their id when the account is gone (demo reviewers). */
	reviewerName: string;
	reviewerEmail: string | null;
	/** This reviewer's weighted average. */
	average: number | null;
	scores: { criterionId: number; score: number; comment: string | null }[];
}

export interface StaffApplication {
	id: number;
	callId: number;
	status: ApplicationStatus;
	name: string | null;
	email: string | null;
	locale: Locale;
	submittedAt: string | null;
	withdrawnAt: string | null;
	erased: boolean;
	answers: Record<string, Answer | FormValue>;
	files: ApplicationFile[];
	shortlisted: boolean;
	decision: ApplicationDecision | null;
	decidedAt: string | null;
	reviews: StaffReview[];
	summary: ScoreSummary;
}

/** One application of a call as staff see it (drafts are not applications yet: undefined). */
export async function applicationForStaff(db: Db, callId: number, applicationId: number): Promise<StaffApplication | undefined> {
	const row = await db
		.selectFrom('application')
		.selectAll()
		.where('id', '=', applicationId)
		.where('call_id', '=', callId)
		.where('status', '!=', 'draft')
		.executeTakeFirst();
	if (!row) return undefined;
	const files = await db
		.selectFrom('application_file')
		.select(['id', 'field_key', 'original_name', 'media_type', 'bytes'])
		.where('application_id', '=', applicationId)
		.orderBy('id')
		.execute();
	const criteria = await listCriteria(db, callId);
	const scores = await db
		.selectFrom('review_score')
		.leftJoin('user', 'user.id', 'review_score.reviewer_id')
		.select(['review_score.reviewer_id', 'review_score.criterion_id', 'review_score.score', 'review_score.comment', 'user.name', 'user.email'])
		.where('review_score.application_id', '=', applicationId)
		.orderBy('review_score.reviewer_id')
		.execute();
	const position = new Map(criteria.map((criterion, index) => [criterion.id, index]));
	const reviews: StaffReview[] = [];
	for (const reviewerId of [...new Set(scores.map((score) => score.reviewer_id))]) {
		const own = scores.filter((score) => score.reviewer_id === reviewerId);
		const first = own[0]!;
		reviews.push({
			reviewerId,
			reviewerName: first.name ?? reviewerWithoutAccount(reviewerId),
			reviewerEmail: first.email ?? null,
			average: summarizeScores(criteria, own.map((score) => ({ reviewerId, criterionId: score.criterion_id, score: score.score }))).average,
			scores: own
				.map((score) => ({ criterionId: score.criterion_id, score: score.score, comment: score.comment }))
				.sort((a, b) => (position.get(a.criterionId) ?? 0) - (position.get(b.criterionId) ?? 0))
		});
	}
	return {
		id: row.id,
		callId: row.call_id,
		status: row.status,
		name: row.applicant_name,
		email: row.applicant_email,
		locale: isLocale(row.locale) ? row.locale : 'en',
		submittedAt: row.submitted_at,
		withdrawnAt: row.withdrawn_at,
		erased: row.personal_data_erased_at !== null,
		answers: parseAnswers(row.answers),
		files: files.map((file) => ({ id: file.id, fieldKey: file.field_key, originalName: file.original_name, mediaType: file.media_type, bytes: file.bytes })),
		shortlisted: row.shortlisted === 1,
		decision: row.decision,
		decidedAt: row.decided_at,
		reviews,
		summary: summarizeScores(
			criteria,
			scores.map((score) => ({ reviewerId: score.reviewer_id, criterionId: score.criterion_id, score: score.score }))
		)
	};
}

/** What one reviewer has scored of one application so far, by criterion id. */
export async function scoresOfReviewer(db: Db, reviewerId: string, applicationId: number): Promise<Map<number, { score: number; comment: string | null }>> {
	const rows = await db
		.selectFrom('review_score')
		.select(['criterion_id', 'score', 'comment'])
		.where('reviewer_id', '=', reviewerId)
		.where('application_id', '=', applicationId)
		.execute();
	return new Map(rows.map((row) => [row.criterion_id, { score: row.score, comment: row.comment }]));
}

/** How many criteria the reviewer scored, per application id (absent: none). */
export async function scoredCriteriaCounts(db: Db, reviewerId: string, applicationIds: readonly number[]): Promise<Map<number, number>> {
	if (applicationIds.length === 0) return new Map();
	const rows = await db
		.selectFrom('review_score')
		.select(['application_id', (eb) => eb.fn.countAll<number | string>().as('count')])
		.where('reviewer_id', '=', reviewerId)
		.where('application_id', 'in', applicationIds)
		.groupBy('application_id')
		.execute();
	return new Map(rows.map((row) => [row.application_id, Number(row.count)]));
}

export interface DecisionMailPlan {
	/** Applications whose decision e-mail has not been queued yet, by decision. */
	toSend: Record<ApplicationDecision, number>;
	/** Applications whose current decision was told already. */
	alreadySent: number;
	/** Every submitted application with a decision: what `queueDecisionMails` is given. */
	applicationIds: number[];
}

/** What sending the decision e-mails would do now: how many of each would go, how many went before. */
export async function decisionMailPlan(db: Db, callId: number): Promise<DecisionMailPlan> {
	const decided = await db
		.selectFrom('application')
		.select(['id', 'decision'])
		.where('call_id', '=', callId)
		.where('status', '=', 'submitted')
		.where('decision', 'is not', null)
		.where('applicant_email', 'is not', null)
		.orderBy('id')
		.execute();
	const keys = decided.map((row) => decisionMailKey(row.id, row.decision!));
	const sent = new Set<string>();
	// In slices, to stay well under either engine's limit of bound parameters.
	for (let start = 0; start < keys.length; start += 500) {
		const rows = await db
			.selectFrom('mail_message')
			.select('idempotency_key')
			.where('idempotency_key', 'in', keys.slice(start, start + 500))
			.execute();
		for (const row of rows) sent.add(row.idempotency_key);
	}
	const plan: DecisionMailPlan = { toSend: { accepted: 0, waitlisted: 0, declined: 0 }, alreadySent: 0, applicationIds: [] };
	for (const row of decided) {
		plan.applicationIds.push(row.id);
		if (sent.has(decisionMailKey(row.id, row.decision!))) plan.alreadySent++;
		else plan.toSend[row.decision!]++;
	}
	return plan;
}

export interface AuthorizedFile {
	id: number;
	applicationId: number;
	callId: number;
	storageKey: string;
	originalName: string;
	mediaType: string;
	bytes: number;
}

/**
 * An application file, when `staff` may download it: anyone who manages calls,
 * or a reviewer assigned to its (submitted) application, and then in blind
 * review never a contact field's file. Undefined otherwise, the same as for a
 * file that does not exist, so a refusal tells nothing.
 */
export async function authorizedApplicationFile(db: Db, staff: { id: string; role: string }, fileId: number): Promise<AuthorizedFile | undefined> {
	const row = await db
		.selectFrom('application_file')
		.innerJoin('application', 'application.id', 'application_file.application_id')
		.select([
			'application_file.id',
			'application_file.application_id',
			'application_file.field_key',
			'application_file.storage_key',
			'application_file.original_name',
			'application_file.media_type',
			'application_file.bytes',
			'application.call_id',
			'application.status'
		])
		.where('application_file.id', '=', fileId)
		.executeTakeFirst();
	if (!row) return undefined;
	const file: AuthorizedFile = {
		id: row.id,
		applicationId: row.application_id,
		callId: row.call_id,
		storageKey: row.storage_key,
		originalName: row.original_name,
		mediaType: row.media_type,
		bytes: row.bytes
	};
	if (can(staff.role, 'calls.manage')) return row.status === 'draft' ? undefined : file;
	if (!can(staff.role, 'applications.review')) return undefined;
	// The reviewer's own view already leaves out what blind review hides, and names files as they see them.
	const visible = (await applicationForReviewer(db, staff.id, row.application_id))?.files.find((f) => f.id === fileId);
	return visible ? { ...file, originalName: visible.originalName } : undefined;
}

/**
 * The bytes of an application file `staff` may download (see
 * `authorizedApplicationFile`), with the audit entry that says who took it.
 * Undefined for a file they may not have, or that is not on disk.
 */
export async function downloadApplicationFile(
	calls: CallsContext,
	staff: Actor & { role: string },
	fileId: number,
	ip: string
): Promise<{ file: AuthorizedFile; bytes: Buffer } | undefined> {
	const file = await authorizedApplicationFile(calls.db, staff, fileId);
	if (!file) return undefined;
	let bytes: Buffer;
	try {
		bytes = await calls.storage.read(file.storageKey);
	} catch {
		return undefined;
	}
	await recordAudit(
		calls.db,
		{ action: 'call.application-file-downloaded', actor: staff, subject: `application:${file.applicationId}`, detail: { fileId: file.id }, ip },
		calls.clock().toISOString()
	);
	return { file, bytes };
}

/**
 * A smaller copy of an application's photo (thumbnail or preview) for `staff`,
 * under the same rule as a download (`authorizedApplicationFile`). Undefined for
 * a file they may not have, that is gone, or that is not a photo (those stay
 * downloads). Not in the audit log: the page that shows it is where staff read
 * the application anyway; taking the original away is what gets recorded.
 */
export async function applicationPhoto(calls: CallsContext, staff: { id: string; role: string }, fileId: number, size: PhotoDerivative): Promise<Buffer | undefined> {
	const file = await authorizedApplicationFile(calls.db, staff, fileId);
	if (!file || !isPhotoType(file.mediaType)) return undefined;
	try {
		return await calls.storage.derivative(file.storageKey, size);
	} catch {
		return undefined;
	}
}

/** One answer as the review pages show it: its text, or its files with which of them are photos. */
export interface AnswerView {
	key: string;
	label: string;
	contact: boolean;
	text: string;
	files: { id: number; originalName: string; bytes: number; photo: boolean }[];
}

/**
 * The answers of an application for staff and reviewers, in the fields' order:
 * labels and choices in `locale` (falling back as the form does), a country by
 * its name in `locale` rather than its code.
 */
export function answerViews(fields: readonly CallField[], answers: Record<string, unknown>, files: readonly ApplicationFile[], locale: Locale): AnswerView[] {
	return fields.map((field) => {
		const value = answers[field.key];
		return {
			key: field.key,
			label: pick(field.label, locale).text,
			contact: isContactField(field),
			text:
				field.type === 'file'
					? ''
					: field.type === 'country' && typeof value === 'string' && isCountryCode(value)
						? countryName(value, locale)
						: answerText(field, value, [], locale),
			files: files
				.filter((file) => file.fieldKey === field.key)
				.map((file) => ({ id: file.id, originalName: file.originalName, bytes: file.bytes, photo: isPhotoType(file.mediaType) }))
		};
	});
}

/** The fields a reviewer may see answers of: all, or in blind review all but contact fields. */
export async function fieldsForReviewer(db: Db, callId: number, blind: boolean) {
	const fields = await listFields(db, callId);
	return blind ? fields.filter((field) => !isContactField(field)) : fields;
}
