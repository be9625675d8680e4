import { randomUUID } from 'node:crypto';
import { createWriteStream, openAsBlob } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Busboy } from '@fastify/busboy';
import type { Locale, Text } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages';
import { pick } from '$lib/server/shared/localized-text';
import type { AnswerErrorCode, FormValue } from './answer-validation';
import type { UploadRefusal } from './application-files';
import type { ApplicationFile, ApplicationProblem } from './applications.service';
import type { CallField, UploadMediaType } from './call-fields';
import { callPhase, formatDeadline, formatTimeLeft, timeLeft, type CallPhase, type FormattedDeadline } from './call-time';
import type { OpenCall } from './calls.service';
import { countryName, countryOptions } from './countries';

/*
 * What the public call pages show, prepared on the server in the visitor's
 * language (texts staff left untranslated fall back to English, marked by their
 * `lang`), and how the application form is read and its errors worded.
 */

// ---------------------------------------------------------------- wording

/** Every code an application form can come back with, beside a field or for the whole form. */
export type FormErrorCode = AnswerErrorCode | UploadRefusal | 'field_unknown' | 'consent_required' | 'eligibility_required' | 'locale_invalid';

/** A message without parameters, in the page's language or the one given. */
type Wording = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

const errorMessages: Record<FormErrorCode, Wording> = {
	required: m.answer_error_required,
	too_long: m.answer_error_too_long,
	too_many_words: m.answer_error_too_many_words,
	email_invalid: m.answer_error_email_invalid,
	url_invalid: m.answer_error_url_invalid,
	number_invalid: m.answer_error_number_invalid,
	number_out_of_range: m.answer_error_number_out_of_range,
	date_invalid: m.answer_error_date_invalid,
	choice_unknown: m.answer_error_choice_unknown,
	too_many_choices: m.answer_error_too_many_choices,
	yes_no_invalid: m.answer_error_yes_no_invalid,
	country_unknown: m.answer_error_country_unknown,
	too_many_files: m.answer_error_too_many_files,
	file_type_not_allowed: m.answer_error_file_type_not_allowed,
	file_too_large: m.answer_error_file_too_large,
	file_damaged: m.answer_error_file_damaged,
	file_too_complex: m.answer_error_file_too_complex,
	file_missing: m.answer_error_file_missing,
	field_unknown: m.answer_error_field_unknown,
	consent_required: m.answer_error_consent_required,
	eligibility_required: m.answer_error_eligibility_required,
	locale_invalid: m.answer_error_locale_invalid
};

const problemMessages: Record<ApplicationProblem, Wording> = {
	unknown: m.application_problem_unknown,
	call_not_found: m.application_problem_call_not_found,
	call_not_open: m.application_problem_call_not_open,
	call_closed: m.application_problem_call_closed,
	deadline_passed: m.application_problem_deadline_passed,
	already_submitted: m.application_problem_already_submitted,
	not_editable: m.application_problem_not_editable,
	submission_limit_reached: m.application_problem_submission_limit_reached,
	duplicate_submission: m.application_problem_duplicate_submission
};

/** For the test that every code is worded in every language. */
export const formErrorCodes = Object.keys(errorMessages) as FormErrorCode[];
export const applicationProblems = Object.keys(problemMessages) as ApplicationProblem[];

/** The message for an error code in the page's language; an unexpected code reads as "check this answer". */
export function formErrorMessage(code: string, locale?: Locale): string {
	return (errorMessages[code as FormErrorCode] ?? m.answer_error_choice_unknown)({}, locale ? { locale } : undefined);
}

export function problemMessage(problem: ApplicationProblem, locale?: Locale): string {
	return problemMessages[problem]({}, locale ? { locale } : undefined);
}

/** The HTTP status that fits a problem: gone for a closed call, conflict for the rest. */
export function problemStatus(problem: ApplicationProblem): 404 | 409 | 410 {
	if (problem === 'unknown' || problem === 'call_not_found') return 404;
	if (problem === 'deadline_passed' || problem === 'call_closed') return 410;
	return 409;
}

/** True for the problems that mean the call took nothing because of its dates or status. */
export function isLate(problem: ApplicationProblem): boolean {
	return problem === 'deadline_passed' || problem === 'call_closed';
}

/**
 * A service's issues (`email`, `answers.<key>`, `consent`…) as the form's
 * messages, keyed by input name (`email`, `field.<key>`, `consent`…).
 */
