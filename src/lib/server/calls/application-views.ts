import { dateTimeFormat, listFormat, numberFormat } from '$lib/i18n/intl';
import type { Locale, Text } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages';
import { pick } from '$lib/server/shared/localized-text';
import type { ApplicationFile } from './applications.service';
import { formatBytes } from './application-wording';
import type { CallField, UploadMediaType } from './call-fields';
import { callPhase, formatDeadline, formatTimeLeft, timeLeft, type CallPhase, type FormattedDeadline } from './call-time';
import type { OpenCall } from './calls.service';
import { countryName, countryOptions } from '$lib/server/shared/countries';

/*
 * What the public call pages show, prepared on the server in the visitor's
 * language: texts staff left untranslated fall back to English, marked by their
 * `lang`.
 */

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
		opens: dateTimeFormat(locale, { ...dayFormat, timeZone: call.timeZone }).format(new Date(call.opensAt)),
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
		asOf: dateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(new Date(nowMs))
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
	const number = (value: number) => numberFormat(locale).format(value);
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
					types: listFormat(locale, { type: 'disjunction' }).format(types),
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
			return typeof value === 'number' ? numberFormat(locale, { maximumFractionDigits: 20 }).format(value) : String(value);
		default:
			return String(value);
	}
}
