import type { Kysely } from 'kysely';
import { zipSync, type Zippable } from 'fflate';
import type { Locale } from '$lib/i18n/locales';
import { pick } from '$lib/server/shared/localized-text';
import type { Database } from '$lib/server/db/schema';
import { NotFoundError, ValidationError } from '$lib/server/platform/errors';
import { csvFile } from '$lib/server/platform/csv';
import { recordAudit, type Actor } from '$lib/server/shared/audit';
import type { ApplicationFileStorage } from './application-files';
import { parseAnswers } from './applications.service';
import type { CallField } from './call-fields';
import { callSubject, getCall, listFields } from './calls.service';
import type { CallsContext } from './calls.wiring';
import { callScoreSummaries, listCriteria } from './review.service';

/*
 * A call's applications leave the app for staff: as CSV (one row per submitted
 * or withdrawn application, one column per field, with status, decision and the
 * reviewers' weighted average and spread) and as a zip of their files. Staff see
 * everything, so blind review plays no part here. Personal data leaves the
 * app, so who took what, and from which address, goes in the audit log.
 */

/** An answer as one line of text: choices by their label, files by their names. */
export function answerText(field: CallField, value: unknown, fileNames: readonly string[], locale: Locale): string {
	if (field.type === 'file') return fileNames.join('; ');
	if (value === undefined || value === null || value === '') return '';
	const choiceLabel = (choice: unknown) => {
		const found = field.options.choices?.find((c) => c.value === choice);
		return found ? pick(found.label, locale).text : String(choice);
	};
	if (field.type === 'yes_no') return value === true ? 'yes' : value === false ? 'no' : String(value);
	if (field.type === 'single_choice') return choiceLabel(value);
	if (Array.isArray(value)) return value.map((item) => (field.type === 'multiple_choice' ? choiceLabel(item) : String(item))).join('; ');
	return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

const twoDecimals = (value: number | null) => (value === null ? '' : value.toFixed(2));

/**
 * The CSV of a call's applications (platform/csv.ts: UTF-8 with a byte-order
 * mark, nothing a spreadsheet could run as a formula). Columns are headed by the
 * fields' labels in `locale` (English by default), with their keys. Drafts are
 * not applications yet and are left out; erased applications keep their row
 * with empty personal cells.
 */
export async function callApplicationsCsv(db: Kysely<Database>, callId: number, { locale = 'en' as Locale } = {}): Promise<string> {
	const call = await getCall(db, callId);
	if (!call) throw new NotFoundError(`call ${callId}`);
	const fields = await listFields(db, callId);
	const criteria = await listCriteria(db, callId);
	const summaries = await callScoreSummaries(db, callId);
	const applications = await db
		.selectFrom('application')
		.selectAll()
		.where('call_id', '=', callId)
		.where('status', '!=', 'draft')
		.orderBy('submitted_at')
		.orderBy('id')
		.execute();
	const files = await db
		.selectFrom('application_file')
		.innerJoin('application', 'application.id', 'application_file.application_id')
		.select(['application_file.application_id', 'application_file.field_key', 'application_file.original_name'])
		.where('application.call_id', '=', callId)
		.orderBy('application_file.id')
		.execute();

	const header = [
		'application',
		'status',
		'submitted_at',
		'withdrawn_at',
		'name',
		'email',
		'language',
		...fields.map((field) => `${pick(field.label, locale).text} (${field.key})`),
		'shortlisted',
		'decision',
		'decided_at',
		...criteria.map((criterion) => `${pick(criterion.label, locale).text} (×${criterion.weight})`),
		'reviewers',
		'weighted_average',
		'spread'
	];
	const rows = applications.map((application) => {
		const answers = parseAnswers(application.answers);
		const summary = summaries.get(application.id);
		const own = files.filter((file) => file.application_id === application.id);
		return [
			String(application.id),
			application.status,
			application.submitted_at ?? '',
			application.withdrawn_at ?? '',
			application.applicant_name ?? '',
			application.applicant_email ?? '',
			application.locale,
			...fields.map((field) =>
				answerText(
					field,
					answers[field.key],
					own.filter((file) => file.field_key === field.key).map((file) => file.original_name),
					locale
				)
			),
			application.shortlisted === 1 ? 'yes' : 'no',
			application.decision ?? '',
			application.decided_at ?? '',
			...criteria.map((criterion) => twoDecimals(summary?.byCriterion[criterion.id] ?? null)),
			String(summary?.reviewers ?? 0),
			twoDecimals(summary?.average ?? null),
			twoDecimals(summary?.spread ?? null)
		];
	});
	return csvFile([header, ...rows]);
}

/** The most a zip of files may hold, in bytes, since it is built in memory. */
export const zipLimitBytes = 512 * 1024 * 1024;

/** A name safe as a path segment in a zip on every system. */
function segment(text: string, fallback: string): string {
	const clean = text
		.normalize('NFC')
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
		.replace(/^[.\s]+|[.\s]+$/g, '')
		.slice(0, 80);
	return clean || fallback;
}

export interface CallFilesZip {
	zip: Uint8Array;
	files: number;
	/** Storage keys recorded but not found on disk (reported, not fatal). */
	missing: string[];
}

/**
 * A zip of the files of a call's submitted applications, one folder per
 * application (`<id>-<name>/<field>-<file id>-<name>`), with the CSV at its top.
 * Built in memory: above `limitBytes` of files it refuses (`zip_too_large`)
 * rather than exhaust the server. Photos and PDFs are compressed already, so
 * they are stored as they are.
 */
export async function callFilesZip(
	db: Kysely<Database>,
	storage: ApplicationFileStorage,
	callId: number,
	{ limitBytes = zipLimitBytes, locale = 'en' as Locale } = {}
): Promise<CallFilesZip> {
	const call = await getCall(db, callId);
	if (!call) throw new NotFoundError(`call ${callId}`);
	const files = await db
		.selectFrom('application_file')
		.innerJoin('application', 'application.id', 'application_file.application_id')
		.select([
			'application_file.id',
			'application_file.application_id',
			'application_file.field_key',
			'application_file.storage_key',
			'application_file.original_name',
			'application_file.bytes',
			'application.applicant_name'
		])
		.where('application.call_id', '=', callId)
		.where('application.status', '=', 'submitted')
		.orderBy('application_file.application_id')
		.orderBy('application_file.id')
		.execute();
	const total = files.reduce((sum, file) => sum + file.bytes, 0);
	if (total > limitBytes) throw new ValidationError({ zip: 'zip_too_large' });

	const entries: Zippable = { 'applications.csv': [new TextEncoder().encode(await callApplicationsCsv(db, callId, { locale })), { level: 6 }] };
	const missing: string[] = [];
	let count = 0;
	for (const file of files) {
		let bytes: Buffer;
		try {
			bytes = await storage.read(file.storage_key);
		} catch {
			missing.push(file.storage_key);
			continue;
		}
		const folder = `${file.application_id}-${segment(file.applicant_name ?? '', 'applicant')}`;
		entries[`${folder}/${file.field_key}-${file.id}-${segment(file.original_name, 'file')}`] = [bytes, { level: 0 }];
		count++;
	}
	return { zip: zipSync(entries), files: count, missing };
}

/** The CSV of `callApplicationsCsv`, for `actor`, who is recorded in the audit log as having taken it. */
export async function exportApplicationsCsv(calls: CallsContext, actor: Actor, callId: number, ip: string): Promise<string> {
	const csv = await callApplicationsCsv(calls.db, callId);
	await recordAudit(calls.db, { action: 'call.applications-exported', actor, subject: callSubject(callId), ip }, calls.clock().toISOString());
	return csv;
}

/** The zip of `callFilesZip`, for `actor`, who is recorded in the audit log as having taken it. */
export async function exportCallFiles(calls: CallsContext, actor: Actor, callId: number, ip: string): Promise<CallFilesZip> {
	const result = await callFilesZip(calls.db, calls.storage, callId);
	await recordAudit(
		calls.db,
		{ action: 'call.files-exported', actor, subject: callSubject(callId), detail: { files: result.files, missing: result.missing.length }, ip },
		calls.clock().toISOString()
	);
	return result;
}
