import type { Localized } from '$lib/i18n/locales';
import { formField, formSchema, localizedFields, localizedOf, localizedValues, type FormShape } from '$lib/server/platform/forms';
import { contentItems, isLocalizedField, type ContentItemType, type ItemData, type SocialLinkData } from './content-items';

/*
 * The edit form's field names: "<field>.<language>" for translated fields,
 * "<field>" for the others. The same names key the form's values, the issues a
 * failed save returns, and the server's reading of a posted form.
 */

/** What the form shows, as the strings of its inputs ('on' / '' for a checkbox). */
export type FormValues = Record<string, string>;

const maxInput = 200_000;

/** The edit form of each type, as a schema: every input as text, a checkbox as ticked or not. */
const editForms = new Map<ContentItemType, ReturnType<typeof editFormOf>>();

function editFormOf(type: ContentItemType) {
	const shape: FormShape = {};
	for (const field of contentItems[type].fields) {
		if (isLocalizedField(field)) Object.assign(shape, localizedFields(field.name, maxInput));
		else shape[field.name] = field.kind === 'flag' ? formField.ticked() : formField.text(maxInput);
	}
	return formSchema(shape);
}

function readEditForm(type: ContentItemType, form: FormData): Record<string, unknown> {
	let schema = editForms.get(type);
	if (!schema) editForms.set(type, (schema = editFormOf(type)));
	return schema.read(form);
}

/** Reads a posted edit form into raw item data for `saveDraft`, which checks it. */
export function itemDataFromForm(type: ContentItemType, form: FormData): Record<string, unknown> {
	const read = readEditForm(type, form);
	const text = (name: string) => read[name] as string;
	const data: Record<string, unknown> = {};
	for (const field of contentItems[type].fields) {
		if (isLocalizedField(field)) {
			data[field.name] = localizedOf(read as Record<string, string>, field.name);
		} else if (field.kind === 'flag') {
			data[field.name] = read[field.name];
		} else if (field.kind === 'integer') {
			const value = text(field.name).trim();
			data[field.name] = /^\d+$/.test(value) ? Number(value) : Number.NaN;
		} else if (field.kind === 'image') {
			const value = text(field.name).trim();
			data[field.name] = value === '' ? 0 : /^\d+$/.test(value) ? Number(value) : Number.NaN;
		} else if (field.kind === 'links') {
			data[field.name] = linksFromText(text(field.name));
		} else {
			data[field.name] = text(field.name);
		}
	}
	return data;
}

/** What was typed, to show again when a save is refused. */
export function formValuesFromForm(type: ContentItemType, form: FormData): FormValues {
	return Object.fromEntries(Object.entries(readEditForm(type, form)).map(([name, value]) => [name, typeof value === 'boolean' ? (value ? 'on' : '') : String(value)]));
}

/** The form's values for stored item data. */
export function formValuesFromData(type: ContentItemType, data: ItemData): FormValues {
	const values: FormValues = {};
	for (const field of contentItems[type].fields) {
		const value = data[field.name];
		if (isLocalizedField(field)) {
			Object.assign(values, localizedValues(field.name, value as Localized | undefined));
		} else if (field.kind === 'flag') {
			values[field.name] = value ? 'on' : '';
		} else if (field.kind === 'links') {
			values[field.name] = linksToText((value ?? []) as SocialLinkData[]);
		} else if (field.kind === 'image') {
			values[field.name] = value ? String(value) : '';
		} else {
			values[field.name] = value === undefined || value === null ? '' : String(value);
		}
	}
	return values;
}

/** "Label https://…" per line; the address is the last word of the line. */
export function linksFromText(text: string): SocialLinkData[] {
	return text
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter((line) => line !== '')
		.map((line) => {
			const at = line.search(/\S+$/);
			return { label: line.slice(0, at).trim(), url: line.slice(at) };
		});
}

export function linksToText(links: SocialLinkData[]): string {
	return links.map((l) => `${l.label} ${l.url}`).join('\n');
}
