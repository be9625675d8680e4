import { z } from 'zod';
import { locales, type Locale, type Localized } from '$lib/i18n/locales';
import { parseLocalized, stringifyLocalized } from '$lib/server/shared/localized-text';
import type { CallFieldType, OpenCallFieldRow } from '$lib/server/db/schema';

/*
 * The form of a call: its fields as staff define them. Each type takes its own
 * options (choices, limits, file types); what a type does not use is dropped, and
 * every limit has a default and a ceiling so no field can ask for a novel.
 */

export const callFieldTypes = [
	'short_text',
	'long_text',
	'email',
	'country',
	'single_choice',
	'multiple_choice',
	'yes_no',
	'url',
	'number',
	'date',
	'file'
] as const satisfies readonly CallFieldType[];

/** File types an applicant may upload: what the media pipeline re-encodes, and PDFs. */
export const uploadMediaTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'] as const;
export type UploadMediaType = (typeof uploadMediaTypes)[number];

/**
 * Whether a file of `mediaType` (as stored) satisfies a field allowing
 * `allowedTypes`. HEIC photos are stored re-encoded as JPEG (see
 * application-files.ts), so a field that takes HEIC takes the JPEG it became.
 */
export function acceptsMediaType(allowedTypes: readonly string[] | undefined, mediaType: string): boolean {
	if (!allowedTypes || !(uploadMediaTypes as readonly string[]).includes(mediaType)) return false;
	return allowedTypes.includes(mediaType) || (mediaType === 'image/jpeg' && allowedTypes.includes('image/heic'));
}

export const fieldLimits = {
	fieldsPerCall: 60,
	key: 40,
	label: 300,
	help: 1000,
	shortText: { default: 300, max: 1000 },
	longText: { default: 10_000, max: 30_000 },
	maxWords: 5000,
	choices: 100,
	choiceLabel: 200,
	choiceValue: 40,
	/** Bytes of one file. */
	fileBytes: { default: 10 * 1024 * 1024, max: 50 * 1024 * 1024 },
	files: { default: 1, max: 10 }
} as const;

export interface FieldChoice {
	value: string;
	label: Localized;
}

/** Options by type; a type has only the members it uses. */
export interface FieldOptions {
	/** short_text, long_text: characters. */
	maxLength?: number;
	/** long_text. */
	maxWords?: number;
	/** single_choice, multiple_choice. */
	choices?: FieldChoice[];
	/** multiple_choice: at most this many picked. */
	maxChoices?: number;
	/** number. */
	min?: number;
	max?: number;
	integer?: boolean;
	/** file. */
	allowedTypes?: UploadMediaType[];
	maxBytes?: number;
	maxFiles?: number;
}

export interface CallField {
	id: number;
	callId: number;
	key: string;
	position: number;
	type: CallFieldType;
	label: Localized;
	help: Localized;
	required: boolean;
	/** Contact details, hidden in blind review (e-mail fields are hidden anyway). */
	contact: boolean;
	options: FieldOptions;
}

export function callFieldFromRow(row: OpenCallFieldRow): CallField {
	return {
		id: row.id,
		callId: row.call_id,
		key: row.key,
		position: row.position,
		type: row.type,
		label: parseLocalized(row.label),
		help: parseLocalized(row.help),
		required: row.required === 1,
		contact: row.contact === 1,
		options: JSON.parse(row.options) as FieldOptions
	};
}

/** True when reviewers in blind review must not see this field's answer. */
export function isContactField(field: Pick<CallField, 'type' | 'contact'>): boolean {
	return field.type === 'email' || field.contact;
}

const localizedOf = (max: number) =>
	z.object(
		Object.fromEntries(locales.map((l) => [l, z.string().trim().max(max, 'too_long').optional()])) as Record<
			Locale,
			z.ZodOptional<z.ZodString>
		>
	);

const limit = (max: number) => z.coerce.number('limit_invalid').int('limit_invalid').min(1, 'limit_invalid').max(max, 'limit_invalid');

const choiceSchema = z.object({
	value: z
		.string()
		.trim()
		.regex(new RegExp(`^[a-z0-9][a-z0-9_-]{0,${fieldLimits.choiceValue - 1}}$`), 'choice_value_invalid'),
	label: localizedOf(fieldLimits.choiceLabel)
});

const optionsSchema = z.object({
	maxLength: limit(fieldLimits.longText.max).optional(),
	maxWords: limit(fieldLimits.maxWords).optional(),
	choices: z.array(choiceSchema).max(fieldLimits.choices, 'too_many_choices').optional(),
	maxChoices: limit(fieldLimits.choices).optional(),
	min: z.coerce.number('number_invalid').refine(Number.isFinite, 'number_invalid').optional(),
	max: z.coerce.number('number_invalid').refine(Number.isFinite, 'number_invalid').optional(),
	integer: z.boolean().optional(),
	allowedTypes: z.array(z.enum(uploadMediaTypes, 'file_type_unknown')).optional(),
	maxBytes: limit(fieldLimits.fileBytes.max).optional(),
	maxFiles: limit(fieldLimits.files.max).optional()
});

