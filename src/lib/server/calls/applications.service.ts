import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { isLocale, locales, type Locale } from '$lib/i18n/locales';
import type { ApplicationFileRow, ApplicationRow, ApplicationStatus, Database, Db } from '$lib/server/db/schema';
import { lockRowForUpdate } from '$lib/server/db/row-lock';
import { databaseNow, dialectOf } from '$lib/server/db/sql-functions';
import { ValidationError } from '$lib/server/platform/errors';
import { draftValues, validateAnswers, type Answer, type AttachedFile, type FormValue } from './answer-validation';
import type { CallsMail } from './application-mail';
import { hashApplicationToken, isWellFormedToken, newApplicationToken } from './application-tokens';
import { acceptsMediaType, type CallField } from './call-fields';
import { callFromRow, listFields, requiresEligibilityConfirmation, type OpenCall } from './calls.service';

/*
 * Applications, as applicants make them without an account: a draft saved to
 * finish later, submitted, edited until the deadline, withdrawn, erased. The
 * private link's token is returned for the caller to mail; it is never stored.
 *
 * Whether the call still takes applications is decided by the DATABASE's clock,
 * read inside the same transaction that writes (see `callAsOfNow`), so a
 * submission is on time exactly when the database says so, whatever the app
 * server's clock. `now` (milliseconds) is only for the record's own timestamps.
 */

interface Clock {
	now?: number;
}
/**
 * With `mail`, the applicant's e-mail (the private link, the confirmation) is
 * queued in the same transaction as the change it reports: no link is mailed for
 * a draft that was not saved, and no saved draft misses its link.
 */
interface ClockAndMail extends Clock {
	mail?: CallsMail;
}

export const applicantLimits = { email: 254, name: 120 } as const;

/** Why an application cannot be saved, submitted or changed now; the page words each one. */
export type ApplicationProblem =
	| 'unknown'
	| 'call_not_found'
	| 'call_not_open'
	| 'call_closed'
	| 'deadline_passed'
	| 'already_submitted'
	| 'not_editable'
	| 'submission_limit_reached'
	| 'duplicate_submission';

const emailField = z
	.string('email_invalid')
	.trim()
	.max(applicantLimits.email, 'email_invalid')
	.pipe(z.email('email_invalid'))
	.transform((value) => value.toLowerCase());

const nameField = z.string('required').trim().max(applicantLimits.name, 'too_long');

const submissionSchema = z.object({
	email: emailField,
	name: nameField.min(1, 'required'),
	locale: z.enum(locales, 'locale_invalid'),
	answers: z.record(z.string(), z.unknown()).default({}),
	consent: z.boolean().default(false),
	eligibilityConfirmed: z.boolean().default(false)
});

/**
 * A draft needs only an address to send the link to; everything else may wait.
 * The address may also be empty: when a form with files comes back with a
 * mistyped address, the files are kept in a draft without one, known only by
 * its token (which the form carries along), and no link is mailed until an
 * address is given.
 */
const draftSchema = submissionSchema.extend({
	email: z.union([z.literal(''), emailField], 'email_invalid').default(''),
	name: nameField.default('')
});

/** Editing keeps the address the application was made with. */
const editSchema = submissionSchema.omit({ email: true });

export type SubmissionInput = z.input<typeof submissionSchema>;
export type DraftInput = z.input<typeof draftSchema>;
export type EditInput = z.input<typeof editSchema>;

function issuesOf(error: z.ZodError): Record<string, string> {
	const issues: Record<string, string> = {};
	for (const issue of error.issues) issues[issue.path.join('.') || 'form'] ??= issue.message;
	return issues;
}

function parseWith<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
	const parsed = schema.safeParse(input);
	if (!parsed.success) throw new ValidationError(issuesOf(parsed.error));
	return parsed.data;
}

export interface ApplicationFile {
	id: number;
	fieldKey: string;
	originalName: string;
	mediaType: string;
	bytes: number;
}

/** An application as its applicant sees it through the private link (no decision, no scores). */
export interface ApplicantApplication {
	id: number;
	callId: number;
	email: string;
	name: string;
	locale: Locale;
	status: ApplicationStatus;
	/** As the form shows them: stored answers of a submitted application, or a draft's values as typed. */
	answers: Record<string, Answer | FormValue>;
	files: ApplicationFile[];
	submittedAt: string | null;
	withdrawnAt: string | null;
	updatedAt: string;
}