export function issuesToErrors(issues: Record<string, string>): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const [key, code] of Object.entries(issues)) {
		const name = key.startsWith('answers.') ? `field.${key.slice('answers.'.length)}` : key;
		errors[name] ??= formErrorMessage(code);
	}
	return errors;
}

/** "2.4 MB", "512 kB", as people in `locale` write sizes. */
export function formatBytes(bytes: number, locale: string): string {
	const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [Math.max(bytes / 1000, 1), 'kilobyte'];
	return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}

// ---------------------------------------------------------------- calls

export interface CallCardView {
	slug: string;
	kind: string;
	title: Text;
	summary: Text;
	phase: CallPhase;
	opens: string;
	deadline: FormattedDeadline;
}

export function kindLabel(kind: OpenCall['kind']): string {
	return kind === 'artists' ? m.calls_kind_artists() : kind === 'hosts' ? m.calls_kind_hosts() : m.calls_kind_volunteers();
}

const dayFormat: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric' };

export function callCard(call: OpenCall, locale: Locale, nowMs: number): CallCardView {
	return {
		slug: call.slug,
		kind: kindLabel(call.kind),
		title: pick(call.title, locale),
		summary: pick(call.summary, locale),
		phase: callPhase(call, nowMs),
		opens: new Intl.DateTimeFormat(locale, { ...dayFormat, timeZone: call.timeZone }).format(new Date(call.opensAt)),
		deadline: formatDeadline(call.deadlineAt, call.timeZone, locale)
	};
}

export interface CallView extends CallCardView {
	description: Text;
	eligibility: Text | null;
	consent: Text;
	opensFull: FormattedDeadline;
	/** "3 days and 4 hours", empty once closed. */
	timeLeft: string;
	/** When `timeLeft` was worked out, in UTC ("14:05"). */
	asOf: string;
}

export function callView(call: OpenCall, locale: Locale, nowMs: number): CallView {
	const eligibility = pick(call.eligibility, locale);
	return {
		...callCard(call, locale, nowMs),
		description: pick(call.description, locale),
		eligibility: eligibility.text.trim() ? eligibility : null,
		consent: pick(call.consentText, locale),
		opensFull: formatDeadline(call.opensAt, call.timeZone, locale),
		timeLeft: formatTimeLeft(timeLeft(call.deadlineAt, nowMs), locale),
		asOf: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(new Date(nowMs))
	};
}

// ---------------------------------------------------------------- the form

export interface FieldView {
	key: string;
	type: CallField['type'];
	/** The input's name: `field.<key>`. */
	name: string;
	/** The input's id (or the first choice's). */
	id: string;
	label: Text;
	help: Text | null;
	required: boolean;
	hints: string[];
	choices: { value: string; label: Text }[];
	countries: { code: string; name: string }[];
	accept: string;
	maxLength: number | undefined;
	min: number | undefined;
	max: number | undefined;
	maxFiles: number;
}

const typeNames: Record<UploadMediaType, string> = {
	'image/jpeg': 'JPEG',
	'image/png': 'PNG',
	'image/webp': 'WebP',
	'image/heic': 'HEIC',
	'application/pdf': 'PDF'
};
const typeExtensions: Record<UploadMediaType, string> = {
	'image/jpeg': '.jpg,.jpeg',
	'image/png': '.png',
	'image/webp': '.webp',
	'image/heic': '.heic,.heif',
	'application/pdf': '.pdf'
};

function hintsOf(field: CallField, locale: Locale): string[] {
	const { options } = field;
	const number = (value: number) => new Intl.NumberFormat(locale).format(value);
	switch (field.type) {
		case 'short_text':
			return options.maxLength ? [m.apply_chars_hint({ max: number(options.maxLength) })] : [];
		case 'long_text':
			return [options.maxWords ? m.apply_words_hint({ max: number(options.maxWords) }) : m.apply_chars_hint({ max: number(options.maxLength ?? 10_000) })];
		case 'number':
			if (options.min !== undefined && options.max !== undefined) return [m.apply_number_range_hint({ min: number(options.min), max: number(options.max) })];
			if (options.min !== undefined) return [m.apply_number_min_hint({ min: number(options.min) })];
			if (options.max !== undefined) return [m.apply_number_max_hint({ max: number(options.max) })];
			return [];
		case 'date':
			return [m.apply_date_hint()];
		case 'url':
			return [m.apply_url_hint()];
		case 'multiple_choice':
			return options.maxChoices ? [m.apply_choices_hint({ max: number(options.maxChoices) })] : [];
		case 'file': {
			const types = (options.allowedTypes ?? []).map((type) => typeNames[type]);
			return [
				m.apply_file_rules({
					types: new Intl.ListFormat(locale, { type: 'disjunction' }).format(types),
					size: formatBytes(options.maxBytes ?? 0, locale),
					count: number(options.maxFiles ?? 1)
				})
			];
		}
		default:
			return [];
	}
}

