import { indexCall } from './call-search';
import { z } from 'zod';
import { locales, type Locale, type Localized } from '$lib/i18n/locales';
import { parseLocalized, stringifyLocalized } from '$lib/server/shared/localized-text';
import { isBlankRichText, sanitizeRichText } from '$lib/server/shared/rich-text';
import type { CallKind, CallStatus, Db, OpenCallRow } from '$lib/server/db/schema';
import { databaseNow, dialectOf } from '$lib/server/db/sql-functions';
import { NotFoundError, ValidationError } from '$lib/server/platform/errors';
import type { Actor, AuditAction } from '$lib/server/shared/audit';
import { runCommand } from '$lib/server/shared/command';
import { callFieldFromRow, fieldColumns, fieldLimits, parseFieldInput, type CallField, type FieldInput } from './call-fields';
import { canonicalTimeZone, instantToZonedWallTime, zonedWallTimeToInstant } from '$lib/server/shared/zoned-time';
import type { CallsContext } from './calls.wiring';

/*
 * Calls and their forms, as staff create and change them. Dates arrive as the
 * wall times staff typed in the call's time zone and are kept as UTC instants
 * (see shared/zoned-time.ts). Staff's commands take the calls' context and the
 * acting person, and write their audit entry (and, for what the public call
 * pages show, a new site version) in the transaction of the change; reading
 * takes `db`.
 */

/** How the audit log names a call. */
export const callSubject = (id: number) => `call:${id}`;

export const callKinds = ['artists', 'hosts', 'volunteers'] as const satisfies readonly CallKind[];
export const callStatuses = ['draft', 'open', 'closed'] as const satisfies readonly CallStatus[];

export const callLimits = {
	slug: 80,
	title: 200,
	summary: 500,
	description: 50_000,
	eligibility: 10_000,
	consentText: 2000,
	maxSubmissionsPerPerson: 100,
	retentionDays: { min: 30, default: 365, max: 3650 }
} as const;

export interface OpenCall {
	id: number;
	slug: string;
	kind: CallKind;
	title: Localized;
	summary: Localized;
	/** Sanitized HTML per language. */
	description: Localized;
	eligibility: Localized;
	consentText: Localized;
	opensAt: string;
	deadlineAt: string;
	timeZone: string;
	status: CallStatus;
	maxSubmissionsPerPerson: number | null;
	retentionDays: number;
	blindReview: boolean;
	/** A photo of the media library, or null. */
	coverMediaId: number | null;
	personalDataPurgedAt: string | null;
	createdAt: string;
	updatedAt: string;
}

export function callFromRow(row: OpenCallRow): OpenCall {
	return {
		id: row.id,
		slug: row.slug,
		kind: row.kind,
		title: parseLocalized(row.title),
		summary: parseLocalized(row.summary),
		description: parseLocalized(row.description),
		eligibility: parseLocalized(row.eligibility),
		consentText: parseLocalized(row.consent_text),
		opensAt: row.opens_at,
		deadlineAt: row.deadline_at,
		timeZone: row.time_zone,
		status: row.status,
		maxSubmissionsPerPerson: row.max_submissions_per_person,
		retentionDays: row.retention_days,
		blindReview: row.blind_review === 1,
		coverMediaId: row.cover_media_id === null ? null : Number(row.cover_media_id),
		personalDataPurgedAt: row.personal_data_purged_at,
		createdAt: row.created_at,
		updatedAt: row.updated_at
	};
}

/** Applicants must confirm they are eligible when the call states who is. */
export function requiresEligibilityConfirmation(call: Pick<OpenCall, 'eligibility'>): boolean {
	return !isBlankRichText(call.eligibility.en);
}

const localizedOf = (field: z.ZodType<string>) =>
	z.object(Object.fromEntries(locales.map((l) => [l, field.optional()])) as Record<Locale, z.ZodOptional<z.ZodType<string>>>);

const oneLine = (max: number) =>
	z
		.string()
		.trim()
		.max(max, 'too_long')
		.refine((s) => !/[\r\n]/.test(s), 'one_line');

const wallTime = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'date_invalid');

