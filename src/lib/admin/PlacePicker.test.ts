import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import PlacePicker, { type PlaceFields } from './PlacePicker.svelte';
import { parseHtml } from '../../../tests/support/http';

const countries = [
	{ code: 'AT', name: 'Austria' },
	{ code: 'NP', name: 'Nepal' }
];

const patan: PlaceFields = { name: 'Patan Durbar Square', city: 'Pātan', country: 'NP', latitude: 27.67658, longitude: 85.31417, virtual: false };

function rendered(value: PlaceFields, issues: Record<string, string> = {}) {
	const { body } = render(PlacePicker, { props: { namePrefix: 'places.1', value, countries, issues, legend: 'Place 2' } });
	const page = parseHtml(body);
	const fields = page.all((e) => ['input', 'select'].includes(e.name ?? '') && Boolean(e.attribs.name));
	return { body, page, fields, field: (name: string) => fields.find((e) => e.attribs.name === name) };
}

describe('PlacePicker as the server renders it (and as it works without JavaScript)', () => {
	it('is plain form fields named under the prefix, each labelled, holding the place', () => {
		const { body, page, fields, field } = rendered(patan);
		expect(fields.map((e) => e.attribs.name)).toEqual(['places.1.name', 'places.1.virtual', 'places.1.city', 'places.1.country', 'places.1.latitude', 'places.1.longitude']);
		expect(field('places.1.name')?.attribs.value).toBe('Patan Durbar Square');
		expect(field('places.1.city')?.attribs.value).toBe('Pātan');
		expect(field('places.1.latitude')?.attribs.value).toBe('27.67658');
		expect(field('places.1.longitude')?.attribs.value).toBe('85.31417');
		expect(field('places.1.virtual')?.attribs.checked).toBeUndefined();
		const selected = page.all((e) => e.name === 'option' && e.attribs.selected !== undefined);
		expect(selected.map((e) => e.attribs.value)).toEqual(['NP']);
		const labelled = new Set(page.byTag('label').map((l) => l.attribs.for));
		for (const input of fields) if (input.attribs.type !== 'checkbox') expect(labelled, input.attribs.name).toContain(input.attribs.id);
		expect(body).toContain('Place 2');
		// The search and the pasting need the browser's script: without it they would only be boxes that do nothing.
		expect(body).not.toContain('Find a town');
		expect(body).not.toContain('Or paste coordinates');
	});

	it('shows an online place checked, with no position', () => {
		const { field } = rendered({ name: 'Zoom talk', city: '', country: '', latitude: null, longitude: null, virtual: true });
		expect(field('places.1.virtual')?.attribs.checked).toBeDefined();
		expect(field('places.1.latitude')?.attribs.value ?? '').toBe('');
	});

	it('puts a refused field’s message beside it and ties it to the field', () => {
		const { page, field } = rendered(patan, { 'places.1.latitude': 'A latitude is between −90 and 90.' });
		const latitude = field('places.1.latitude')!;
		expect(latitude.attribs['aria-invalid']).toBe('true');
		expect(latitude.attribs['aria-describedby']).toContain('places-1-latitude-error');
		const message = page.all((e) => e.attribs.id === 'places-1-latitude-error')[0];
		expect(message).toBeDefined();
	});
});
