import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/http';
import { AdminClient, signedIn } from '../support/staff';

describe('the place picker’s town search, over HTTP against the built server', () => {
	let test: TestServer;
	let editor: AdminClient;
	let reviewer: AdminClient;

	beforeAll(async () => {
		test = await startTestServer();
		[editor, reviewer] = await Promise.all([signedIn(test, 'editor@example.org', 'editor'), signedIn(test, 'reviewer@example.org', 'reviewer')]);
	});
	afterAll(async () => {
		await test?.stop();
	});

	it('sends someone not signed in to the sign-in page, and back to the search afterwards', async () => {
		const response = await new AdminClient(test.origin).get('/admin/places?q=patan');
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`/admin/login?next=${encodeURIComponent('/admin/places?q=patan')}`);
	});

	it('refuses a reviewer, who does not edit content', async () => {
		const response = await reviewer.get('/admin/places?q=patan');
		expect(response.status).toBe(403);
		expect(await response.text()).not.toContain('Nepal');
	});

	it('gives an editor the towns as JSON, best first, with the country’s English name, never kept on the way', async () => {
		const response = await editor.get(`/admin/places?q=${encodeURIComponent('Pātan')}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^application\/json/);
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		const places = (await response.json()) as Record<string, unknown>[];
		expect(places.length).toBeGreaterThan(2);
		expect(places.length).toBeLessThanOrEqual(10);
		expect(places[0]).toMatchObject({ name: 'Pātan', country: 'NP', countryName: 'Nepal', label: 'Pātan, Nepal' });
		expect(places[0]!.latitude).toBeCloseTo(27.68, 1);
		expect(places[0]!.longitude).toBeCloseTo(85.31, 1);
		expect(places[1]).toMatchObject({ name: 'Pātan', country: 'IN', countryName: 'India' });

		const sao = (await (await editor.get('/admin/places?q=sao+paulo')).json()) as { label: string }[];
		expect(sao[0]!.label).toBe('São Paulo, Brazil');
	});

	it('answers an empty list for no search, nonsense or a very long one', async () => {
		for (const q of ['', '?q=', '?q=%20%20', '?q=zzqxv', `?q=${'graz'.repeat(500)}`, '?q=%00graz']) {
			const response = await editor.get(`/admin/places${q}`);
			expect(response.status, q.slice(0, 20)).toBe(200);
			const places = (await response.json()) as { name: string }[];
			if (q === '?q=%00graz') expect(places[0]?.name).toBe('Graz');
			else expect(places).toEqual([]);
		}
	});
});