export function fieldViews(fields: readonly CallField[], locale: Locale): FieldView[] {
	let countries: { code: string; name: string }[] | undefined;
	return fields.map((field) => {
		const help = pick(field.help, locale);
		const allowed = field.options.allowedTypes ?? [];
		return {
			key: field.key,
			type: field.type,
			name: `field.${field.key}`,
			id: `field-${field.key}`,
			label: pick(field.label, locale),
			help: help.text.trim() ? help : null,
			required: field.required,
			hints: hintsOf(field, locale),
			choices: (field.options.choices ?? []).map((choice) => ({ value: choice.value, label: pick(choice.label, locale) })),
			countries: field.type === 'country' ? (countries ??= countryOptions(locale)) : [],
			accept: field.type === 'file' ? [...allowed, ...allowed.map((type) => typeExtensions[type])].join(',') : '',
			maxLength: field.type === 'short_text' || field.type === 'long_text' ? field.options.maxLength : undefined,
			min: field.options.min,
			max: field.options.max,
			maxFiles: field.options.maxFiles ?? 1
		};
	});
}

/** An attached file as the form lists it: "kept: photo.jpg (2.1 MB) — remove". */
export interface KeptFileView {
	id: number;
	name: string;
	size: string;
}

export function keptFiles(files: readonly ApplicationFile[], locale: Locale): Record<string, KeptFileView[]> {
	const byField: Record<string, KeptFileView[]> = {};
	for (const file of files) (byField[file.fieldKey] ??= []).push({ id: file.id, name: file.originalName, size: formatBytes(file.bytes, locale) });
	return byField;
}

/** What the applicant typed, as the form shows it again. */
export interface FormValues {
	email: string;
	name: string;
	consent: boolean;
	eligibility: boolean;
	answers: Record<string, FormValue>;
}

export const emptyValues: FormValues = { email: '', name: '', consent: false, eligibility: false, answers: {} };

export interface Upload {
	fieldKey: string;
	fileName: string;
	size: number;
	/** The bytes, read when they are about to be checked (uploads wait on disk until then). */
	read(): Promise<Uint8Array>;
}

export interface ReadForm {
	values: FormValues;
	uploads: Upload[];
	/** The draft's private token the form carries, if any. */
	draft: string;
	/** The honeypot: people leave it empty. */
	website: string;
	/** `remove_file`: the id of a kept file to remove. */
	removeFile: number | undefined;
}

const text = (value: FormDataEntryValue | null, max = 100_000) => (typeof value === 'string' ? value.slice(0, max) : '');

/** The form's values and uploads, read against the call's fields; anything else is ignored. */
export async function readApplicationForm(form: FormData, fields: readonly CallField[]): Promise<ReadForm> {
	const answers: Record<string, FormValue> = {};
	const uploads: Upload[] = [];
	for (const field of fields) {
		const name = `field.${field.key}`;
		if (field.type === 'file') {
			for (const entry of form.getAll(name)) {
				// A file input left empty still sends a part, with no name and no bytes.
				if (typeof entry === 'string' || (entry.size === 0 && entry.name === '')) continue;
				uploads.push({ fieldKey: field.key, fileName: entry.name, size: entry.size, read: async () => new Uint8Array(await entry.arrayBuffer()) });
			}
		} else if (field.type === 'multiple_choice') {
			answers[field.key] = form.getAll(name).map((entry) => text(entry, 200));
		} else {
			answers[field.key] = text(form.get(name));
		}
	}
	const removeFile = Number(text(form.get('remove_file'), 20));
	return {
		values: {
			email: text(form.get('email'), 1000).trim(),
			name: text(form.get('name'), 1000),
			consent: form.get('consent') === 'yes',
			eligibility: form.get('eligibility') === 'yes',
			answers
		},
		uploads,
		draft: text(form.get('draft'), 200).trim(),
		website: text(form.get('website'), 1000).trim(),
		removeFile: Number.isSafeInteger(removeFile) && removeFile > 0 ? removeFile : undefined
	};
}

/**
 * The largest body the application form of these fields can honestly send:
 * every file field full, plus room for the text (the longest answers in
 * several scripts) and the multipart framing.
 */
