import { z } from 'zod';
import { numberFormat, segmenter } from '$lib/i18n/intl';
import { acceptsMediaType, type CallField, type FieldOptions } from './call-fields';
import { isCountryCode } from '$lib/server/shared/countries';

/*
 * Checking an applicant's answers against a call's form. Every value submitted is
 * kept (`values`, as typed) so the form can be shown again with the errors beside
 * their fields; `answers` holds the cleaned values to store once there are no
 * errors. Error codes are turned into messages in the applicant's language by the
 * page.
 */

export type AnswerErrorCode =
	| 'required'
	| 'too_long'
	| 'too_many_words'
	| 'email_invalid'
	| 'url_invalid'
	| 'number_invalid'
	| 'number_out_of_range'
	| 'date_invalid'
	| 'choice_unknown'
	| 'too_many_choices'
	| 'yes_no_invalid'
	| 'country_unknown'
	| 'too_many_files'
	| 'file_type_not_allowed'
	| 'file_too_large';

/** A stored answer: text, a number, yes/no, or the picked choices. */
export type Answer = string | number | boolean | string[];
/** An answer as the form shows it: text, or the picked choices. */
export type FormValue = string | string[];

/** A file already attached to the application, as far as checking it needs. */
export interface AttachedFile {
	mediaType: string;
	bytes: number;
}

export interface AnswerCheck {
	ok: boolean;
	values: Record<string, FormValue>;
	answers: Record<string, Answer>;
	errors: Record<string, AnswerErrorCode>;
}

export const answerLimits = {
	email: 254,
	url: 2000,
	number: 40
} as const;

/** Nepali (and Hindi) readers may type Devanagari digits; numbers and dates want ASCII ones. */
function asciiDigits(value: string): string {
	return value.replace(/[\u0966-\u096F]/g, (digit) => String(digit.charCodeAt(0) - 0x0966));
}

function formValue(raw: unknown, multiple: boolean): FormValue {
	const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
	const strings = list.map((item) => (typeof item === 'boolean' ? (item ? 'yes' : 'no') : typeof item === 'string' || typeof item === 'number' ? String(item) : ''));
	if (multiple) return [...new Set(strings.map((item) => item.trim()).filter((item) => item !== ''))];
	// Text keeps its line breaks and inner spaces; only the ends are trimmed.
	return (strings[0] ?? '').trim();
}

export function countWords(text: string, locale: string): number {
	let count = 0;
	for (const segment of segmenter(locale, { granularity: 'word' }).segment(text)) {
		if (segment.isWordLike) count++;
	}
	return count;
}

const emailSchema = z.email();

/** An http(s) link; "instagram.com/someone" (as typed on a phone) counts, as https. */
export function normalizeUrl(value: string): string | null {
	if (value.length > answerLimits.url || /\s/.test(value)) return null;
	const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
	try {
		const url = new URL(withScheme);
		if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
		if (!url.hostname.includes('.') || url.username || url.password) return null;
		return url.toString();
	} catch {
		return null;
	}
}

/**
 * A number as people in `locale` write it: "1,5" in Spanish, "1.5" in English,
 * thousands grouped or not ("12.000" / "12,000"), Devanagari digits in Nepali.
 */
export function parseLocalizedNumber(value: string, locale: string): number | null {
	const text = asciiDigits(value).replace(/[\s\u00A0\u202F]/g, '');
	if (text === '' || text.length > answerLimits.number) return null;
	const parts = numberFormat(locale).formatToParts(12345.6);
	const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
	const group = parts.find((p) => p.type === 'group')?.value ?? ',';
	const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const grouped = new RegExp(`^([+-]?)(\\d{1,3}(?:${escape(group)}\\d{3})+)(?:${escape(decimal)}(\\d+))?$`);
	const plain = new RegExp(`^([+-]?)(\\d+)(?:${escape(decimal)}(\\d+))?$`);
	const match = grouped.exec(text) ?? plain.exec(text) ?? /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(text);
	if (!match) return null;
	const [, sign = '', whole = '', fraction] = match;
	const number = Number(`${sign}${whole.split(group).join('')}${fraction ? `.${fraction}` : ''}`);
	return Number.isFinite(number) ? number : null;
}

