import { z } from 'zod';
import { locales, type Locale } from '$lib/i18n/locales';
import { idFrom } from '../route-params';

/*
 * Reading a posted form with a zod schema. Each field's schema is given every
 * value posted under its name (`form.getAll`), and reads it the way a form
 * means it: the first text for a text input, all of them for checkboxes that
 * share a name, presence for a lone checkbox. Whatever arrives (a file where
 * text was expected, a name sent twice, nothing), reading never fails: what is
 * wrong with the values is for the domain's own schema to say, in its words.
 */

/** What a form posted under one name, in order. */
type Posted = unknown;

const texts = (posted: Posted): string[] => (Array.isArray(posted) ? posted : [posted]).filter((value): value is string => typeof value === 'string');
const isMissing = (posted: Posted): boolean => posted === undefined || (Array.isArray(posted) && posted.length === 0);
const firstText = (posted: Posted): string | undefined => {
	const first: unknown = Array.isArray(posted) ? posted[0] : posted;
	return typeof first === 'string' ? first : undefined;
};

/**
 * A text input: as typed, cut at `max` characters to bound what is held and
 * shown again; `ifMissing` when the form did not send it at all, '' for a file.
 */
function text(max: number, ifMissing = '') {
	return z.preprocess((posted) => (isMissing(posted) ? ifMissing : (firstText(posted) ?? '').slice(0, max)), z.string());
}

/** A text input whose surrounding spaces mean nothing (a key, a number, an address): cut at `max`, then trimmed. */
function trimmed(max: number) {
	return z.preprocess((posted) => (firstText(posted) ?? '').slice(0, max).trim(), z.string());
}

/** Checkboxes (or a multiple select) sharing a name: the ticked values, each cut at `max`, at most `count` of them. */
function list(max = 100, count = 100) {
	return z.preprocess((posted) => texts(posted).map((value) => value.slice(0, max)).slice(0, count), z.array(z.string()));
}

/** A lone checkbox: ticked when the form sent it at all. */
function ticked() {
	return z.preprocess((posted) => !isMissing(posted), z.boolean());
}

/** True only when the first value is exactly `value` (a confirmation step's `confirm=yes`). */
function is(value: string) {
	return z.preprocess((posted) => firstText(posted) === value, z.boolean());
}

/** One of `options`; anything else is undefined. */
function oneOf<const T extends string>(options: readonly T[]) {
	return z.preprocess((posted) => {
		const value = firstText(posted);
		return value !== undefined && (options as readonly string[]).includes(value) ? value : undefined;
	}, z.custom<T>().optional());
}

/** One of `options`; anything else is `fallback`. */
function choice<const T extends string>(options: readonly T[], fallback: NoInfer<T>) {
	return z.preprocess((posted) => {
		const value = firstText(posted);
		return value !== undefined && (options as readonly string[]).includes(value) ? value : fallback;
	}, z.custom<T>());
}

/** A row's id in plain digits (1 to the largest id a row can have); anything else is undefined. */
function id() {
	return z.preprocess((posted) => idFrom(firstText(posted)), z.number().int().positive().optional());
}

/**
 * A version number a form carries back (the consent text's the visitor saw):
 * undefined when none was sent, the number when it is written in digits, and 0,
 * a version that cannot exist, for anything else, so that it is refused as such.
 */
function version() {
	return z.preprocess((posted) => {
		const value = (firstText(posted) ?? '').trim();
		if (value === '') return undefined;
		return /^\d{1,9}$/.test(value) ? Number(value) : 0;
	}, z.number().optional());
}

/** A file input: the first file sent, or undefined when none was (or text came instead). */
function file() {
	return z.preprocess((posted) => {
		const first: unknown = Array.isArray(posted) ? posted[0] : posted;
		return first instanceof File ? first : undefined;
	}, z.instanceof(File).optional());
}

/** The readers of single form fields, for `formSchema`. */
export const formField = { text, trimmed, list, ticked, is, oneOf, choice, id, version, file };

/** The form names of a translated text, one per language: `title.en`, `title.ne`… */
export type LocalizedNames<F extends string> = `${F}.${Locale}`;

/** A translated text's inputs (`<name>.<language>`), each a text input cut at `max`. */
export function localizedFields<F extends string>(name: F, max: number): Record<LocalizedNames<F>, ReturnType<typeof text>> {
	return Object.fromEntries(locales.map((l) => [`${name}.${l}`, text(max)])) as Record<LocalizedNames<F>, ReturnType<typeof text>>;
}

/** A translated text from a form's values (`title.en`, `title.ne`…): one text per language, '' where there is none. */
export function localizedOf<F extends string>(values: Readonly<Partial<Record<LocalizedNames<F>, string>>>, name: F): Record<Locale, string> {
	return Object.fromEntries(locales.map((l) => [l, values[`${name}.${l}`] ?? ''])) as Record<Locale, string>;
}

/** The form's values of a stored translated text, to show in its inputs: `{ 'title.en': …, 'title.ne': … }`. */
export function localizedValues<F extends string>(name: F, text: Readonly<Partial<Record<Locale, string>>> | null | undefined): Record<LocalizedNames<F>, string> {
	return Object.fromEntries(locales.map((l) => [`${name}.${l}`, text?.[l] ?? ''])) as Record<LocalizedNames<F>, string>;
}

export type FormShape = Record<string, z.ZodType>;

/**
 * A form's schema: `read(form)` gives each field's value by its input's name,
 * typed by the shape; names the shape does not list are dropped. For a form of
 * rows (`criterion.0.weight`, `criterion.1.weight`…), `read(form, 'criterion.0.')`
 * reads one row's inputs by their names after the prefix.
 */
export function formSchema<S extends FormShape>(shape: S) {
	const schema = z.object(shape);
	const names = Object.keys(shape);
	return {
		schema,
		read(form: FormData, prefix = ''): z.output<typeof schema> {
			return schema.parse(Object.fromEntries(names.map((name) => [name, form.getAll(prefix + name)])));
		}
	};
}