const callSchema = z.object({
	slug: z
		.string()
		.trim()
		.max(callLimits.slug, 'slug_invalid')
		.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug_invalid'),
	kind: z.enum(callKinds, 'kind_invalid'),
	title: localizedOf(oneLine(callLimits.title)),
	summary: localizedOf(z.string().trim().max(callLimits.summary, 'too_long')).default({}),
	description: localizedOf(z.string().max(callLimits.description, 'too_long')).default({}),
	eligibility: localizedOf(z.string().max(callLimits.eligibility, 'too_long')).default({}),
	consentText: localizedOf(z.string().trim().max(callLimits.consentText, 'too_long')).default({}),
	/** Wall times in `timeZone`, as `<input type="datetime-local">` sends them. */
	opensAt: wallTime,
	deadlineAt: wallTime,
	timeZone: z.string().trim().max(64, 'time_zone_invalid'),
	maxSubmissionsPerPerson: z
		.union([z.literal('').transform(() => null), z.null(), z.coerce.number('limit_invalid')])
		.pipe(z.number().int('limit_invalid').min(1, 'limit_invalid').max(callLimits.maxSubmissionsPerPerson, 'limit_invalid').nullable())
		.default(null),
	retentionDays: z.coerce
		.number('retention_invalid')
		.int('retention_invalid')
		.min(callLimits.retentionDays.min, 'retention_invalid')
		.max(callLimits.retentionDays.max, 'retention_invalid')
		.default(callLimits.retentionDays.default),
	blindReview: z.boolean().default(false),
	coverMediaId: z
		.union([z.literal('').transform(() => null), z.null(), z.coerce.number('cover_unknown')])
		.pipe(z.number().int('cover_unknown').positive('cover_unknown').nullable())
		.default(null)
});

export type CallInput = z.input<typeof callSchema>;

function issuesOf(error: z.ZodError): Record<string, string> {
	const issues: Record<string, string> = {};
	for (const issue of error.issues) issues[issue.path.join('.') || 'form'] ??= issue.message;
	return issues;
}

function sanitizeLocalizedHtml(value: Partial<Record<Locale, string>>): string {
	const clean: Record<string, string> = {};
	for (const locale of locales) {
		const html = value[locale];
		if (html !== undefined) clean[locale] = sanitizeRichText(html);
	}
	return stringifyLocalized({ en: '', ...clean });
}

/** Field errors use dotted keys: `slug`, `title.en`, `deadlineAt`, `timeZone`. */
async function parseCall(db: Db, input: CallInput, exceptId: number | null) {
	const parsed = callSchema.safeParse(input);
	if (!parsed.success) throw new ValidationError(issuesOf(parsed.error));
	const data = parsed.data;
	const issues: Record<string, string> = {};
	if (!data.title.en) issues['title.en'] = 'required';
	const timeZone = canonicalTimeZone(data.timeZone);
	if (!timeZone) issues.timeZone = 'time_zone_invalid';
	let opensAt: Date | null = null;
	let deadlineAt: Date | null = null;
	if (timeZone) {
		try {
			opensAt = zonedWallTimeToInstant(data.opensAt, timeZone);
		} catch {
			issues.opensAt = 'date_invalid';
		}
		try {
			deadlineAt = zonedWallTimeToInstant(data.deadlineAt, timeZone);
		} catch {
			issues.deadlineAt = 'date_invalid';
		}
		if (opensAt && deadlineAt && deadlineAt.getTime() <= opensAt.getTime()) issues.deadlineAt = 'deadline_before_opening';
	}
	// A cover must be a photo of the media library (the picker offers only those).
	if (data.coverMediaId !== null && !(await db.selectFrom('media').select('id').where('id', '=', data.coverMediaId).executeTakeFirst())) {
		issues.coverMediaId = 'cover_unknown';
	}
	let taken = db.selectFrom('open_call').select('id').where('slug', '=', data.slug);
	if (exceptId !== null) taken = taken.where('id', '!=', exceptId);
	if (await taken.executeTakeFirst()) issues.slug = 'slug_taken';
	if (Object.keys(issues).length > 0 || !opensAt || !deadlineAt || !timeZone) throw new ValidationError(issues);
	return {
		slug: data.slug,
		kind: data.kind,
		title: stringifyLocalized({ en: '', ...data.title }),
		summary: stringifyLocalized({ en: '', ...data.summary }),
		description: sanitizeLocalizedHtml(data.description),
		eligibility: sanitizeLocalizedHtml(data.eligibility),
		consent_text: stringifyLocalized({ en: '', ...data.consentText }),
		opens_at: opensAt.toISOString(),
		deadline_at: deadlineAt.toISOString(),
		time_zone: timeZone,
		max_submissions_per_person: data.maxSubmissionsPerPerson,
		retention_days: data.retentionDays,
		blind_review: data.blindReview ? 1 : 0,
		cover_media_id: data.coverMediaId
	};
}