function isRealDate(value: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return false;
	const [year, month, day] = [1, 2, 3].map((group) => Number(match[group])) as [number, number, number];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function choiceValues(options: FieldOptions): Set<string> {
	return new Set((options.choices ?? []).map((choice) => choice.value));
}

type Checked = { answer: Answer } | { error: AnswerErrorCode } | { empty: true };

function checkText(field: CallField, value: string, locale: string): Checked {
	const { options } = field;
	switch (field.type) {
		case 'short_text':
		case 'long_text':
			if (value.length > (options.maxLength ?? Infinity)) return { error: 'too_long' };
			if (options.maxWords && countWords(value, locale) > options.maxWords) return { error: 'too_many_words' };
			return { answer: value };
		case 'email': {
			const email = value.toLowerCase();
			return email.length <= answerLimits.email && emailSchema.safeParse(email).success ? { answer: email } : { error: 'email_invalid' };
		}
		case 'url': {
			const url = normalizeUrl(value);
			return url ? { answer: url } : { error: 'url_invalid' };
		}
		case 'number': {
			const number = parseLocalizedNumber(value, locale);
			if (number === null || (options.integer && !Number.isInteger(number))) return { error: 'number_invalid' };
			if ((options.min !== undefined && number < options.min) || (options.max !== undefined && number > options.max)) {
				return { error: 'number_out_of_range' };
			}
			return { answer: number };
		}
		case 'date': {
			const date = asciiDigits(value);
			return isRealDate(date) ? { answer: date } : { error: 'date_invalid' };
		}
		case 'country': {
			const code = value.toUpperCase();
			return isCountryCode(code) ? { answer: code } : { error: 'country_unknown' };
		}
		case 'single_choice':
			return choiceValues(options).has(value) ? { answer: value } : { error: 'choice_unknown' };
		case 'yes_no':
			if (value === 'yes') return { answer: true };
			if (value === 'no') return { answer: false };
			return { error: 'yes_no_invalid' };
		default:
			return { error: 'choice_unknown' };
	}
}

function checkFiles(field: CallField, files: readonly AttachedFile[]): Checked {
	if (files.length === 0) return { empty: true };
	const { options } = field;
	if (files.length > (options.maxFiles ?? 1)) return { error: 'too_many_files' };
	if (files.some((file) => !acceptsMediaType(options.allowedTypes, file.mediaType))) {
		return { error: 'file_type_not_allowed' };
	}
	if (files.some((file) => file.bytes > (options.maxBytes ?? 0))) return { error: 'file_too_large' };
	return { answer: files.length };
}

/**
 * Checks `answers` (field key → what the form sent) against `fields`. Keys that
 * are no field are dropped. File fields are checked against `files` (field key →
 * the files attached so far), not against `answers`.
 */
export function validateAnswers(
	fields: readonly CallField[],
	answers: Record<string, unknown>,
	locale: string,
	files: Record<string, readonly AttachedFile[]> = {}
): AnswerCheck {
	const values: Record<string, FormValue> = {};
	const cleaned: Record<string, Answer> = {};
	const errors: Record<string, AnswerErrorCode> = {};
	for (const field of fields) {
		let checked: Checked;
		if (field.type === 'file') {
			checked = checkFiles(field, files[field.key] ?? []);
		} else if (field.type === 'multiple_choice') {
			const picked = formValue(answers[field.key], true) as string[];
			values[field.key] = picked;
			const known = choiceValues(field.options);
			if (picked.length === 0) checked = { empty: true };
			else if (picked.some((value) => !known.has(value))) checked = { error: 'choice_unknown' };
			else if (field.options.maxChoices && picked.length > field.options.maxChoices) checked = { error: 'too_many_choices' };
			else checked = { answer: picked };
		} else {
			const value = formValue(answers[field.key], false) as string;
			values[field.key] = value;
			checked = value === '' ? { empty: true } : checkText(field, value, locale);
		}
		if ('error' in checked) errors[field.key] = checked.error;
		else if ('empty' in checked) {
			if (field.required) errors[field.key] = 'required';
		} else if (field.type !== 'file') cleaned[field.key] = checked.answer;
	}
	return { ok: Object.keys(errors).length === 0, values, answers: cleaned, errors };
}

/**
 * What a draft keeps: the values of known fields as typed, whatever their
 * state, except text beyond a field's length limit, which is refused
 * (`too_long`) so a draft cannot grow without bound.
 */
export function draftValues(fields: readonly CallField[], answers: Record<string, unknown>): { values: Record<string, FormValue>; errors: Record<string, AnswerErrorCode> } {
	const values: Record<string, FormValue> = {};
	const errors: Record<string, AnswerErrorCode> = {};
	for (const field of fields) {
		if (field.type === 'file') continue;
		const value = formValue(answers[field.key], field.type === 'multiple_choice');
		const maxLength = field.options.maxLength ?? answerLimits.url;
		const tooLong = Array.isArray(value)
			? value.length > (field.options.choices?.length ?? 0) || value.some((item) => item.length > maxLength)
			: value.length > maxLength;
		if (tooLong) errors[field.key] = Array.isArray(value) ? 'too_many_choices' : 'too_long';
		else if (value !== '' && !(Array.isArray(value) && value.length === 0)) values[field.key] = value;
	}
	return { values, errors };
}

/** Stored answers as the form shows them again (when an applicant edits a submitted application). */
export function answersToFormValues(answers: Record<string, unknown>): Record<string, FormValue> {
	const values: Record<string, FormValue> = {};
	for (const [key, answer] of Object.entries(answers)) {
		if (Array.isArray(answer)) values[key] = answer.filter((item): item is string => typeof item === 'string');
		else if (typeof answer === 'boolean') values[key] = answer ? 'yes' : 'no';
		else if (typeof answer === 'string' || typeof answer === 'number') values[key] = String(answer);
	}
	return values;
}