export const fieldInputSchema = z.object({
	key: z
		.string()
		.trim()
		.regex(new RegExp(`^[a-z][a-z0-9_]{0,${fieldLimits.key - 1}}$`), 'key_invalid'),
	type: z.enum(callFieldTypes, 'type_invalid'),
	label: localizedOf(fieldLimits.label),
	help: localizedOf(fieldLimits.help).default({}),
	required: z.boolean().default(false),
	contact: z.boolean().default(false),
	options: optionsSchema.default({})
});

export type FieldInput = z.input<typeof fieldInputSchema>;

export interface ParsedField {
	key: string;
	type: CallFieldType;
	label: string;
	help: string;
	required: boolean;
	contact: boolean;
	options: FieldOptions;
}

/** The columns of `open_call_field` that hold a parsed field (all but its call and position). */
export function fieldColumns(field: ParsedField) {
	return {
		key: field.key,
		type: field.type,
		label: field.label,
		help: field.help,
		required: field.required ? 1 : 0,
		contact: field.contact ? 1 : 0,
		options: JSON.stringify(field.options)
	};
}

/**
 * A field as staff defined it, checked and with its type's defaults. Errors use
 * dotted keys: `key`, `label.en`, `options.choices`, `options.choices.2.label.en`.
 */
export function parseFieldInput(input: unknown): { field: ParsedField } | { issues: Record<string, string> } {
	const parsed = fieldInputSchema.safeParse(input);
	if (!parsed.success) {
		const issues: Record<string, string> = {};
		for (const issue of parsed.error.issues) issues[issue.path.join('.') || 'form'] ??= issue.message;
		return { issues };
	}
	const data = parsed.data;
	const issues: Record<string, string> = {};
	if (!data.label.en) issues['label.en'] = 'required';
	const raw = data.options;
	let options: FieldOptions;
	switch (data.type) {
		case 'short_text':
			options = { maxLength: Math.min(raw.maxLength ?? fieldLimits.shortText.default, fieldLimits.shortText.max) };
			if (raw.maxLength !== undefined && raw.maxLength > fieldLimits.shortText.max) issues['options.maxLength'] = 'limit_invalid';
			break;
		case 'long_text':
			options = { maxLength: raw.maxLength ?? fieldLimits.longText.default, ...(raw.maxWords ? { maxWords: raw.maxWords } : {}) };
			break;
		case 'single_choice':
		case 'multiple_choice': {
			const choices = raw.choices ?? [];
			if (choices.length === 0) issues['options.choices'] = 'choices_required';
			const seen = new Set<string>();
			choices.forEach((choice, index) => {
				if (seen.has(choice.value)) issues[`options.choices.${index}.value`] = 'choice_value_duplicate';
				seen.add(choice.value);
				if (!choice.label.en) issues[`options.choices.${index}.label.en`] = 'required';
			});
			options = { choices: choices.map((choice) => ({ value: choice.value, label: { en: '', ...choice.label } })) };
			if (data.type === 'multiple_choice' && raw.maxChoices !== undefined) options.maxChoices = raw.maxChoices;
			break;
		}
		case 'number':
			if (raw.min !== undefined && raw.max !== undefined && raw.min > raw.max) issues['options.max'] = 'range_invalid';
			options = {
				...(raw.min !== undefined ? { min: raw.min } : {}),
				...(raw.max !== undefined ? { max: raw.max } : {}),
				...(raw.integer ? { integer: true } : {})
			};
			break;
		case 'file': {
			const allowedTypes = [...new Set(raw.allowedTypes ?? [])];
			if (allowedTypes.length === 0) issues['options.allowedTypes'] = 'file_types_required';
			options = {
				allowedTypes,
				maxBytes: raw.maxBytes ?? fieldLimits.fileBytes.default,
				maxFiles: raw.maxFiles ?? fieldLimits.files.default
			};
			break;
		}
		default:
			options = {};
	}
	if (Object.keys(issues).length > 0) return { issues };
	return {
		field: {
			key: data.key,
			type: data.type,
			label: stringifyLocalized({ en: '', ...data.label }),
			help: stringifyLocalized({ en: '', ...data.help }),
			required: data.required,
			contact: data.contact,
			options
		}
	};
}

/**
 * The questions a language's form would show in English, per language other
 * than English: a label, a help text or a choice written in English and left
 * empty in that language (empty texts fall back to English on the form).
 * In the form's order; languages with nothing missing are left out.
 */
export function untranslatedQuestions(fields: readonly Pick<CallField, 'label' | 'help' | 'options'>[]): { locale: Exclude<Locale, 'en'>; labels: string[] }[] {
	const missing = (text: Localized | undefined, locale: Exclude<Locale, 'en'>) => !!text?.en?.trim() && !text[locale]?.trim();
	return locales
		.filter((locale): locale is Exclude<Locale, 'en'> => locale !== 'en')
		.map((locale) => ({
			locale,
			labels: fields
				.filter((field) => missing(field.label, locale) || missing(field.help, locale) || (field.options.choices ?? []).some((choice) => missing(choice.label, locale)))
				.map((field) => field.label.en)
		}))
		.filter((language) => language.labels.length > 0);
}
