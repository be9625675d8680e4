import { parse as parseCsv } from 'csv-parse/sync';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { numberFormat } from '$lib/i18n/intl';
import { locales, localeNames, type Locale } from '$lib/i18n/locales';
import type { Database, SubscriberImportIssueKind, SubscriberImportStatus, SubscriberStatus } from '$lib/server/db/schema';
import { NotFoundError, ValidationError } from '$lib/server/platform/errors';
import { recordAudit, type Actor } from '$lib/server/shared/audit';
import { csvLines } from '$lib/server/platform/csv';
import { enqueueJob, jobPayload } from '$lib/server/platform/jobs/job-queue';
import type { JobHandler } from '$lib/server/platform/jobs/job-worker';
import { adminUrls } from '$lib/admin/urls';
import { latestConsentTextVersion, subscribeFieldLimits, topicKeys } from './newsletter.service';
import { ensureSubscriberLinks } from './subscriber-links';
import { hashEmail } from './subscriber-tokens';
import type { NewsletterContext } from './newsletter.wiring';
import { runCommand } from '$lib/server/shared/command';
import { pageWindow } from '$lib/server/platform/paging';

/*
 * Importing subscribers from a CSV file that staff upload, for people who agreed
 * to receive the newsletter before it lived here (a paper list at an event, an
 * earlier mailing service). The rules:
 *
 * - Staff must say how and when these people agreed; the statement goes into each
 *   person's `imported` consent event, with the import's id.
 * - Imported people are confirmed at once (they agreed before), and their
 *   preferences and unsubscribe links are made, so every e-mail can carry them.
 * - An address already on the list as confirmed, unsubscribed or bounced is left
 *   exactly as it is and reported as skipped: an import never re-adds someone who
 *   left. A pending one (signed up, not yet confirmed) is confirmed, keeping the
 *   language and topics the person chose.
 * - Bad rows are reported (row, value, reason) and the good ones imported anyway.
 *
 * The upload only checks the file as a whole and stores it; a job does the rows in
 * chunks, each chunk committed together with the import's progress, so a process
 * that dies half-way resumes where the last chunk ended, and no row is done twice.
 */

export const importJobKind = 'newsletter.import';

export const importLimits = {
	maxBytes: 10 * 1024 * 1024,
	maxRows: 100_000,
	statementMin: 10,
	statementMax: 2000,
	fileNameMax: 200
} as const;

const chunkSizeDefault = 500;

/** Where an imported person's consent was recorded: the import's own page. */
export function importSourcePage(importId: number): string {
	return adminUrls.newsletter.import(importId);
}

/* ---------- Reading the file ---------- */

/**
 * What is wrong with a file as a whole, as a code the admin says in the staff
 * member's language; `message` (English) is for logs and the stored failure.
 */
export type ImportFileProblem =
	| { code: 'empty' | 'utf16' | 'not-utf8' | 'not-csv' | 'no-rows' | 'no-addresses' }
	| { code: 'too-large'; megabytes: number }
	| { code: 'unreadable'; detail: string }
	| { code: 'no-email-column'; found: string[] }
	| { code: 'too-many-rows'; rows: number; max: number };

export type ReadResult = { ok: true; text: string } | { ok: false; problem: ImportFileProblem; message: string };

const refused = (problem: ImportFileProblem): { ok: false; problem: ImportFileProblem; message: string } => ({ ok: false, problem, message: fileProblemEnglish(problem) });

const saveAsUtf8 =
	'In your spreadsheet program, use “Save as” and choose “CSV UTF-8 (comma delimited)” (Excel) or “Text CSV” with the character set “Unicode (UTF-8)” (LibreOffice), then upload that file.';

/** A file problem in English. */
export function fileProblemEnglish(problem: ImportFileProblem): string {
	switch (problem.code) {
		case 'empty':
			return 'Choose a CSV file to upload: the file was empty or none was chosen.';
		case 'too-large':
			return `The file is larger than ${problem.megabytes} MB. Split it into smaller files and import them one after another.`;
		case 'utf16':
			return `This file is saved as “Unicode text” (UTF-16), which is not a CSV file. ${saveAsUtf8}`;
		case 'not-utf8':
			return `This file is not saved as UTF-8, so letters such as é, ñ or नेपाली would come out wrong, and nothing was imported. ${saveAsUtf8}`;
		case 'not-csv':
			return `This does not look like a CSV file. ${saveAsUtf8}`;
		case 'unreadable':
			return `The file could not be read as CSV (${problem.detail}). Check that quotes are closed, or save it again from the spreadsheet program.`;
		case 'no-rows':
			return 'The file has no rows.';
		case 'no-email-column': {
			const found = problem.found.map((cell) => `“${cell}”`).join(', ');
			return `The first row must name the columns, one of them “email”${found ? ` (this file’s first row has ${found})` : ''}. Add a first row such as: email,name,language,topics`;
		}
		case 'no-addresses':
			return 'The file has a header row but no addresses under it.';
		case 'too-many-rows':
			return `The file has ${numberFormat('en').format(problem.rows)} rows; an import takes at most ${numberFormat('en').format(problem.max)}. Split it into smaller files.`;
	}
}