/** A new call, as a draft. Throws ValidationError. */
export async function createCall(calls: CallsContext, actor: Actor, input: CallInput): Promise<number> {
	return runCommand(calls, actor, async ({ trx, now, audit }) => {
		const values = await parseCall(trx, input, null);
		const at = now.toISOString();
		const row = await trx
			.insertInto('open_call')
			.values({ ...values, status: 'draft', created_at: at, updated_at: at })
			.returning('id')
			.executeTakeFirstOrThrow();
		await audit({ action: 'call.created', subject: callSubject(row.id), detail: { slug: input.slug } });
		return row.id;
	});
}

export async function updateCall(calls: CallsContext, actor: Actor, id: number, input: CallInput): Promise<void> {
	await runCommand(calls, actor, async ({ trx, now, audit, publicPagesChanged }) => {
		const values = await parseCall(trx, input, id);
		const result = await trx
			.updateTable('open_call')
			.set({ ...values, updated_at: now.toISOString() })
			.where('id', '=', id)
			.executeTakeFirst();
		if (Number(result.numUpdatedRows) === 0) throw new NotFoundError(`call ${id}`);
		await indexCall(trx, id);
		await publicPagesChanged();
		await audit({ action: 'call.changed', subject: callSubject(id), detail: { slug: input.slug } });
	});
}

export async function getCall(db: Db, id: number): Promise<OpenCall | undefined> {
	const row = await db.selectFrom('open_call').selectAll().where('id', '=', id).executeTakeFirst();
	return row ? callFromRow(row) : undefined;
}

export async function getCallBySlug(db: Db, slug: string): Promise<OpenCall | undefined> {
	const row = await db.selectFrom('open_call').selectAll().where('slug', '=', slug).executeTakeFirst();
	return row ? callFromRow(row) : undefined;
}

/** Calls by deadline, latest first; drafts only when asked for (the public lists never show them). */
export async function listCalls(db: Db, { includeDrafts = false } = {}): Promise<OpenCall[]> {
	let query = db.selectFrom('open_call').selectAll();
	if (!includeDrafts) query = query.where('status', '!=', 'draft');
	const rows = await query.orderBy('deadline_at', 'desc').orderBy('id', 'desc').execute();
	return rows.map(callFromRow);
}

/** A call as its edit form shows it: dates as wall times in its zone again. */
export function callFormValues(call: OpenCall): CallInput {
	return {
		slug: call.slug,
		kind: call.kind,
		title: call.title,
		summary: call.summary,
		description: call.description,
		eligibility: call.eligibility,
		consentText: call.consentText,
		opensAt: instantToZonedWallTime(call.opensAt, call.timeZone),
		deadlineAt: instantToZonedWallTime(call.deadlineAt, call.timeZone),
		timeZone: call.timeZone,
		maxSubmissionsPerPerson: call.maxSubmissionsPerPerson,
		retentionDays: call.retentionDays,
		blindReview: call.blindReview,
		coverMediaId: call.coverMediaId
	};
}

/** What staff can do with a call's status, and the audit entry each leaves. */
export const callStatusChanges = {
	open: { to: 'open', audit: 'call.opened' },
	close: { to: 'closed', audit: 'call.closed' },
	reopen: { to: 'open', audit: 'call.reopened' },
	draft: { to: 'draft', audit: 'call.back-to-draft' }
} as const satisfies Record<string, { to: CallStatus; audit: AuditAction }>;

export type CallStatusChange = keyof typeof callStatusChanges;

export function callStatusChangeOf(value: string): CallStatusChange | undefined {
	return Object.hasOwn(callStatusChanges, value) ? (value as CallStatusChange) : undefined;
}