function fileFromRow(row: ApplicationFileRow): ApplicationFile {
	return { id: row.id, fieldKey: row.field_key, originalName: row.original_name, mediaType: row.media_type, bytes: row.bytes };
}

export function parseAnswers(json: string): Record<string, Answer | FormValue> {
	const value: unknown = JSON.parse(json);
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, Answer | FormValue>) : {};
}

/** Same answers, same text, whatever the order of keys: how duplicates are recognised. */
function canonicalAnswers(answers: Record<string, unknown>): string {
	return JSON.stringify(Object.keys(answers).sort().map((key) => [key, answers[key]]));
}

/** The call with the database's clock reading, taken inside the caller's transaction. */
async function callAsOfNow(trx: Transaction<Database>, callId: number): Promise<{ call: OpenCall; dbNow: string } | null> {
	const row = await trx
		.selectFrom('open_call')
		.selectAll()
		.select(databaseNow(dialectOf(trx)).as('db_now'))
		.where('id', '=', callId)
		.executeTakeFirst();
	if (!row) return null;
	const { db_now: dbNow, ...call } = row;
	return { call: callFromRow(call), dbNow };
}

/** Why the call takes nothing at `dbNow`, or null when it does. */
function closedReason(call: OpenCall, dbNow: string): ApplicationProblem | null {
	if (call.status === 'closed') return 'call_closed';
	if (call.status === 'draft' || Date.parse(dbNow) < Date.parse(call.opensAt)) return 'call_not_open';
	if (Date.parse(dbNow) >= Date.parse(call.deadlineAt)) return 'deadline_passed';
	return null;
}

async function applicationByToken(db: Db, token: string): Promise<ApplicationRow | undefined> {
	if (!isWellFormedToken(token)) return undefined;
	return db.selectFrom('application').selectAll().where('token_hash', '=', hashApplicationToken(token)).executeTakeFirst();
}

async function filesOf(db: Db, applicationId: number): Promise<ApplicationFileRow[]> {
	return db.selectFrom('application_file').selectAll().where('application_id', '=', applicationId).orderBy('id').execute();
}

function filesByField(files: readonly ApplicationFileRow[]): Record<string, AttachedFile[]> {
	const byField: Record<string, AttachedFile[]> = {};
	for (const file of files) (byField[file.field_key] ??= []).push({ mediaType: file.media_type, bytes: file.bytes });
	return byField;
}

/** The parts of a submission the answers check needs, read leniently from input that failed its schema. */
function looseParts(input: unknown): { answers: Record<string, unknown>; consent: boolean; eligibilityConfirmed: boolean; locale: Locale } {
	const value = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
	const answers = value.answers && typeof value.answers === 'object' && !Array.isArray(value.answers) ? (value.answers as Record<string, unknown>) : {};
	return {
		answers,
		consent: value.consent === true,
		eligibilityConfirmed: value.eligibilityConfirmed === true,
		locale: isLocale(value.locale) ? value.locale : 'en'
	};
}

/**
 * Everything a submission must satisfy, all at once so the page can show every
 * error beside its field: the applicant's details (`schemaIssues`, found before),
 * answers (keys `answers.<field>`), consent to the call's consent text, and
 * confirmed eligibility when the call states who is eligible. Throws
 * ValidationError; returns the cleaned answers.
 */
function checkSubmission(
	call: OpenCall,
	fields: readonly CallField[],
	parts: { answers: Record<string, unknown>; consent: boolean; eligibilityConfirmed: boolean; locale: Locale },
	files: readonly ApplicationFileRow[],
	schemaIssues: Record<string, string>
): Record<string, Answer> {
	const checked = validateAnswers(fields, parts.answers, parts.locale, filesByField(files));
	const issues: Record<string, string> = { ...schemaIssues };
	for (const [key, code] of Object.entries(checked.errors)) issues[`answers.${key}`] = code;
	if (call.consentText.en.trim() && !parts.consent) issues.consent = 'consent_required';
	if (requiresEligibilityConfirmation(call) && !parts.eligibilityConfirmed) issues.eligibility = 'eligibility_required';
	if (Object.keys(issues).length > 0) throw new ValidationError(issues);
	return checked.answers;
}

export type SaveDraftResult = { status: 'saved'; applicationId: number; token: string } | { status: ApplicationProblem };

/**
 * "Save and finish later": creates a draft (with a new private link) or, given
 * the draft's token, updates it. Only length limits are checked; everything else
 * waits for submitting. Throws ValidationError for a bad address or oversized text.
 */