/**
 * The file's text, when it is UTF-8 (with or without a byte-order mark). Other
 * encodings are refused rather than guessed: a wrong guess would put garbled
 * names into the list without anyone noticing.
 */
export function readImportFile(bytes: Uint8Array): ReadResult {
	if (bytes.length === 0) return refused({ code: 'empty' });
	if (bytes.length > importLimits.maxBytes) return refused({ code: 'too-large', megabytes: importLimits.maxBytes / (1024 * 1024) });
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return refused({ code: 'utf16' });
	let text: string;
	try {
		// fatal: invalid byte sequences throw instead of becoming U+FFFD; the BOM, if any, is dropped.
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return refused({ code: 'not-utf8' });
	}
	if (text.includes('\u0000')) return refused({ code: 'not-csv' });
	return { ok: true, text };
}

/** A row as written in the file; every cell is text, '' when absent. */
export interface ImportFileRow {
	/** As a spreadsheet numbers it (the header is row 1). */
	row: number;
	email: string;
	name: string;
	language: string;
	topics: string;
}

export type ParseResult = { ok: true; rows: ImportFileRow[]; delimiter: string } | { ok: false; problem: ImportFileProblem; message: string };

const columnAliases: Record<'email' | 'name' | 'language' | 'topics', string[]> = {
	email: ['email', 'emailaddress', 'mail'],
	name: ['name', 'fullname'],
	language: ['language', 'lang', 'locale'],
	topics: ['topics', 'topic']
};

const normalizeHeader = (cell: string) => cell.trim().toLowerCase().replace(/[\s_-]+/g, '');

/** Comma, semicolon (spreadsheets in much of Europe) or tab: whichever the first line uses most. */
function detectDelimiter(firstLine: string): string {
	const counts = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
	counts.sort((a, b) => b.n - a.n);
	return counts[0]!.n > 0 ? counts[0]!.d : ',';
}