export function maxFormBytes(fields: readonly CallField[]): number {
	let bytes = 1024 * 1024;
	for (const field of fields) {
		if (field.type === 'file') bytes += (field.options.maxBytes ?? 0) * (field.options.maxFiles ?? 1) + 4096;
		else bytes += (field.options.maxLength ?? 2000) * 4 + 1024;
	}
	return bytes;
}

export type BoundedForm =
	| {
			ok: true;
			/** Text values as strings; files as blobs backed by their spooled copy on disk, not read into memory. */
			form: FormData;
			/** Deletes the spooled copies: call once the request is answered. */
			discard(): Promise<void>;
	  }
	| { ok: false; reason: 'too_large' | 'unreadable' };

class BodyTooLarge extends Error {}

/**
 * Reads a posted form of at most `maxBytes` as it streams in: text values into
 * memory, each file straight to a file of its own in `spoolDir`, so a slow phone
 * uploading a photo for minutes, or two hundred applicants at once, hold no more
 * than a few buffers each. A larger body (announced or streamed, or over the
 * server-wide BODY_SIZE_LIMIT) is `too_large`; a body that is not a form is
 * `unreadable`. Nothing is left in `spoolDir` when it is refused.
 */
export async function readBoundedForm(request: Request, maxBytes: number, spoolDir: string): Promise<BoundedForm> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) return { ok: false, reason: 'unreadable' };
	if (Number(request.headers.get('content-length') ?? 0) > maxBytes) return { ok: false, reason: 'too_large' };
	const form = new FormData();
	const spooled: { name: string; path: string; fileName: string; mediaType: string; stream: Readable; written: Promise<void> }[] = [];
	const discard = async () => {
		// A refused body leaves its last file's stream open: ending it ends its write.
		for (const file of spooled) file.stream.destroy();
		await Promise.allSettled(spooled.map((file) => file.written));
		await Promise.all(spooled.map((file) => rm(file.path, { force: true })));
	};
	if (!request.body) return { ok: true, form, discard };
	let size = 0;
	const counter = new Transform({
		transform(chunk: Buffer, _encoding, done) {
			size += chunk.length;
			done(size > maxBytes ? new BodyTooLarge() : null, chunk);
		}
	});
	try {
		const parser = Busboy({
			headers: { 'content-type': type },
			limits: { fieldNameSize: 200, fieldSize: 1024 * 1024, fields: 2000, files: 100, parts: 2100 }
		});
		parser.on('field', (name, value) => form.append(name, value));
		parser.on('file', (name, stream, fileName, _encoding, mediaType) => {
			// A file input left empty still sends a part, with no name and no bytes.
			if (!fileName) {
				stream.resume();
				return;
			}
			const path = join(spoolDir, randomUUID());
			const written = mkdir(spoolDir, { recursive: true, mode: 0o700 }).then(() => pipeline(stream, createWriteStream(path, { mode: 0o600 })));
			written.catch(() => undefined);
			spooled.push({ name, path, fileName, mediaType, stream, written });
		});
		await pipeline(Readable.fromWeb(request.body as import('node:stream/web').ReadableStream), counter, parser);
		await Promise.all(spooled.map((file) => file.written));
		for (const file of spooled) form.append(file.name, await openAsBlob(file.path, { type: file.mediaType }), file.fileName);
		return { ok: true, form, discard };
	} catch (error) {
		await discard();
		const status = (error as { status?: unknown } | null)?.status;
		return { ok: false, reason: error instanceof BodyTooLarge || status === 413 ? 'too_large' : 'unreadable' };
	}
}

/** A submitted answer as the private page shows it: text, a country's name, a choice's label. */
export function answerText(field: CallField, value: unknown, locale: Locale): string {
	if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return '';
	const choice = (v: string) => {
		const found = field.options.choices?.find((c) => c.value === v);
		return found ? pick(found.label, locale).text : v;
	};
	switch (field.type) {
		case 'yes_no':
			return value === true || value === 'yes' ? m.apply_yes() : value === false || value === 'no' ? m.apply_no() : String(value);
		case 'country':
			return typeof value === 'string' && /^[A-Z]{2}$/.test(value) ? countryName(value, locale) : String(value);
		case 'single_choice':
			return choice(String(value));
		case 'multiple_choice':
			return (Array.isArray(value) ? value : [value]).map((v) => choice(String(v))).join(', ');
		case 'number':
			return typeof value === 'number' ? new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }).format(value) : String(value);
		default:
			return String(value);
	}
}