export async function saveDraft(
	db: Kysely<Database>,
	request: { callId: number; token?: string; input: DraftInput },
	{ now = Date.now(), mail }: ClockAndMail = {}
): Promise<SaveDraftResult> {
	const data = parseWith(draftSchema, request.input);
	const at = new Date(now).toISOString();
	return db.transaction().execute(async (trx): Promise<SaveDraftResult> => {
		const state = await callAsOfNow(trx, request.callId);
		if (!state) return { status: 'call_not_found' };
		const problem = closedReason(state.call, state.dbNow);
		if (problem) return { status: problem };
		const fields = await listFields(trx, request.callId);
		const draft = draftValues(fields, data.answers);
		if (Object.keys(draft.errors).length > 0) {
			throw new ValidationError(Object.fromEntries(Object.entries(draft.errors).map(([key, code]) => [`answers.${key}`, code])));
		}
		const values = {
			applicant_email: data.email,
			applicant_name: data.name || null,
			locale: data.locale,
			answers: JSON.stringify(draft.values),
			updated_at: at
		};
		if (request.token !== undefined) {
			const current = await applicationByToken(trx, request.token);
			if (!current || current.call_id !== request.callId) return { status: 'unknown' };
			if (current.status !== 'draft') return { status: current.status === 'submitted' ? 'already_submitted' : 'not_editable' };
			await trx.updateTable('application').set(values).where('id', '=', current.id).execute();
			if (mail && data.email) await mail.draftLink(trx, { applicationId: current.id, token: request.token });
			return { status: 'saved', applicationId: current.id, token: request.token };
		}
		const { token, hash } = newApplicationToken();
		const row = await trx
			.insertInto('application')
			.values({ ...values, call_id: request.callId, status: 'draft', token_hash: hash, created_at: at })
			.returning('id')
			.executeTakeFirstOrThrow();
		if (mail && data.email) await mail.draftLink(trx, { applicationId: row.id, token });
		return { status: 'saved', applicationId: row.id, token };
	});
}

export type SubmitResult = { status: 'submitted'; applicationId: number; token: string; locale: Locale } | { status: ApplicationProblem };

/**
 * Submits an application: a new one, or the draft the token opens. Inside one
 * transaction: the call must take applications by the database's clock; the
 * answers, consent and eligibility must pass (ValidationError otherwise); the
 * same address must not have sent the same answers before (`duplicate_submission`)
 * nor reached the call's limit per person (`submission_limit_reached`). The
 * returned token is the private link for the confirmation e-mail.
 */
export async function submitApplication(
	db: Kysely<Database>,
	request: { callId: number; token?: string; input: SubmissionInput },
	{ now = Date.now(), mail }: ClockAndMail = {}
): Promise<SubmitResult> {
	// Checked in full inside the transaction, after the deadline: a late applicant hears that first.
	const attempt = submissionSchema.safeParse(request.input);
	const at = new Date(now).toISOString();
	return db.transaction().execute(async (trx): Promise<SubmitResult> => {
		// Limits and duplicates are check-then-write: submissions to one call take turns.
		await lockRowForUpdate(trx, 'open_call', request.callId);
		const state = await callAsOfNow(trx, request.callId);
		if (!state) return { status: 'call_not_found' };
		const problem = closedReason(state.call, state.dbNow);
		if (problem) return { status: problem };

		let current: ApplicationRow | undefined;
		if (request.token !== undefined) {
			current = await applicationByToken(trx, request.token);
			if (!current || current.call_id !== request.callId) return { status: 'unknown' };
			if (current.status !== 'draft') return { status: current.status === 'submitted' ? 'already_submitted' : 'not_editable' };
		}
		const fields = await listFields(trx, request.callId);
		const parts = attempt.success ? attempt.data : looseParts(request.input);
		const answers = checkSubmission(state.call, fields, parts, current ? await filesOf(trx, current.id) : [], attempt.success ? {} : issuesOf(attempt.error));
		if (!attempt.success) throw new ValidationError(issuesOf(attempt.error));
		const data = attempt.data;

		let earlier = trx
			.selectFrom('application')
			.select(['id', 'answers'])
			.where('call_id', '=', request.callId)
			.where('applicant_email', '=', data.email)
			.where('status', '=', 'submitted');
		if (current) earlier = earlier.where('id', '!=', current.id);
		const submitted = await earlier.execute();
		const fingerprint = canonicalAnswers(answers);
		if (submitted.some((row) => canonicalAnswers(parseAnswers(row.answers)) === fingerprint)) return { status: 'duplicate_submission' };
		const limit = state.call.maxSubmissionsPerPerson;
		if (limit !== null && submitted.length >= limit) return { status: 'submission_limit_reached' };

		const values = {
			applicant_email: data.email,
			applicant_name: data.name,
			locale: data.locale,
			status: 'submitted' as const,
			answers: JSON.stringify(answers),
			consented_at: data.consent ? state.dbNow : null,
			eligibility_confirmed_at: data.eligibilityConfirmed ? state.dbNow : null,
			// The moment that counted against the deadline: the database's.
			submitted_at: state.dbNow,
			updated_at: at
		};
		if (current && request.token !== undefined) {
			await trx.updateTable('application').set(values).where('id', '=', current.id).execute();
			if (mail) await mail.submission(trx, { applicationId: current.id, token: request.token });
			return { status: 'submitted', applicationId: current.id, token: request.token, locale: data.locale };
		}
		const { token, hash } = newApplicationToken();
		const row = await trx
			.insertInto('application')
			.values({ ...values, call_id: request.callId, token_hash: hash, created_at: at })
			.returning('id')
			.executeTakeFirstOrThrow();
		if (mail) await mail.submission(trx, { applicationId: row.id, token });
		return { status: 'submitted', applicationId: row.id, token, locale: data.locale };
	});
}