/**
 * Opening a call needs a form (at least one field) and a consent text in
 * English, since applicants give personal data. Throws ValidationError.
 */
export async function setCallStatus(calls: CallsContext, actor: Actor, id: number, change: CallStatusChange): Promise<void> {
	const { to: status, audit: action } = callStatusChanges[change];
	await runCommand(calls, actor, async ({ trx, now, audit, publicPagesChanged }) => {
		const call = await getCall(trx, id);
		if (!call) throw new NotFoundError(`call ${id}`);
		if (status === 'open') {
			const issues: Record<string, string> = {};
			const field = await trx.selectFrom('open_call_field').select('id').where('call_id', '=', id).limit(1).executeTakeFirst();
			if (!field) issues.fields = 'fields_required';
			if (!call.consentText.en.trim()) issues['consentText.en'] = 'consent_text_required';
			if (Object.keys(issues).length > 0) throw new ValidationError(issues);
		}
		await trx.updateTable('open_call').set({ status, updated_at: now.toISOString() }).where('id', '=', id).execute();
		await indexCall(trx, id);
		await publicPagesChanged();
		await audit({ action, subject: callSubject(id) });
	});
}

/**
 * True while the call takes applications by the DATABASE's clock: open, opened,
 * and its deadline not reached. App servers' clocks may drift; the database's is
 * the one every server shares.
 */
export async function isAcceptingSubmissions(db: Db, callId: number): Promise<boolean> {
	const now = databaseNow(dialectOf(db));
	const row = await db
		.selectFrom('open_call')
		.select('id')
		.where('id', '=', callId)
		.where('status', '=', 'open')
		.where('opens_at', '<=', now)
		.where('deadline_at', '>', now)
		.executeTakeFirst();
	return row !== undefined;
}

export async function listFields(db: Db, callId: number): Promise<CallField[]> {
	const rows = await db
		.selectFrom('open_call_field')
		.selectAll()
		.where('call_id', '=', callId)
		.orderBy('position')
		.orderBy('id')
		.execute();
	return rows.map(callFieldFromRow);
}

export async function hasApplications(db: Db, callId: number): Promise<boolean> {
	return (await db.selectFrom('application').select('id').where('call_id', '=', callId).limit(1).executeTakeFirst()) !== undefined;
}

