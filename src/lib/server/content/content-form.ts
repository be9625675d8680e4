import { locales, type Localized } from '$lib/i18n/locales';
import { contentItems, isLocalizedField, type ContentItemType, type ItemData, type SocialLinkData } from './content-items';

/*
 * The edit form's field names: "<field>.<language>" for translated fields,
 * "<field>" for the others. The same names key the form's values, the issues a
 * failed save returns, and the server's reading of a posted form.
 */

/** What the form shows, as the strings of its inputs ('on' / '' for a checkbox). */
export type FormValues = Record<string, string>;

const maxInput = 200_000;

/** Reads a posted edit form into raw item data for `saveDraft`, which checks it. */
export function itemDataFromForm(type: ContentItemType, form: FormData): Record<string, unknown> {
	const text = (name: string) => String(form.get(name) ?? '').slice(0, maxInput);
	const data: Record<string, unknown> = {};
	for (const field of contentItems[type].fields) {
		if (isLocalizedField(field)) {
			data[field.name] = Object.fromEntries(locales.map((l) => [l, text(`${field.name}.${l}`)]));
		} else if (field.kind === 'flag') {
			data[field.name] = form.has(field.name);
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
	const values: FormValues = {};
	for (const field of contentItems[type].fields) {
		const names = isLocalizedField(field) ? locales.map((l) => `${field.name}.${l}`) : [field.name];
		for (const name of names) {
			values[name] = field.kind === 'flag' ? (form.has(name) ? 'on' : '') : String(form.get(name) ?? '').slice(0, maxInput);
		}
	}
	return values;
}

/** The form's values for stored item data. */
export function formValuesFromData(type: ContentItemType, data: ItemData): FormValues {
	const values: FormValues = {};
	for (const field of contentItems[type].fields) {
		const value = data[field.name];
		if (isLocalizedField(field)) {
			const localized = (value ?? { en: '' }) as Localized;
			for (const l of locales) values[`${field.name}.${l}`] = localized[l] ?? '';
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