export type EditResult = { status: 'updated'; applicationId: number } | { status: ApplicationProblem };

/** Changes a submitted application's name, language and answers, until the deadline by the database's clock. */
export async function editApplication(
	db: Kysely<Database>,
	token: string,
	input: EditInput,
	{ now = Date.now() }: Clock = {}
): Promise<EditResult> {
	const attempt = editSchema.safeParse(input);
	return db.transaction().execute(async (trx): Promise<EditResult> => {
		const current = await applicationByToken(trx, token);
		if (!current) return { status: 'unknown' };
		if (current.status !== 'submitted') return { status: 'not_editable' };
		const state = await callAsOfNow(trx, current.call_id);
		if (!state) return { status: 'call_not_found' };
		const problem = closedReason(state.call, state.dbNow);
		if (problem) return { status: problem };
		const fields = await listFields(trx, current.call_id);
		const parts = attempt.success ? attempt.data : looseParts(input);
		const answers = checkSubmission(state.call, fields, parts, await filesOf(trx, current.id), attempt.success ? {} : issuesOf(attempt.error));
		if (!attempt.success) throw new ValidationError(issuesOf(attempt.error));
		const data = attempt.data;
		await trx
			.updateTable('application')
			.set({
				applicant_name: data.name,
				locale: data.locale,
				answers: JSON.stringify(answers),
				updated_at: new Date(now).toISOString()
			})
			.where('id', '=', current.id)
			.execute();
		return { status: 'updated', applicationId: current.id };
	});
}

/**
 * Withdraws a draft or a submitted application, at any time. Doing it twice
 * changes nothing. With `mail`, a submitted application's withdrawal is
 * confirmed by e-mail (a draft was never confirmed, so its withdrawal is not).
 */
export async function withdrawApplication(
	db: Kysely<Database>,
	token: string,
	{ now = Date.now(), mail }: ClockAndMail = {}
): Promise<{ status: 'withdrawn' | 'already_withdrawn'; applicationId: number } | { status: 'unknown' }> {
	const at = new Date(now).toISOString();
	return db.transaction().execute(async (trx) => {
		const current = await applicationByToken(trx, token);
		if (!current) return { status: 'unknown' as const };
		const result = await trx
			.updateTable('application')
			.set({ status: 'withdrawn', withdrawn_at: at, updated_at: at })
			.where('id', '=', current.id)
			.where('status', '!=', 'withdrawn')
			.executeTakeFirst();
		if (Number(result.numUpdatedRows) === 0) return { status: 'already_withdrawn' as const, applicationId: current.id };
		if (mail && current.status === 'submitted') await mail.withdrawal(trx, { applicationId: current.id });
		return { status: 'withdrawn' as const, applicationId: current.id };
	});
}

export type FindResult =
	| { status: 'found'; application: ApplicantApplication; call: OpenCall; fields: CallField[] }
	| { status: 'unknown' };

