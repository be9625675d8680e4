import { error } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { callFormValues, callLimits, getCall, type CallInput, type OpenCall } from '$lib/server/calls/calls.service';
import { formField, formSchema, localizedFields, localizedOf, localizedValues } from '$lib/server/platform/forms';
import { selectableTimeZones } from '$lib/server/shared/zoned-time';
import type { CallSettingsValues } from './call-words';
import type { PickablePhoto } from '$lib/admin/photos';
import { displayNames, listFormat } from '$lib/i18n/intl';
import { locales, type Locale } from '$lib/i18n/locales';
import type { DomainErrorAnswers } from '$lib/server/platform/http/domain-errors';
import { m } from '$lib/paraglide/messages';
import { listPhotosForPicker } from '$lib/server/media/media.service';
import { thumbnailOf } from '$lib/server/media/media-thumbnail';

/* What the pages of a call in the admin share: the permission, the call by id, and plain words for the service's codes. */

export const permission = 'calls.manage';

/** What the call's pages answer when the call is gone, in the person's language (read when the answer is made). */
export const callAnswers: DomainErrorAnswers = {
	get notFound() {
		return m.callsadmin_not_found();
	}
};

export async function existingCall(db: Kysely<Database>, id: number): Promise<OpenCall> {
	const call = await getCall(db, id);
	if (!call) error(404, m.callsadmin_not_found());
	return call;
}


const messages: Record<string, string> = {
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
	order_invalid: 'The form changed meanwhile. Please try again.'
};

/** Words already in the admin's catalogues, read in the request's language. */
const translated: Record<string, () => string> = {
	cover_unknown: () => m.calls_cover_unknown(),
	required: () => m.callsadmin_issue_required(),
	too_long: () => m.callsadmin_issue_too_long(),
	one_line: () => m.callsadmin_issue_one_line(),
	slug_invalid: () => m.callsadmin_issue_slug_invalid(),
	slug_taken: () => m.callsadmin_issue_slug_taken(),
	kind_invalid: () => m.callsadmin_issue_kind_invalid(),
	date_invalid: () => m.callsadmin_issue_date_invalid(),
	deadline_before_opening: () => m.callsadmin_issue_deadline_before_opening(),
	time_zone_invalid: () => m.callsadmin_issue_time_zone_invalid(),
	limit_invalid: () => m.callsadmin_issue_limit_invalid(),
	retention_invalid: () => m.callsadmin_issue_retention_invalid({ min: String(callLimits.retentionDays.min), max: String(callLimits.retentionDays.max) }),
	fields_required: () => m.callsadmin_issue_fields_required(),
	consent_text_required: () => m.callsadmin_issue_consent_text_required(),
	not_a_draft: () => m.callsadmin_issue_not_a_draft(),
	has_applications: () => m.callsadmin_issue_has_applications(),
	weight_invalid: () => m.callsadmin_issue_weight_invalid(),
	too_many_criteria: () => m.callsadmin_issue_too_many_criteria(),
	criterion_unknown: () => m.callsadmin_issue_criterion_unknown(),
	reviewer_unknown: () => m.callsadmin_issue_reviewer_unknown()
};

/** The service's codes in plain words, by the same keys. */
export function explain(issues: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(issues).map(([key, code]) => [key, translated[code]?.() ?? messages[code] ?? m.callsadmin_issue_other()]));
}

// Twice a text's limit keeps a too-long text for its error message without holding anything huge.
const settingsForm = formSchema({
	...localizedFields('title', callLimits.title * 2),
	...localizedFields('summary', callLimits.summary * 2),
	...localizedFields('description', callLimits.description * 2),
	...localizedFields('eligibility', callLimits.eligibility * 2),
	...localizedFields('consentText', callLimits.consentText * 2),
	kind: formField.text(40),
	slug: formField.text(200),
	opensAt: formField.text(40),
	deadlineAt: formField.text(40),
	timeZone: formField.text(80),
	maxSubmissionsPerPerson: formField.trimmed(20),
	retentionDays: formField.trimmed(20),
	blindReview: formField.is('on'),
	coverMediaId: formField.trimmed(20)
});

/** The settings form as typed; anything that is not a plain string is dropped. */
export function settingsFrom(form: FormData): CallSettingsValues {
	const { kind, slug, opensAt, deadlineAt, timeZone, maxSubmissionsPerPerson, retentionDays, blindReview, coverMediaId, ...texts } = settingsForm.read(form);
	return { kind, slug, texts, opensAt, deadlineAt, timeZone, maxSubmissionsPerPerson, retentionDays, blindReview, coverMediaId };
}

export function callInputOf(values: CallSettingsValues): CallInput {
	const localized = (name: string) => localizedOf(values.texts, name);
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
		blindReview: values.blindReview,
		coverMediaId: values.coverMediaId
	};
}

export function settingsOf(call: OpenCall): CallSettingsValues {
	const input = callFormValues(call);
	const texts = {
		...localizedValues('title', call.title),
		...localizedValues('summary', call.summary),
		...localizedValues('description', call.description),
		...localizedValues('eligibility', call.eligibility),
		...localizedValues('consentText', call.consentText)
	};
	return {
		kind: call.kind,
		slug: call.slug,
		texts,
		opensAt: input.opensAt,
		deadlineAt: input.deadlineAt,
		timeZone: call.timeZone,
		maxSubmissionsPerPerson: call.maxSubmissionsPerPerson === null ? '' : String(call.maxSubmissionsPerPerson),
		retentionDays: String(call.retentionDays),
		blindReview: call.blindReview,
		coverMediaId: call.coverMediaId === null ? '' : String(call.coverMediaId)
	};
}

/** Photos of the media library to choose a cover from, by their English alt text, with the languages they are described in (named in `locale`). */
export async function coverChoices(db: Kysely<Database>, locale: Locale): Promise<PickablePhoto[]> {
	const names = displayNames(locale, { type: 'language' });
	const list = listFormat(locale, { type: 'conjunction' });
	return (await listPhotosForPicker(db)).map((photo) => ({
		id: photo.id,
		label: photo.alt.en,
		described: list.format(locales.filter((l) => photo.alt[l]?.trim()).map((l) => names.of(l) ?? l)),
		thumbnail: thumbnailOf(photo)
	}));
}

/** The zones staff can pick (UTC first), and the call's own spelling when the list has another. */
export function timeZoneChoices(current?: string): readonly string[] {
	const zones = selectableTimeZones();
	if (current === undefined || zones.includes(current)) return zones;
	return ['UTC', ...[...zones.filter((zone) => zone !== 'UTC'), current].sort()];
}

export const settingsLimits = {
	title: callLimits.title,
	summary: callLimits.summary,
	consentText: callLimits.consentText,
	slug: callLimits.slug,
	maxSubmissionsPerPerson: callLimits.maxSubmissionsPerPerson,
	retentionDays: callLimits.retentionDays
};