/** The rows of the file's text, by column name; blank rows are left out (their numbers stay). */
export function parseImportText(text: string): ParseResult {
	let body = text.replace(/^\uFEFF/, '');
	let delimiter: string | undefined;
	// Excel may write a first line "sep=;" naming the delimiter.
	const sep = /^sep=(.)\r?\n/i.exec(body);
	if (sep) {
		delimiter = sep[1];
		body = body.slice(sep[0].length);
	}
	delimiter ??= detectDelimiter(body.split(/\r?\n/, 1)[0] ?? '');
	let records: string[][];
	try {
		records = parseCsv(body, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
	} catch (e) {
		const detail = e instanceof Error ? e.message : String(e);
		return refused({ code: 'unreadable', detail });
	}
	const first = records[0];
	if (!first) return refused({ code: 'no-rows' });

	const header = first.map(normalizeHeader);
	const indexOf = (column: keyof typeof columnAliases) => header.findIndex((cell) => columnAliases[column].includes(cell));
	let columns = { email: indexOf('email'), name: indexOf('name'), language: indexOf('language'), topics: indexOf('topics') };
	let dataStart = 1;
	if (columns.email < 0) {
		// No header row, but the first cell is an address: take the columns in the documented order.
		if (first[0]?.includes('@')) {
			columns = { email: 0, name: 1, language: 2, topics: 3 };
			dataStart = 0;
		} else {
			const found = first.filter((cell) => cell.trim() !== '').slice(0, 6).map((cell) => cell.trim().slice(0, 40));
			return refused({ code: 'no-email-column', found });
		}
	}
	const cell = (record: string[], index: number) => (index >= 0 ? (record[index] ?? '').trim() : '');
	const rows: ImportFileRow[] = [];
	for (let i = dataStart; i < records.length; i++) {
		const record = records[i]!;
		if (record.every((value) => value.trim() === '')) continue;
		rows.push({
			row: i + 1,
			email: cell(record, columns.email),
			name: cell(record, columns.name),
			language: cell(record, columns.language),
			topics: cell(record, columns.topics)
		});
	}
	if (rows.length === 0) return refused({ code: 'no-addresses' });
	if (rows.length > importLimits.maxRows) return refused({ code: 'too-many-rows', rows: rows.length, max: importLimits.maxRows });
	return { ok: true, rows, delimiter };
}

/* ---------- Checking rows ---------- */

/**
 * Why a row was not imported, as a code: stored so, and said in the staff
 * member's language where it is shown (the import page, the report's CSV).
 * `other` is a text from before the codes that matches none of them.
 */
export type ImportReason =
	| { code: 'email-empty' | 'email-invalid' | 'unknown-language' | 'already-subscribed' | 'bounced' }
	| { code: 'duplicate'; firstRow: number }
	| { code: 'name-too-long'; max: number }
	| { code: 'unknown-topic'; topics: string[] }
	| { code: 'unsubscribed'; on: string | null }
	| { code: 'other'; text: string };

/** The reason as stored: the code, and after a colon its one detail. */
export function encodeImportReason(reason: ImportReason): string {
	switch (reason.code) {
		case 'duplicate':
			return `duplicate:${reason.firstRow}`;
		case 'name-too-long':
			return `name-too-long:${reason.max}`;
		case 'unknown-topic':
			return `unknown-topic:${reason.topics.join(',')}`;
		case 'unsubscribed':
			return `unsubscribed:${reason.on ?? ''}`;
		case 'other':
			return reason.text;
		default:
			return reason.code;
	}
}

const plainCodes = new Set(['email-empty', 'email-invalid', 'unknown-language', 'already-subscribed', 'bounced']);

/** The English texts stored before the codes, so that older reports read the same as new ones. */
const legacyReasons: [RegExp, (match: RegExpExecArray) => ImportReason][] = [
	[/^Invalid address: the e-mail cell is empty\.$/, () => ({ code: 'email-empty' })],
	[/^Invalid address: this is not an e-mail address\.$/, () => ({ code: 'email-invalid' })],
	[/^Duplicate in the file: the same address is on row (\d+)\.$/, (m) => ({ code: 'duplicate', firstRow: Number(m[1]) })],
	[/^Name too long: at most (\d+) characters\.$/, (m) => ({ code: 'name-too-long', max: Number(m[1]) })],
	[/^Unknown language: /, () => ({ code: 'unknown-language' })],
	[/^Unknown topic: the topics are (.*)\.$/, (m) => ({ code: 'unknown-topic', topics: m[1] === 'not set up yet' ? [] : m[1]!.split(', ') })],
	[/^Already subscribed: left as it is\.$/, () => ({ code: 'already-subscribed' })],
	[/^Unsubscribed on (\d{4}-\d{2}-\d{2}|an earlier date): /, (m) => ({ code: 'unsubscribed', on: m[1] === 'an earlier date' ? null : m[1]! })],
	[/^Bounced \(/, () => ({ code: 'bounced' })]
];

/** A stored reason, whether a code or an English text from before the codes. */
export function decodeImportReason(stored: string): ImportReason {
	if (plainCodes.has(stored)) return { code: stored } as ImportReason;
	const coded = /^(duplicate|name-too-long|unknown-topic|unsubscribed):(.*)$/.exec(stored);
	if (coded) {
		const [, code, detail = ''] = coded;
		if (code === 'duplicate' && /^\d+$/.test(detail)) return { code, firstRow: Number(detail) };
		if (code === 'name-too-long' && /^\d+$/.test(detail)) return { code, max: Number(detail) };
		if (code === 'unknown-topic') return { code, topics: detail === '' ? [] : detail.split(',') };
		if (code === 'unsubscribed') return { code, on: detail || null };
	}
	for (const [pattern, reason] of legacyReasons) {
		const match = pattern.exec(stored);
		if (match) return reason(match);
	}
	return { code: 'other', text: stored };
}

/** A reason in English (the report's default, and for tests and logs). */
export function importReasonEnglish(reason: ImportReason): string {
	switch (reason.code) {
		case 'email-empty':
			return 'Invalid address: the e-mail cell is empty.';
		case 'email-invalid':
			return 'Invalid address: this is not an e-mail address.';
		case 'duplicate':
			return `Duplicate in the file: the same address is on row ${reason.firstRow}.`;
		case 'name-too-long':
			return `Name too long: at most ${reason.max} characters.`;
		case 'unknown-language':
			return `Unknown language: use one of ${locales.join(', ')} (or leave it empty for the default).`;
		case 'unknown-topic':
			return `Unknown topic: the topics are ${reason.topics.join(', ') || 'not set up yet'}.`;
		case 'already-subscribed':
			return 'Already subscribed: left as it is.';
		case 'unsubscribed':
			return `Unsubscribed on ${reason.on ?? 'an earlier date'}: an import never adds back someone who left.`;
		case 'bounced':
			return 'Bounced (mail to this address could not be delivered): left as it is.';
		case 'other':
			return reason.text;
	}
}

export type CheckedRow =
	| { row: number; outcome: 'valid'; email: string; name: string | null; locale: Locale; topics: string[] }
	| { row: number; outcome: 'error'; email: string; value: string; reason: ImportReason };

const emailSchema = z.email().max(subscribeFieldLimits.email);

/** Language codes, and the languages' names in English and in themselves, as people write them in spreadsheets. */
const languageNames: Record<string, Locale> = (() => {
	const english: Record<Locale, string[]> = { en: ['english'], ne: ['nepali'], id: ['indonesian', 'bahasa', 'bahasa indonesia'], es: ['spanish', 'espanol'] };
	const names: Record<string, Locale> = {};
	for (const locale of locales) {
		names[locale] = locale;
		names[localeNames[locale].toLowerCase()] = locale;
		for (const name of english[locale]) names[name] = locale;
	}
	return names;
})();

export function localeOf(value: string): Locale | undefined {
	const text = value.trim().toLowerCase();
	// "en-GB", "es_MX": the language part is enough.
	return languageNames[text] ?? languageNames[text.split(/[-_]/)[0] ?? ''];
}

/** `Ana Pérez <ana@example.org>` as mail programs export it: the address, and the name. */
function splitMailbox(value: string): { address: string; name: string } {
	const match = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+)>\s*$/.exec(value);
	return match ? { address: match[2]!, name: match[1]!.trim() } : { address: value.trim(), name: '' };
}

/**
 * Checks every row of a file: a usable address, a known language, known topics,
 * and each address once (later repeats are errors naming the first row).
 */
export function checkRows(
	rows: readonly ImportFileRow[],
	options: { knownTopics: readonly string[]; defaultLocale: Locale; defaultTopics: readonly string[] }
): CheckedRow[] {
	const known = new Set(options.knownTopics);
	const firstRowOf = new Map<string, number>();
	return rows.map((r): CheckedRow => {
		const error = (value: string, reason: ImportReason): CheckedRow => ({ row: r.row, outcome: 'error', email: r.email, value, reason });
		const mailbox = splitMailbox(r.email);
		const email = mailbox.address.toLowerCase();
		if (email === '') return error('', { code: 'email-empty' });
		if (!emailSchema.safeParse(email).success) return error(r.email, { code: 'email-invalid' });
		const first = firstRowOf.get(email);
		if (first !== undefined) return error(r.email, { code: 'duplicate', firstRow: first });
		firstRowOf.set(email, r.row);

		const name = r.name || mailbox.name;
		if (name.length > subscribeFieldLimits.name) return error(name, { code: 'name-too-long', max: subscribeFieldLimits.name });
		let locale = options.defaultLocale;
		if (r.language) {
			const found = localeOf(r.language);
			if (!found) return error(r.language, { code: 'unknown-language' });
			locale = found;
		}
		let topics = [...options.defaultTopics];
		if (r.topics) {
			topics = [...new Set(r.topics.split(/[;,\s]+/).map((t) => t.trim().toLowerCase()).filter(Boolean))];
			const unknown = topics.find((t) => !known.has(t));
			if (unknown !== undefined) return error(unknown, { code: 'unknown-topic', topics: [...known] });
		}
		return { row: r.row, outcome: 'valid', email, name: name || null, locale, topics };
	});
}

/* ---------- Starting an import ---------- */

/** A refused upload: the messages by field, and what is wrong with the file (if anything) as a code. */
export class ImportRefusedError extends ValidationError {
	constructor(
		issues: Record<string, string>,
		readonly fileProblem: ImportFileProblem | null
	) {
		super(issues);
	}
}

export interface StartImportInput {
	fileName: string;
	bytes: Uint8Array;
	statement: string;
	/** The checkbox: "these people agreed to receive the newsletter". */
	affirmed: boolean;
	defaultLocale: string;
	defaultTopics: readonly string[];
	/** Where staff asked from, for the audit log. */
	ip?: string | null;
}

/**
 * Checks the form and the file as a whole, stores the import and queues its job.
 * Throws ValidationError with messages by field (`file`, `statement`, `affirmed`,
 * `defaultLocale`, `defaultTopics`); rows are checked by the job.
 */
export async function startImport(newsletter: NewsletterContext, actor: Actor, input: StartImportInput): Promise<{ id: number; totalRows: number }> {
	const { db } = newsletter;
	const issues: Record<string, string> = {};
	const statement = input.statement.trim();
	if (statement.length < importLimits.statementMin) {
		issues.statement =
			'Say how and when these people agreed to receive the newsletter, for example: “Signed the newsletter list at our Pokhara festival stall, March 2026.” Nothing is imported without it.';
	} else if (statement.length > importLimits.statementMax) {
		issues.statement = `Keep it under ${importLimits.statementMax} characters.`;
	}
	if (!input.affirmed) issues.affirmed = 'Tick the box to confirm that everyone in the file agreed to receive the newsletter.';
	const defaultLocale = localeOf(input.defaultLocale);
	if (!defaultLocale) issues.defaultLocale = 'Choose the language for rows that do not name one.';
	const known = new Set(await topicKeys(db));
	const defaultTopics = [...new Set(input.defaultTopics)];
	if (defaultTopics.some((t) => !known.has(t))) issues.defaultTopics = 'One of these topics no longer exists; choose again.';

	const read = readImportFile(input.bytes);
	const parsed = read.ok ? parseImportText(read.text) : read;
	if (!parsed.ok) issues.file = parsed.message;
	if (Object.keys(issues).length > 0 || !read.ok || !parsed.ok || !defaultLocale) throw new ImportRefusedError(issues, parsed.ok ? null : parsed.problem);

	const fileName = (input.fileName.trim() || 'upload.csv').slice(0, importLimits.fileNameMax);
	return runCommand(newsletter, actor, async ({ trx, now, audit }) => {
		const at = now.toISOString();
		const row = await trx
			.insertInto('subscriber_import')
			.values({
				status: 'queued',
				file_name: fileName,
				csv: read.text,
				default_locale: defaultLocale,
				default_topics: JSON.stringify(defaultTopics),
				consent_statement: statement,
				total_rows: parsed.rows.length,
				failure: null,
				created_by: actor.id,
				created_by_email: actor.email,
				created_at: at,
				started_at: null,
				finished_at: null,
				updated_at: at
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await enqueueJob(trx, importJobKind, { importId: row.id }, { idempotencyKey: `${importJobKind}:${row.id}` });
		await audit({
			action: 'newsletter.import-started',
			subject: `subscriber-import:${row.id}`,
			detail: { rows: parsed.rows.length, fileName: input.fileName },
			ip: input.ip
		});
		return { id: row.id, totalRows: parsed.rows.length };
	});
}

/* ---------- Running an import (the job) ---------- */

export interface ProcessOptions {
	/** The secret preferences and unsubscribe links are derived with (the app's auth secret). */
	linkSecret: string;
	now?: () => number;
	chunkSize?: number;
	/** Stop after this many chunks, as a process killed at that moment would (for tests). */
	stopAfterChunks?: number;
}

interface ExistingSubscriber {
	id: number;
	email: string;
	name: string | null;
	status: SubscriberStatus;
	unsubscribed_at: string | null;
}

interface Issue {
	row: number;
	kind: SubscriberImportIssueKind;
	email: string;
	value: string;
	reason: ImportReason;
}

/** Why an address already on the list is left alone; null when the import may confirm it. */
function skipReason(existing: ExistingSubscriber): ImportReason | null {
	switch (existing.status) {
		case 'pending':
			return null;
		case 'confirmed':
			return { code: 'already-subscribed' };
		case 'unsubscribed':
			return { code: 'unsubscribed', on: existing.unsubscribed_at ? existing.unsubscribed_at.slice(0, 10) : null };
		case 'bounced':
			return { code: 'bounced' };
	}
}

/**
 * Runs (or resumes) an import to its end. Safe to run again at any point, and by
 * two workers at once: each chunk first moves the import's cursor, which only one
 * of them can do, and the chunk's rows commit with it.
 */
export async function processImport(db: Kysely<Database>, importId: number, options: ProcessOptions): Promise<void> {
	const clock = options.now ?? Date.now;
	const chunkSize = Math.max(1, options.chunkSize ?? chunkSizeDefault);
	const job = await db.selectFrom('subscriber_import').selectAll().where('id', '=', importId).executeTakeFirst();
	if (!job || job.status === 'done' || job.status === 'failed') return;

	const startedAt = new Date(clock()).toISOString();
	await db
		.updateTable('subscriber_import')
		.set((eb) => ({ status: 'running', started_at: eb.fn.coalesce('started_at', eb.val(startedAt)), updated_at: startedAt }))
		.where('id', '=', importId)
		.where('status', 'in', ['queued', 'running'])
		.execute();

	const parsed = parseImportText(job.csv);
	if (!parsed.ok) {
		await markImportFailed(db, importId, parsed.message, clock());
		return;
	}
	const defaultLocale = localeOf(job.default_locale) ?? 'en';
	const knownTopics = await topicKeys(db);
	const checked = checkRows(parsed.rows, {
		knownTopics,
		defaultLocale,
		// A default topic deleted since the upload is dropped rather than stored.
		defaultTopics: (JSON.parse(job.default_topics) as string[]).filter((t) => knownTopics.includes(t))
	});
	const consentTextVersion = await latestConsentTextVersion(db);
	if (consentTextVersion === null) throw new Error('There is no consent text; publish one before importing.');

	let chunks = 0;
	for (;;) {
		if (options.stopAfterChunks !== undefined && chunks >= options.stopAfterChunks) return;
		const more = await db.transaction().execute((trx) =>
			processChunk(trx, { importId, checked, chunkSize, consentTextVersion, statement: job.consent_statement, linkSecret: options.linkSecret, now: clock() })
		);
		chunks++;
		if (!more) break;
	}

	const finishedAt = new Date(clock()).toISOString();
	const finished = await db
		.updateTable('subscriber_import')
		// The file's addresses are not kept once the rows are done; the report keeps what staff need.
		.set({ status: 'done', csv: '', finished_at: finishedAt, updated_at: finishedAt })
		.where('id', '=', importId)
		.where('status', '=', 'running')
		.executeTakeFirst();
	if (Number(finished.numUpdatedRows) === 0) return;
	const done = await db.selectFrom('subscriber_import').selectAll().where('id', '=', importId).executeTakeFirstOrThrow();
	await recordAudit(
		db,
		{
			action: 'newsletter.import-finished',
			actor: done.created_by && done.created_by_email ? { id: done.created_by, email: done.created_by_email } : null,
			subject: `subscriber-import:${importId}`,
			detail: { rows: done.total_rows, imported: done.imported_count, skipped: done.skipped_count, errors: done.error_count }
		},
		finishedAt
	);
}

/** One chunk, in the caller's transaction. Returns false when there was nothing left to do. */
async function processChunk(
	trx: Transaction<Database>,
	context: {
		importId: number;
		checked: readonly CheckedRow[];
		chunkSize: number;
		consentTextVersion: number;
		statement: string;
		linkSecret: string;
		now: number;
	}
): Promise<boolean> {
	const { importId, checked } = context;
	const at = new Date(context.now).toISOString();
	const current = await trx
		.selectFrom('subscriber_import')
		.select(['processed_rows', 'status'])
		.where('id', '=', importId)
		.executeTakeFirstOrThrow();
	const start = current.processed_rows;
	if (current.status !== 'running' || start >= checked.length) return false;
	const end = Math.min(start + context.chunkSize, checked.length);
	// Claim the chunk first: on PostgreSQL this locks the row, so a second worker waits here and then finds the cursor moved.
	const claimed = await trx
		.updateTable('subscriber_import')
		.set({ processed_rows: end, updated_at: at })
		.where('id', '=', importId)
		.where('processed_rows', '=', start)
		.executeTakeFirst();
	if (Number(claimed.numUpdatedRows) === 0) return true;

	const rows = checked.slice(start, end);
	const issues: Issue[] = [];
	const valid: Extract<CheckedRow, { outcome: 'valid' }>[] = [];
	for (const row of rows) {
		if (row.outcome === 'error') issues.push({ row: row.row, kind: 'error', email: row.email, value: row.value, reason: row.reason });
		else valid.push(row);
	}

	const existing = await existingByEmail(trx, valid.map((r) => r.email));
	const fresh = valid.filter((r) => !existing.has(r.email));
	const inserted = new Map<string, number>();
	for (let i = 0; i < fresh.length; i += 200) {
		const batch = fresh.slice(i, i + 200);
		const ids = await trx
			.insertInto('subscriber')
			.values(
				batch.map((r) => ({
					email: r.email,
					name: r.name,
					locale: r.locale,
					status: 'confirmed' as const,
					paused: 0,
					topics: JSON.stringify(r.topics),
					// The row needs a version: the current text is the one their preferences page shows from now on.
					consent_text_version: context.consentTextVersion,
					created_at: at,
					confirmed_at: at,
					unsubscribed_at: null,
					updated_at: at
				}))
			)
			// Someone signing up at this very moment wins; the row is then handled as already on the list.
			.onConflict((oc) => oc.column('email').doNothing())
			.returning(['id', 'email'])
			.execute();
		for (const { id, email } of ids) inserted.set(email, id);
	}
	const raced = fresh.filter((r) => !inserted.has(r.email)).map((r) => r.email);
	if (raced.length > 0) for (const [email, s] of await existingByEmail(trx, raced)) existing.set(email, s);

	const source = importSourcePage(importId);
	const alreadyConfirmed = [...existing.values()].filter((s) => s.status === 'confirmed').map((s) => s.id);
	// Confirmed by this very import on an earlier run: counted as imported again, not as skipped, and not recorded twice.
	const importedEarlier = new Set<number>();
	for (let i = 0; i < alreadyConfirmed.length; i += 500) {
		const found = await trx
			.selectFrom('consent_event')
			.select('subscriber_id')
			.where('subscriber_id', 'in', alreadyConfirmed.slice(i, i + 500))
			.where('action', '=', 'imported')
			.where('source_page', '=', source)
			.execute();
		for (const { subscriber_id } of found) if (subscriber_id !== null) importedEarlier.add(subscriber_id);
	}

	const newlyImported: { id: number; email: string; row: number }[] = [];
	let imported = 0;
	for (const row of valid) {
		const id = inserted.get(row.email);
		if (id !== undefined) {
			newlyImported.push({ id, email: row.email, row: row.row });
			imported++;
			continue;
		}
		const s = existing.get(row.email)!;
		if (importedEarlier.has(s.id)) {
			imported++;
			continue;
		}
		const reason = skipReason(s);
		if (reason !== null) {
			issues.push({ row: row.row, kind: 'skipped', email: row.email, value: row.email, reason });
			continue;
		}
		// Pending: they signed up themselves and had not confirmed yet; the prior consent confirms them.
		await trx
			.updateTable('subscriber')
			.set({ status: 'confirmed', confirmed_at: at, unsubscribed_at: null, name: s.name ?? row.name, updated_at: at })
			.where('id', '=', s.id)
			.where('status', '=', 'pending')
			.execute();
		await trx
			.updateTable('subscriber_token')
			.set({ used_at: at })
			.where('subscriber_id', '=', s.id)
			.where('purpose', '=', 'confirm')
			.where('used_at', 'is', null)
			.execute();
		newlyImported.push({ id: s.id, email: row.email, row: row.row });
		imported++;
	}

	for (let i = 0; i < newlyImported.length; i += 200) {
		await trx
			.insertInto('consent_event')
			.values(
				newlyImported.slice(i, i + 200).map((s) => ({
					subscriber_id: s.id,
					email_hash: hashEmail(s.email),
					action: 'imported' as const,
					// They agreed to the organization's earlier wording, which the statement describes, not to a version here.
					consent_text_version: null,
					source_page: source,
					method: 'import',
					at,
					detail: JSON.stringify({ importId, statement: context.statement, row: s.row })
				}))
			)
			.execute();
	}
	await ensureSubscriberLinks(trx, context.linkSecret, newlyImported, context.now);

	for (let i = 0; i < issues.length; i += 200) {
		await trx
			.insertInto('subscriber_import_issue')
			.values(
				issues.slice(i, i + 200).map((issue) => ({
					import_id: importId,
					row_number: issue.row,
					kind: issue.kind,
					email: issue.email.slice(0, 400),
					value: issue.value.slice(0, 400),
					reason: encodeImportReason(issue.reason)
				}))
			)
			.onConflict((oc) => oc.columns(['import_id', 'row_number']).doNothing())
			.execute();
	}
	const skipped = issues.filter((i) => i.kind === 'skipped').length;
	await trx
		.updateTable('subscriber_import')
		.set((eb) => ({
			imported_count: eb('imported_count', '+', imported),
			skipped_count: eb('skipped_count', '+', skipped),
			error_count: eb('error_count', '+', issues.length - skipped)
		}))
		.where('id', '=', importId)
		.execute();
	return end < checked.length;
}

async function existingByEmail(db: Kysely<Database>, emails: readonly string[]): Promise<Map<string, ExistingSubscriber>> {
	const found = new Map<string, ExistingSubscriber>();
	for (let i = 0; i < emails.length; i += 500) {
		const rows = await db
			.selectFrom('subscriber')
			.select(['id', 'email', 'name', 'status', 'unsubscribed_at'])
			.where('email', 'in', emails.slice(i, i + 500))
			.execute();
		for (const row of rows) found.set(row.email, row);
	}
	return found;
}

async function markImportFailed(db: Kysely<Database>, importId: number, failure: string, now: number) {
	const at = new Date(now).toISOString();
	await db
		.updateTable('subscriber_import')
		.set({ status: 'failed', failure, csv: '', finished_at: at, updated_at: at })
		.where('id', '=', importId)
		.where('status', 'in', ['queued', 'running'])
		.execute();
}

const importPayload = z.object({ importId: z.number().int().positive() });

/** The import job. When its last attempt fails, the import says so instead of looking busy for ever. */
export function subscriberImportJobHandlers(options: { linkSecret: string }): Record<string, JobHandler> {
	return {
		[importJobKind]: async (db, job) => {
			const { importId } = importPayload.parse(jobPayload(job));
			try {
				await processImport(db, importId, { linkSecret: options.linkSecret });
			} catch (error) {
				if (job.attempts >= job.max_attempts) {
					const progress = await db.selectFrom('subscriber_import').select('processed_rows').where('id', '=', importId).executeTakeFirst();
					const message = error instanceof Error ? error.message : String(error);
					await markImportFailed(
						db,
						importId,
						`The import stopped after ${progress?.processed_rows ?? 0} rows and was not finished (${message.slice(0, 300)}). The rows counted as imported are on the list; upload the file again to do the rest.`,
						Date.now()
					);
				}
				throw error;
			}
		}
	};
}

/* ---------- Reading imports for the admin ---------- */

export interface ImportProgress {
	id: number;
	status: SubscriberImportStatus;
	fileName: string;
	totalRows: number;
	processedRows: number;
	imported: number;
	skipped: number;
	errors: number;
	failure: string | null;
	statement: string;
	defaultLocale: string;
	defaultTopics: string[];
	createdByEmail: string | null;
	createdAt: string;
	startedAt: string | null;
	finishedAt: string | null;
}

const progressColumns = [
	'id',
	'status',
	'file_name',
	'default_locale',
	'default_topics',
	'consent_statement',
	'total_rows',
	'processed_rows',
	'imported_count',
	'skipped_count',
	'error_count',
	'failure',
	'created_by',
	'created_by_email',
	'created_at',
	'started_at',
	'finished_at',
	'updated_at'
] as const;

function progressQuery(db: Kysely<Database>) {
	// Everything but the file itself, which can be 10 MB.
	return db.selectFrom('subscriber_import').select(progressColumns);
}

type ProgressRow = Awaited<ReturnType<ReturnType<typeof progressQuery>['execute']>>[number];

function progressOf(row: ProgressRow): ImportProgress {
	return {
		id: row.id,
		status: row.status,
		fileName: row.file_name,
		totalRows: Number(row.total_rows),
		processedRows: Number(row.processed_rows),
		imported: Number(row.imported_count),
		skipped: Number(row.skipped_count),
		errors: Number(row.error_count),
		failure: row.failure,
		statement: row.consent_statement,
		defaultLocale: row.default_locale,
		defaultTopics: JSON.parse(row.default_topics) as string[],
		createdByEmail: row.created_by_email,
		createdAt: row.created_at,
		startedAt: row.started_at,
		finishedAt: row.finished_at
	};
}

export async function getImportProgress(db: Kysely<Database>, id: number): Promise<ImportProgress> {
	const row = await progressQuery(db).where('id', '=', id).executeTakeFirst();
	if (!row) throw new NotFoundError(`subscriber import ${id}`);
	return progressOf(row);
}

/** The latest imports, newest first. */
export async function listImports(db: Kysely<Database>, limit = 20): Promise<ImportProgress[]> {
	const rows = await progressQuery(db).orderBy('id', 'desc').limit(limit).execute();
	return rows.map(progressOf);
}

export interface ImportIssue {
	row: number;
	kind: SubscriberImportIssueKind;
	email: string;
	value: string;
	reason: ImportReason;
}

/** One page of an import's report, in file order. */
export async function listImportIssues(
	db: Kysely<Database>,
	importId: number,
	paging: { page?: number; perPage?: number } = {}
): Promise<{ rows: ImportIssue[]; total: number; page: number; perPage: number }> {
	const { page, size: perPage, offset } = pageWindow(paging.page, paging.perPage, { maxSize: 500, defaultSize: 100 });
	const [rows, count] = await Promise.all([
		db
			.selectFrom('subscriber_import_issue')
			.select(['row_number', 'kind', 'email', 'value', 'reason'])
			.where('import_id', '=', importId)
			.orderBy('row_number')
			.limit(perPage)
			.offset(offset)
			.execute(),
		db
			.selectFrom('subscriber_import_issue')
			.select((eb) => eb.fn.countAll<string | number>().as('n'))
			.where('import_id', '=', importId)
			.executeTakeFirstOrThrow()
	]);
	return {
		rows: rows.map((r) => ({ row: r.row_number, kind: r.kind, email: r.email, value: r.value, reason: decodeImportReason(r.reason) })),
		total: Number(count.n),
		page,
		perPage
	};
}

/** How the report's CSV says a reason and an outcome: English unless the caller says them otherwise. */
export interface ReportWords {
	reason: (reason: ImportReason) => string;
	outcome: (kind: SubscriberImportIssueKind) => string;
}

const englishReport: ReportWords = {
	reason: importReasonEnglish,
	outcome: (kind) => (kind === 'error' ? 'not imported' : 'skipped')
};

/**
 * The report as CSV lines, a batch at a time (header first), in file order. The
 * column names stay as the import reads them, so the corrected file imports again.
 */
export async function* importIssueCsvBatches(db: Kysely<Database>, importId: number, batchSize = 2000, words: ReportWords = englishReport): AsyncGenerator<string> {
	yield csvLines([['row', 'email', 'value', 'reason', 'outcome']]);
	let after = 0;
	for (;;) {
		const rows = await db
			.selectFrom('subscriber_import_issue')
			.select(['row_number', 'kind', 'email', 'value', 'reason'])
			.where('import_id', '=', importId)
			.where('row_number', '>', after)
			.orderBy('row_number')
			.limit(batchSize)
			.execute();
		if (rows.length === 0) return;
		yield csvLines(rows.map((r) => [r.row_number, r.email, r.value, words.reason(decodeImportReason(r.reason)), words.outcome(r.kind)]));
		if (rows.length < batchSize) return;
		after = rows[rows.length - 1]!.row_number;
	}
}