/** What the private link opens. A malformed, altered, never-issued or erased token is `unknown`. */
export async function findApplicationByToken(db: Db, token: string): Promise<FindResult> {
	const row = await applicationByToken(db, token);
	if (!row || row.applicant_email === null) return { status: 'unknown' };
	const callRow = await db.selectFrom('open_call').selectAll().where('id', '=', row.call_id).executeTakeFirst();
	if (!callRow) return { status: 'unknown' };
	const files = await filesOf(db, row.id);
	return {
		status: 'found',
		call: callFromRow(callRow),
		fields: await listFields(db, row.call_id),
		application: {
			id: row.id,
			callId: row.call_id,
			email: row.applicant_email,
			name: row.applicant_name ?? '',
			locale: (locales as readonly string[]).includes(row.locale) ? (row.locale as Locale) : 'en',
			status: row.status,
			answers: parseAnswers(row.answers),
			files: files.map(fileFromRow),
			submittedAt: row.submitted_at,
			withdrawnAt: row.withdrawn_at,
			updatedAt: row.updated_at
		}
	};
}

/** The application behind `token` while its files may change (not withdrawn, its call taking changes), else why not. */
async function applicationWithChangeableFiles(trx: Transaction<Database>, token: string): Promise<ApplicationRow | ApplicationProblem> {
	const current = await applicationByToken(trx, token);
	if (!current) return 'unknown';
	if (current.status === 'withdrawn') return 'not_editable';
	const state = await callAsOfNow(trx, current.call_id);
	if (!state) return 'call_not_found';
	return closedReason(state.call, state.dbNow) ?? current;
}

const fileSchema = z.object({
	fieldKey: z.string(),
	/** Where the caller stored the upload; unique. */
	storageKey: z.string().min(1).max(300),
	originalName: z.string().trim().max(255).transform((name) => name || 'file'),
	mediaType: z.string(),
	bytes: z.number().int().min(1)
});

export type AttachFileInput = z.input<typeof fileSchema>;

/**
 * Records a file the caller has stored for a file field of a draft, or of a
 * submitted application before the deadline. The type is the one detected from
 * the content, never the upload's claim. Errors under `answers.<field>`:
 * `file_type_not_allowed`, `file_too_large`, `too_many_files`, `field_unknown`.
 */
