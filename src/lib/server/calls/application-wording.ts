import { numberFormat } from '$lib/i18n/intl';
import type { Locale } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages';
import type { AnswerErrorCode } from './answer-validation';
import type { UploadRefusal } from './application-files';
import type { ApplicationProblem } from './applications.service';

/*
 * The words of the public application pages for what went wrong: each error
 * code beside a field, each problem of the whole application, in the page's
 * language (or the one given), and the HTTP status each problem answers with.
 */

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
	return numberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}
