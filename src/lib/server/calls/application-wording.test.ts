import { describe, expect, it } from 'vitest';
import { locales } from '$lib/i18n/locales';
import type { AnswerErrorCode } from './answer-validation';
import type { UploadRefusal } from './application-files';
import type { ApplicationProblem } from './applications.service';
import {
	applicationProblems,
	formErrorCodes,
	formErrorMessage,
	formatBytes,
	issuesToErrors,
	problemMessage,
	problemStatus,
	type FormErrorCode
} from './application-wording';

// Written out so that a code added to the domain without wording fails here (and in the type check).
const answerCodes: AnswerErrorCode[] = [
	'required',
	'too_long',
	'too_many_words',
	'email_invalid',
	'url_invalid',
	'number_invalid',
	'number_out_of_range',
	'date_invalid',
	'choice_unknown',
	'too_many_choices',
	'yes_no_invalid',
	'country_unknown',
	'too_many_files',
	'file_type_not_allowed',
	'file_too_large'
];
const refusals: UploadRefusal[] = ['file_missing', 'file_type_not_allowed', 'file_too_large', 'file_damaged', 'file_too_complex'];
const problems: ApplicationProblem[] = [
	'unknown',
	'call_not_found',
	'call_not_open',
	'call_closed',
	'deadline_passed',
	'already_submitted',
	'not_editable',
	'submission_limit_reached',
	'duplicate_submission'
];

describe('wording every code', () => {
	it('covers every answer error, upload refusal and form-level code', () => {
		for (const code of [...answerCodes, ...refusals, 'consent_required', 'eligibility_required', 'field_unknown'] as FormErrorCode[]) {
			expect(formErrorCodes).toContain(code);
		}
		expect([...applicationProblems].sort()).toEqual([...problems].sort());
	});

	it('gives each code its own message in every language, translated rather than English', () => {
		for (const locale of locales) {
			const seen = new Set<string>();
			for (const code of formErrorCodes) {
				const message = formErrorMessage(code, locale);
				expect(message.length, `${code} in ${locale}`).toBeGreaterThan(5);
				if (locale !== 'en') expect(message, `${code} in ${locale}`).not.toBe(formErrorMessage(code, 'en'));
				seen.add(message);
			}
			// Two codes may share wording only by accident; here none do.
			expect(seen.size).toBe(formErrorCodes.length);
			for (const problem of applicationProblems) {
				const message = problemMessage(problem, locale);
				if (locale !== 'en') expect(message, `${problem} in ${locale}`).not.toBe(problemMessage(problem, 'en'));
			}
		}
	});

	it('keys service issues by input name', () => {
		expect(issuesToErrors({ email: 'email_invalid', 'answers.size': 'number_out_of_range', consent: 'consent_required' })).toEqual({
			email: formErrorMessage('email_invalid'),
			'field.size': formErrorMessage('number_out_of_range'),
			consent: formErrorMessage('consent_required')
		});
	});

	it('answers a closed call with 410, a conflict with 409, a missing one with 404', () => {
		expect(problemStatus('deadline_passed')).toBe(410);
		expect(problemStatus('call_closed')).toBe(410);
		expect(problemStatus('duplicate_submission')).toBe(409);
		expect(problemStatus('unknown')).toBe(404);
	});
});

describe('sizes', () => {
	it('writes sizes as people read them', () => {
		expect(formatBytes(2_400_000, 'en')).toBe('2.4 MB');
		expect(formatBytes(512_000, 'en')).toBe('512 kB');
	});
});