export async function attachFile(
	db: Kysely<Database>,
	token: string,
	input: AttachFileInput,
	{ now = Date.now() }: Clock = {}
): Promise<{ status: 'attached'; fileId: number } | { status: ApplicationProblem }> {
	const file = parseWith(fileSchema, input);
	return db.transaction().execute(async (trx) => {
		const current = await applicationWithChangeableFiles(trx, token);
		if (typeof current === 'string') return { status: current };
		const key = `answers.${file.fieldKey}`;
		const field = (await listFields(trx, current.call_id)).find((f) => f.key === file.fieldKey && f.type === 'file');
		if (!field) throw new ValidationError({ [key]: 'field_unknown' });
		if (!acceptsMediaType(field.options.allowedTypes, file.mediaType)) {
			throw new ValidationError({ [key]: 'file_type_not_allowed' });
		}
		if (file.bytes > (field.options.maxBytes ?? 0)) throw new ValidationError({ [key]: 'file_too_large' });
		const attached = (await filesOf(trx, current.id)).filter((f) => f.field_key === field.key);
		if (attached.length >= (field.options.maxFiles ?? 1)) throw new ValidationError({ [key]: 'too_many_files' });
		const row = await trx
			.insertInto('application_file')
			.values({
				application_id: current.id,
				field_key: field.key,
				storage_key: file.storageKey,
				original_name: file.originalName,
				media_type: file.mediaType,
				bytes: file.bytes,
				created_at: new Date(now).toISOString()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		return { status: 'attached' as const, fileId: row.id };
	});
}

/**
 * Removes an attached file while the application may still change. Returns the
 * storage key for the caller to delete once this has committed. Throws
 * ValidationError (`required`) for the last file of a required field of a
 * submitted application.
 */
export async function removeFile(
	db: Kysely<Database>,
	token: string,
	fileId: number
): Promise<{ status: 'removed'; storageKey: string } | { status: ApplicationProblem }> {
	return db.transaction().execute(async (trx) => {
		const current = await applicationWithChangeableFiles(trx, token);
		if (typeof current === 'string') return { status: current };
		const file = await trx
			.selectFrom('application_file')
			.select(['id', 'storage_key', 'field_key'])
			.where('id', '=', fileId)
			.where('application_id', '=', current.id)
			.executeTakeFirst();
		if (!file) return { status: 'unknown' as const };
		if (current.status === 'submitted') {
			// A submitted application stays complete: its only file for a required field is replaced, not removed.
			const field = (await listFields(trx, current.call_id)).find((f) => f.key === file.field_key);
			const siblings = (await filesOf(trx, current.id)).filter((f) => f.field_key === file.field_key);
			if (field?.required && siblings.length <= 1) throw new ValidationError({ [`answers.${file.field_key}`]: 'required' });
		}
		await trx.deleteFrom('application_file').where('id', '=', file.id).execute();
		return { status: 'removed' as const, storageKey: file.storage_key };
	});
}

/**
 * Erases the personal data of the given applications: address, name, answers,
 * private link, files and reviewers' comments (which may name the person). The
 * rows stay with their status, dates, decision and scores, so counts and averages
 * stay true. Drafts, never submitted, go entirely. Returns the storage keys of
 * the files for the caller to delete once this has committed.
 */
async function erasePersonalData(trx: Transaction<Database>, applicationIds: readonly number[], at: string): Promise<string[]> {
	const storageKeys: string[] = [];
	// In slices, to stay well under either engine's limit of bound parameters.
	for (let start = 0; start < applicationIds.length; start += 500) {
		const ids = applicationIds.slice(start, start + 500);
		const files = await trx.selectFrom('application_file').select('storage_key').where('application_id', 'in', ids).execute();
		storageKeys.push(...files.map((file) => file.storage_key));
		await trx.deleteFrom('application_file').where('application_id', 'in', ids).execute();
		await trx.updateTable('review_score').set({ comment: null }).where('application_id', 'in', ids).execute();
		await trx.deleteFrom('application').where('id', 'in', ids).where('status', '=', 'draft').execute();
		await trx
			.updateTable('application')
			.set({ applicant_email: null, applicant_name: null, answers: '{}', token_hash: null, personal_data_erased_at: at, updated_at: at })
			.where('id', 'in', ids)
			.execute();
	}
	return storageKeys;
}

/**
 * The applicant's own deletion request, from their private page: a submitted
 * application is withdrawn and erased (see `erasePersonalData`), a draft deleted.
 * The link stops working.
 */
export async function deleteApplicationData(
	db: Kysely<Database>,
	token: string,
	{ now = Date.now() }: Clock = {}
): Promise<{ status: 'deleted'; storageKeys: string[] } | { status: 'unknown' }> {
	const at = new Date(now).toISOString();
	return db.transaction().execute(async (trx) => {
		const current = await applicationByToken(trx, token);
		if (!current) return { status: 'unknown' as const };
		if (current.status === 'submitted') {
			await trx.updateTable('application').set({ status: 'withdrawn', withdrawn_at: at }).where('id', '=', current.id).execute();
		}
		return { status: 'deleted' as const, storageKeys: await erasePersonalData(trx, [current.id], at) };
	});
}

const dayMs = 24 * 60 * 60_000;

/**
 * The retention purge (run daily by a job): for every call whose deadline plus
 * its retention period has passed, the applicants' personal data is erased and
 * the call marked purged. Returns what it did, with the storage keys of the files
 * to delete.
 */
export async function purgeExpiredApplications(
	db: Kysely<Database>,
	{ now = Date.now() }: Clock = {}
): Promise<{ calls: number; applications: number; storageKeys: string[] }> {
	const at = new Date(now).toISOString();
	const candidates = await db
		.selectFrom('open_call')
		.select(['id', 'deadline_at', 'retention_days'])
		.where('personal_data_purged_at', 'is', null)
		.where('deadline_at', '<', at)
		.execute();
	const due = candidates.filter((call) => Date.parse(call.deadline_at) + call.retention_days * dayMs <= now);
	let applications = 0;
	const storageKeys: string[] = [];
	for (const call of due) {
		await db.transaction().execute(async (trx) => {
			const ids = (
				await trx.selectFrom('application').select('id').where('call_id', '=', call.id).where('personal_data_erased_at', 'is', null).execute()
			).map((row) => row.id);
			applications += ids.length;
			storageKeys.push(...(await erasePersonalData(trx, ids, at)));
			await trx.updateTable('open_call').set({ personal_data_purged_at: at, updated_at: at }).where('id', '=', call.id).execute();
		});
	}
	return { calls: due.length, applications, storageKeys };
}
