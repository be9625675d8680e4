import { describe, expect, it } from 'vitest';
import { formField, formSchema, localizedFields, localizedOf, localizedValues } from './form-fields';

function formOf(entries: [string, string | File][]): FormData {
	const form = new FormData();
	for (const [name, value] of entries) form.append(name, value);
	return form;
}

describe('formSchema', () => {
	const schema = formSchema({
		key: formField.trimmed(10),
		note: formField.text(5),
		topics: formField.list(3, 2),
		paused: formField.ticked(),
		confirm: formField.is('yes'),
		direction: formField.choice(['up', 'down'], 'up'),
		kind: formField.oneOf(['artists', 'hosts']),
		id: formField.id()
	});

	it('reads each field as its input means it', () => {
		const form = formOf([
			['key', '  walls  '],
			['note', 'a long note'],
			['topics', 'arts'],
			['topics', 'events'],
			['topics', 'more'],
			['paused', 'on'],
			['confirm', 'yes'],
			['direction', 'down'],
			['kind', 'hosts'],
			['id', '42'],
			['unknown', 'dropped']
		]);
		expect(schema.read(form)).toEqual({ key: 'walls', note: 'a lon', topics: ['art', 'eve'], paused: true, confirm: true, direction: 'down', kind: 'hosts', id: 42 });
	});

	it('never fails: missing fields, files, repeated names and nonsense read as empty or the fallback', () => {
		expect(schema.read(new FormData())).toEqual({ key: '', note: '', topics: [], paused: false, confirm: false, direction: 'up', kind: undefined, id: undefined });
		const hostile = formOf([
			['key', new File(['x'], 'x.txt')],
			['note', 'first'],
			['note', 'second'],
			['confirm', 'YES'],
			['direction', 'sideways'],
			['kind', 'Hosts'],
			['id', '1e309']
		]);
		expect(schema.read(hostile)).toEqual({ key: '', note: 'first', topics: [], paused: false, confirm: false, direction: 'up', kind: undefined, id: undefined });
		expect(schema.read(formOf([['id', '99999999999999999999']])).id).toBeUndefined();
	});

	it('reads a version number carried back: none, the number, or 0 for one that cannot exist', () => {
		const carried = formSchema({ consent_version: formField.version() });
		expect(carried.read(new FormData()).consent_version).toBeUndefined();
		expect(carried.read(formOf([['consent_version', ' 3 ']])).consent_version).toBe(3);
		expect(carried.read(formOf([['consent_version', '1e309']])).consent_version).toBe(0);
	});

	it('reads a file input as the file sent, and text in its place as none', () => {
		const upload = formSchema({ file: formField.file() });
		const photo = new File([new Uint8Array([1, 2])], 'photo.jpg');
		expect(upload.read(formOf([['file', photo]])).file?.name).toBe('photo.jpg');
		expect(upload.read(formOf([['file', 'photo.jpg']])).file).toBeUndefined();
		expect(upload.read(new FormData()).file).toBeUndefined();
	});
});

describe('translated fields', () => {
	it('reads `<name>.<language>` inputs and turns them into one text per language and back', () => {
		const schema = formSchema({ ...localizedFields('title', 4), slug: formField.text(20) });
		const values = schema.read(formOf([['title.en', 'Walls that talk'], ['title.es', 'Muros'], ['slug', 'walls']]));
		expect(values).toEqual({ 'title.en': 'Wall', 'title.ne': '', 'title.id': '', 'title.es': 'Muro', slug: 'walls' });
		expect(localizedOf(values, 'title')).toEqual({ en: 'Wall', ne: '', id: '', es: 'Muro' });
		expect(localizedValues('title', { en: 'Walls', es: 'Muros' })).toEqual({ 'title.en': 'Walls', 'title.ne': '', 'title.id': '', 'title.es': 'Muros' });
		const row = formSchema({ ...localizedFields('label', 20), weight: formField.trimmed(5) });
		expect(row.read(formOf([['criterion.1.label.en', 'Craft'], ['criterion.1.weight', ' 3 ']]), 'criterion.1.')).toMatchObject({ 'label.en': 'Craft', weight: '3' });
		expect(localizedValues('title', null)).toEqual({ 'title.en': '', 'title.ne': '', 'title.id': '', 'title.es': '' });
	});
});
