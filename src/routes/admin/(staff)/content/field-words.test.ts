import { describe, expect, it } from 'vitest';
import { contentItems, pageFieldHints, pageLabels } from '$lib/server/content/content-items';
import { fieldWord, fieldWordMessages, missingFieldLabel, translatedField } from './field-words';

/** Every text of the field descriptions the editor shows: kinds, pages, labels, help, sections, rows, options. */
function describedTexts(): string[] {
	const texts = new Set<string>();
	const add = (text: string | undefined) => text !== undefined && texts.add(text);
	for (const spec of Object.values(contentItems)) {
		add(spec.label);
		add(spec.groupLabel);
		for (const field of spec.fields) {
			[field.label, field.hint, field.section, field.rowLabel].forEach(add);
			field.options?.forEach((o) => add(o.label));
			for (const row of field.rows ?? []) {
				[row.label, row.hint].forEach(add);
				row.options?.forEach((o) => add(o.label));
			}
		}
	}
	Object.values(pageLabels).forEach(add);
	for (const hints of Object.values(pageFieldHints)) Object.values(hints ?? {}).forEach(add);
	return [...texts];
}

describe('the words of the content editor', () => {
	it('has a message for every text of the field descriptions, saying it in English as the description does', () => {
		const texts = describedTexts();
		expect(texts.filter((text) => !Object.hasOwn(fieldWordMessages, text))).toEqual([]);
		for (const text of texts) expect(fieldWord(text)).toBe(text);
	});

	it('has no message for a text the descriptions no longer have', () => {
		const texts = new Set(describedTexts());
		expect(Object.keys(fieldWordMessages).filter((text) => !texts.has(text))).toEqual([]);
	});

	it('leaves a field as it is described, in English', () => {
		for (const spec of Object.values(contentItems)) for (const field of spec.fields) expect(translatedField(field)).toEqual(field);
	});

	it('names a row’s missing line by its field, its number from 1 and its own label', () => {
		expect(missingFieldLabel('initiative', 'figures.1.label')).toBe('Impact figures 2: What was counted');
		expect(missingFieldLabel('page', 'title')).toBe('Title');
	});

	it('keeps a text it has no message for as it is', () => {
		expect(fieldWord('A field added since')).toBe('A field added since');
	});
});