/** Adds a field at the end of the form. Throws ValidationError (`key_taken`, `too_many_fields`, option errors). */
export async function addField(calls: CallsContext, actor: Actor, callId: number, input: FieldInput): Promise<number> {
	const parsed = parseFieldInput(input);
	if ('issues' in parsed) throw new ValidationError(parsed.issues);
	const { field } = parsed;
	return runCommand(calls, actor, async ({ trx, audit, publicPagesChanged }) => {
		if (!(await getCall(trx, callId))) throw new NotFoundError(`call ${callId}`);
		const existing = await listFields(trx, callId);
		if (existing.length >= fieldLimits.fieldsPerCall) throw new ValidationError({ fields: 'too_many_fields' });
		if (existing.some((other) => other.key === field.key)) throw new ValidationError({ key: 'key_taken' });
		const position = existing.reduce((max, other) => Math.max(max, other.position + 1), 0);
		const row = await trx
			.insertInto('open_call_field')
			.values({
				call_id: callId,
				position,
				...fieldColumns(field)
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await publicPagesChanged();
		await audit({ action: 'call.field-added', subject: callSubject(callId), detail: { key: input.key, type: input.type } });
		return row.id;
	});
}

/**
 * Changes a field. Its key and type are what stored answers are read by, so
 * neither may change once the call has applications (`key_locked`, `type_locked`).
 */
export async function updateField(calls: CallsContext, actor: Actor, fieldId: number, input: FieldInput): Promise<void> {
	const parsed = parseFieldInput(input);
	if ('issues' in parsed) throw new ValidationError(parsed.issues);
	const { field } = parsed;
	await runCommand(calls, actor, async ({ trx, audit, publicPagesChanged }) => {
		const current = await trx.selectFrom('open_call_field').selectAll().where('id', '=', fieldId).executeTakeFirst();
		if (!current) throw new NotFoundError(`field ${fieldId}`);
		const changesShape = current.key !== field.key || current.type !== field.type;
		if (changesShape && (await hasApplications(trx, current.call_id))) {
			throw new ValidationError(current.key !== field.key ? { key: 'key_locked' } : { type: 'type_locked' });
		}
		const clash = await trx
			.selectFrom('open_call_field')
			.select('id')
			.where('call_id', '=', current.call_id)
			.where('key', '=', field.key)
			.where('id', '!=', fieldId)
			.executeTakeFirst();
		if (clash) throw new ValidationError({ key: 'key_taken' });
		await trx
			.updateTable('open_call_field')
			.set(fieldColumns(field))
			.where('id', '=', fieldId)
			.execute();
		await publicPagesChanged();
		await audit({ action: 'call.field-changed', subject: callSubject(current.call_id), detail: { key: input.key } });
	});
}

/** Removes a field from the form; answers already given to it stay in the applications. */
export async function removeField(calls: CallsContext, actor: Actor, fieldId: number): Promise<void> {
	await runCommand(calls, actor, async ({ trx, audit, publicPagesChanged }) => {
		const field = await trx.selectFrom('open_call_field').select(['call_id', 'key']).where('id', '=', fieldId).executeTakeFirst();
		if (!field) throw new NotFoundError(`field ${fieldId}`);
		await trx.deleteFrom('open_call_field').where('id', '=', fieldId).execute();
		await publicPagesChanged();
		await audit({ action: 'call.field-removed', subject: callSubject(field.call_id), detail: { key: field.key } });
	});
}

/** Puts the form's fields in the order of `keys`, which must name each field once (`order_invalid`). */
export async function reorderFields(calls: CallsContext, actor: Actor, callId: number, keys: readonly string[]): Promise<void> {
	await runCommand(calls, actor, async ({ trx, audit, publicPagesChanged }) => {
		const fields = await listFields(trx, callId);
		const known = new Set(fields.map((field) => field.key));
		if (keys.length !== fields.length || new Set(keys).size !== keys.length || keys.some((key) => !known.has(key))) {
			throw new ValidationError({ fields: 'order_invalid' });
		}
		for (const [position, key] of keys.entries()) {
			await trx.updateTable('open_call_field').set({ position }).where('call_id', '=', callId).where('key', '=', key).execute();
		}
		await publicPagesChanged();
		await audit({ action: 'call.fields-reordered', subject: callSubject(callId), detail: { keys } });
	});
}

/**
 * Deletes a call that never went public: a draft without applications, with its
 * form and rubric. Anything else stays (close it instead) so no applicant's
 * work disappears (`not_a_draft`, `has_applications`).
 */
export async function deleteCall(calls: CallsContext, actor: Actor, id: number): Promise<void> {
	await runCommand(calls, actor, async ({ trx, audit }) => {
		const call = await getCall(trx, id);
		if (!call) throw new NotFoundError(`call ${id}`);
		if (call.status !== 'draft') throw new ValidationError({ call: 'not_a_draft' });
		if (await hasApplications(trx, id)) throw new ValidationError({ call: 'has_applications' });
		await trx.deleteFrom('open_call').where('id', '=', id).execute();
		await indexCall(trx, id);
		await audit({ action: 'call.deleted', subject: callSubject(id), detail: { slug: call.slug } });
	});
}

/** Applications per call and status, for the staff list (withdrawn ones are not counted). */
export async function applicationCounts(db: Db): Promise<Map<number, { submitted: number; draft: number }>> {
	const rows = await db
		.selectFrom('application')
		.select((eb) => ['call_id', 'status', eb.fn.countAll<number | string>().as('count')])
		.where('status', 'in', ['submitted', 'draft'])
		.groupBy(['call_id', 'status'])
		.execute();
	const counts = new Map<number, { submitted: number; draft: number }>();
	for (const row of rows) {
		const entry = counts.get(row.call_id) ?? { submitted: 0, draft: 0 };
		// PostgreSQL's count is a bigint, which pg hands over as a string.
		entry[row.status as 'submitted' | 'draft'] = Number(row.count);
		counts.set(row.call_id, entry);
	}
	return counts;
}
