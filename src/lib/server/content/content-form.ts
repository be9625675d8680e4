import type { Localized } from '$lib/i18n/locales';
import { formField, formSchema, localizedFields, localizedOf, localizedValues, type FormShape } from '$lib/server/platform/forms';
import { locales } from '$lib/i18n/locales';
import { languageAsTyped } from '$lib/server/shared/languages';
import { contentItems, isLocalizedField, type ContentItemType, type FieldSpec, type ItemData, type RowData, type RowFieldSpec, type SocialLinkData } from './content-items';

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
		// Rows and lists of ids have many inputs each: read from the form by `rowsFromForm` and `idsFromForm`.
		if (field.kind === 'rows' || field.kind === 'refs') continue;
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
		} else if (field.kind === 'term') {
			const value = text(field.name).trim();
			data[field.name] = value === '' ? 0 : /^\d+$/.test(value) ? Number(value) : Number.NaN;
		} else if (field.kind === 'tags') {
			data[field.name] = text(field.name).split(',');
		} else if (field.kind === 'languages') {
			data[field.name] = text(field.name).split(/[,;]/);
		} else if (field.kind === 'refs') {
			data[field.name] = idsFromForm(form, field.name);
		} else if (field.kind === 'rows') {
			data[field.name] = rowsFromForm(form, field);
		} else {
			data[field.name] = text(field.name);
		}
	}
	return data;
}

const maxRows = 200;

/** The ids ticked or chosen under one name, in the order posted. */
function idsFromForm(form: FormData, name: string): number[] {
	return form
		.getAll(name)
		.slice(0, maxRows)
		.map((value) => (typeof value === 'string' && /^\d{1,9}$/.test(value.trim()) ? Number(value.trim()) : 0))
		.filter((id) => id > 0);
}

/** One posted input's text, bounded; '' when absent or a file. */
function formText(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value.slice(0, maxInput) : '';
}

/** The row numbers posted for a rows field (`places.0.city`, `places.3.city`…), in order. */
function rowIndexes(form: FormData, field: string): number[] {
	const prefix = `${field}.`;
	const indexes = new Set<number>();
	for (const name of form.keys()) {
		if (!name.startsWith(prefix)) continue;
		const match = /^(\d{1,3})\./.exec(name.slice(prefix.length));
		if (match) indexes.add(Number(match[1]));
		if (indexes.size >= maxRows) break;
	}
	return [...indexes].sort((a, b) => a - b);
}

function rowValue(form: FormData, name: string, sub: RowFieldSpec): RowData[string] {
	switch (sub.kind) {
		case 'line':
			return Object.fromEntries(locales.map((l) => [l, formText(form, `${name}.${l}`)])) as Localized;
		case 'flag':
			return form.has(name);
		case 'integer': {
			const value = formText(form, name).trim().replace(/[\s,._]/g, '');
			return /^\d+$/.test(value) ? Number(value) : Number.NaN;
		}
		case 'decimal': {
			const value = formText(form, name).trim().replace(',', '.');
			return value === '' ? null : /^[-+]?\d{1,3}(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
		}
		case 'image':
		case 'ref': {
			const value = formText(form, name).trim();
			return /^\d{1,9}$/.test(value) ? Number(value) : 0;
		}
		default:
			return formText(form, name);
	}
}

function isBlankRow(form: FormData, prefix: string): boolean {
	for (const [name, value] of form.entries()) {
		if (name.startsWith(prefix) && typeof value === 'string' && value.trim() !== '') return false;
	}
	return true;
}

/** The rows of a rows field as posted, in their order on the page; rows left wholly empty are dropped. */
function rowsFromForm(form: FormData, field: FieldSpec): RowData[] {
	const rows: RowData[] = [];
	for (const index of rowIndexes(form, field.name)) {
		const prefix = `${field.name}.${index}.`;
		if (isBlankRow(form, prefix)) continue;
		rows.push(Object.fromEntries((field.rows ?? []).map((sub) => [sub.name, rowValue(form, `${prefix}${sub.name}`, sub)])));
	}
	return rows;
}

/** A rows field's rows as flat form values, numbered from 0. */
function rowsToValues(field: FieldSpec, rows: RowData[], values: FormValues): void {
	for (const [index, row] of rows.entries()) {
		for (const sub of field.rows ?? []) {
			const name = `${field.name}.${index}.${sub.name}`;
			const value = row[sub.name];
			if (sub.kind === 'line') Object.assign(values, localizedValues(name, value as Localized | undefined));
			else if (sub.kind === 'flag') values[name] = value ? 'on' : '';
			else if (sub.kind === 'image' || sub.kind === 'ref') values[name] = value ? String(value) : '';
			else values[name] = value === undefined || value === null || (typeof value === 'number' && Number.isNaN(value)) ? '' : String(value);
		}
	}
}

/** What was typed, to show again when a save is refused. */
export function formValuesFromForm(type: ContentItemType, form: FormData): FormValues {
	const values: FormValues = Object.fromEntries(
		Object.entries(readEditForm(type, form)).map(([name, value]) => [name, typeof value === 'boolean' ? (value ? 'on' : '') : String(value)])
	);
	for (const field of contentItems[type].fields) {
		if (field.kind === 'refs') values[field.name] = idsFromForm(form, field.name).join(',');
		if (field.kind !== 'rows') continue;
		// As typed, including what does not parse, so nothing is lost when the save is refused;
		// numbered as the rows the save checked, so each issue lands beside its input.
		const posted = rowIndexes(form, field.name).filter((row) => !isBlankRow(form, `${field.name}.${row}.`));
		for (const [index, row] of posted.entries()) {
			for (const sub of field.rows ?? []) {
				const from = `${field.name}.${row}.${sub.name}`;
				const to = `${field.name}.${index}.${sub.name}`;
				if (sub.kind === 'line') for (const l of locales) values[`${to}.${l}`] = formText(form, `${from}.${l}`);
				else if (sub.kind === 'flag') values[to] = form.has(from) ? 'on' : '';
				else values[to] = formText(form, from);
			}
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
			Object.assign(values, localizedValues(field.name, value as Localized | undefined));
		} else if (field.kind === 'flag') {
			values[field.name] = value ? 'on' : '';
		} else if (field.kind === 'links') {
			values[field.name] = linksToText((value ?? []) as SocialLinkData[]);
		} else if (field.kind === 'image' || field.kind === 'term') {
			values[field.name] = value ? String(value) : '';
		} else if (field.kind === 'refs' || field.kind === 'tags') {
			values[field.name] = ((value ?? []) as (number | string)[]).join(field.kind === 'tags' ? ', ' : ',');
		} else if (field.kind === 'languages') {
			// Stored as codes, shown by their English names, which the form reads back.
			values[field.name] = ((value ?? []) as string[]).map(languageAsTyped).join(', ');
		} else if (field.kind === 'rows') {
			rowsToValues(field, (value ?? []) as RowData[], values);
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
