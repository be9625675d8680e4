import { error } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import { locales } from '$lib/i18n/locales';
import type { Database } from '$lib/server/db/schema';
import { callFormValues, callLimits, getCall, type CallInput, type OpenCall } from '$lib/server/calls/calls.service';
import { idOrNotFound } from '$lib/server/platform/route-params';
import { textFieldNames, type CallSettingsValues } from './call-words';

/* What the pages of a call in the admin share: the permission, the call by id, and plain words for the service's codes. */

export const permission = 'calls.manage';
export const notFound = 'This call does not exist (any more). Someone may have deleted it.';

/** The call's id from the URL; anything that is not a number is a 404. */
export function callIdOf(segment: string): number {
	return idOrNotFound(segment, notFound);
}

export async function existingCall(db: Kysely<Database>, id: number): Promise<OpenCall> {
	const call = await getCall(db, id);
	if (!call) error(404, notFound);
	return call;
}

/** A form's `<prefix>.<language>` fields as typed, each bounded. */
export function localizedFrom(form: FormData, prefix: string, max: number): Record<string, string> {
	const values: Record<string, string> = {};
	for (const l of locales) {
		const value = form.get(`${prefix}.${l}`);
		values[l] = typeof value === 'string' ? value.slice(0, max * 2) : '';
	}
	return values;
}

export function stringOf(form: FormData, name: string, max = 200): string {
	const value = form.get(name);
	return typeof value === 'string' ? value.slice(0, max) : '';
}

const messages: Record<string, string> = {
	required: 'Please fill this in (English is needed; the other languages fall back to it).',
	too_long: 'This is too long. Please shorten it.',
	one_line: 'Please keep this on one line.',
	slug_invalid: 'Use lower-case letters, digits and single hyphens, like street-art-2027.',
	slug_taken: 'Another call already uses this web address. Please choose another.',
	kind_invalid: 'Please choose what kind of call this is.',
	date_invalid: 'Please give a real date and time.',
	deadline_before_opening: 'The deadline must come after the opening.',
	time_zone_invalid: 'Please choose a time zone from the list.',
	limit_invalid: 'Please give a whole number within the allowed range.',
	retention_invalid: 'Please give a whole number of days between 30 and 3650.',
	fields_required: 'The call cannot open yet: its form has no questions. Add at least one on the Form tab.',
	consent_text_required: 'The call cannot open yet: it needs a consent text in English (what applicants agree to about their data).',
	not_a_draft: 'Only a draft can be deleted. Close the call instead: its applications stay.',
	has_applications: 'This call has applications, so it cannot be deleted. Close it instead.',
	key_invalid: 'Use lower-case letters, digits and underscores, starting with a letter, like artist_statement.',
	key_taken: 'Another question of this form already has this short name.',
	key_locked: 'People have already applied, so the short name cannot change any more (their answers are stored under it).',
	type_locked: 'People have already applied, so the type of answer cannot change any more. Add a new question instead.',
	type_invalid: 'Please choose a type of answer.',
	too_many_fields: 'A form can have at most 60 questions.',
	choices_required: 'Please give at least one choice.',
	choice_value_invalid: 'This choice needs an English label made of letters or digits.',
	choice_value_duplicate: 'Two choices are the same. Please make each one different.',
	too_many_choices: 'At most 100 choices.',
	number_invalid: 'Please give a number.',
	range_invalid: 'The largest number must not be smaller than the smallest.',
	file_types_required: 'Please tick at least one kind of file.',
	file_type_unknown: 'This kind of file is not supported.',
	order_invalid: 'The form changed meanwhile. Please try again.',
	weight_invalid: 'Please give a whole number from 1 to 100.',
	too_many_criteria: 'A rubric can have at most 20 criteria.',
	criterion_unknown: 'This criterion was removed meanwhile. Reload the page and try again.',
	reviewer_unknown: 'Please choose a staff member who may review.'
};

/** The service's codes in plain words, by the same keys. */
export function explain(issues: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(issues).map(([key, code]) => [key, messages[code] ?? 'Please check this.']));
}

/** The settings form as typed; anything that is not a plain string is dropped. */
export function settingsFrom(form: FormData): CallSettingsValues {
	const texts: Record<string, string> = {};
	for (const field of textFieldNames) {
		const typed = localizedFrom(form, field, callLimits[field]);
		for (const l of locales) texts[`${field}.${l}`] = typed[l] ?? '';
	}
	return {
		kind: stringOf(form, 'kind', 40),
		slug: stringOf(form, 'slug', 200),
		texts,
		opensAt: stringOf(form, 'opensAt', 40),
		deadlineAt: stringOf(form, 'deadlineAt', 40),
		timeZone: stringOf(form, 'timeZone', 80),
		maxSubmissionsPerPerson: stringOf(form, 'maxSubmissionsPerPerson', 20).trim(),
		retentionDays: stringOf(form, 'retentionDays', 20).trim(),
		blindReview: form.get('blindReview') === 'on'
	};
}

export function callInputOf(values: CallSettingsValues): CallInput {
	const localized = (field: string) => Object.fromEntries(locales.map((l) => [l, values.texts[`${field}.${l}`] ?? '']));
	return {
		slug: values.slug,
		// Checked by the service's schema, which answers `kind_invalid` for anything else.
		kind: values.kind as CallInput['kind'],
		title: localized('title'),
		summary: localized('summary'),
		description: localized('description'),
		eligibility: localized('eligibility'),
		consentText: localized('consentText'),
		opensAt: values.opensAt,
		deadlineAt: values.deadlineAt,
		timeZone: values.timeZone,
		maxSubmissionsPerPerson: values.maxSubmissionsPerPerson,
		retentionDays: values.retentionDays || undefined,
		blindReview: values.blindReview
	};
}

export function settingsOf(call: OpenCall): CallSettingsValues {
	const input = callFormValues(call);
	const texts: Record<string, string> = {};
	for (const field of textFieldNames) for (const l of locales) texts[`${field}.${l}`] = call[field][l] ?? '';
	return {
		kind: call.kind,
		slug: call.slug,
		texts,
		opensAt: input.opensAt,
		deadlineAt: input.deadlineAt,
		timeZone: call.timeZone,
		maxSubmissionsPerPerson: call.maxSubmissionsPerPerson === null ? '' : String(call.maxSubmissionsPerPerson),
		retentionDays: String(call.retentionDays),
		blindReview: call.blindReview
	};
}

/** Every zone the runtime knows, UTC first, and the call's own spelling when the runtime lists another. */
export function timeZoneChoices(current?: string): string[] {
	const zones = new Set(Intl.supportedValuesOf('timeZone'));
	// ICU lists some zones by old names (Asia/Katmandu); offer the current spelling too.
	zones.add('Asia/Kathmandu');
	if (current) zones.add(current);
	zones.delete('UTC');
	return ['UTC', ...[...zones].sort()];
}

export const settingsLimits = {
	title: callLimits.title,
	summary: callLimits.summary,
	consentText: callLimits.consentText,
	slug: callLimits.slug,
	maxSubmissionsPerPerson: callLimits.maxSubmissionsPerPerson,
	retentionDays: callLimits.retentionDays
};
