import { beforeAll, describe, expect, it } from 'vitest';
import { createPlaceLookup, findPlaces, loadPlaceIndex, maxPlaces, parseCoordinates, type Place, type PlaceIndex } from './place-lookup';
import { normalizePlaceName } from './place-name';

describe('normalizePlaceName', () => {
	it('drops case, accents, apostrophes and punctuation, and folds letters that have no accent to drop', () => {
		expect(normalizePlaceName('São Paulo')).toBe('sao paulo');
		expect(normalizePlaceName('Saint-Étienne')).toBe('saint etienne');
		expect(normalizePlaceName("N'Djamena")).toBe('ndjamena');
		expect(normalizePlaceName('Łódź')).toBe('lodz');
		expect(normalizePlaceName('Großenhain')).toBe('grossenhain');
		expect(normalizePlaceName('  Pātan,  Lalitpur ')).toBe('patan lalitpur');
		expect(normalizePlaceName('İstanbul')).toBe('istanbul');
		expect(normalizePlaceName('KATHMANDU')).toBe('kathmandu');
	});
});

describe('findPlaces', () => {
	let index: PlaceIndex;
	beforeAll(() => {
		index = loadPlaceIndex();
	});

	const first = (query: string) => findPlaces(query)[0];
	const exact = (query: string, place: Place) => normalizePlaceName(place.name) === normalizePlaceName(query);

	it('holds the towns of the package, each with a country, a position and a population', () => {
		expect(index.count).toBeGreaterThan(130_000);
		const [kathmandu] = findPlaces('Kathmandu', 1);
		expect(kathmandu).toEqual({ name: 'Kathmandu', country: 'NP', adminCode: '3', latitude: 27.70169, longitude: 85.3206, population: 1442271 });
	});

	it('finds a town by the start of its name, ignoring case and accents', () => {
		expect(first('patan')).toMatchObject({ name: 'Pātan', country: 'NP' });
		expect(first('patan')!.latitude).toBeCloseTo(27.677, 2);
		expect(first('patan')!.longitude).toBeCloseTo(85.314, 2);
		expect(first('Nowra')).toMatchObject({ name: 'Nowra', country: 'AU' });
		expect(first('GRAZ')).toMatchObject({ name: 'Graz', country: 'AT' });
		for (const query of ['sao paulo', 'São Paulo', 'SAO PAU', 'são-paulo']) expect(first(query), query).toMatchObject({ name: 'São Paulo', country: 'BR' });
		expect(first('saint etienne')).toMatchObject({ name: 'Saint-Étienne', country: 'FR' });
		expect(first('lodz')).toMatchObject({ name: 'Łódź', country: 'PL' });
		expect(first('ndjamena')).toMatchObject({ name: "N'Djamena", country: 'TD' });
		expect(first('new york')).toMatchObject({ name: 'New York City', country: 'US' });
	});

	it('puts towns named exactly so first, then the larger towns', () => {
		// Nowrangapur (India) is far larger, but the town is called Nowra.
		const nowra = findPlaces('nowra');
		expect(nowra.map((p) => p.name).slice(0, 2)).toEqual(['Nowra', 'Nowrangapur']);

		const patan = findPlaces('patan', 20);
		expect(patan.filter((p) => exact('patan', p)).length).toBeGreaterThanOrEqual(3);
		for (let i = 1; i < patan.length; i++) {
			const [before, after] = [patan[i - 1]!, patan[i]!];
			if (exact('patan', before) === exact('patan', after)) expect(before.population).toBeGreaterThanOrEqual(after.population);
			else expect(exact('patan', before)).toBe(true);
		}
		// One letter: the largest cities that start with it.
		expect(findPlaces('s', 3).map((p) => p.name)).toEqual(['Shanghai', 'Shenzhen', 'Seoul']);
	});

	it('gives at most `limit` places, ten unless asked, and never more than fifty', () => {
		expect(findPlaces('san')).toHaveLength(10);
		expect(findPlaces('san', 3)).toHaveLength(3);
		expect(findPlaces('san', 1000)).toHaveLength(maxPlaces);
		expect(findPlaces('san', 0)).toEqual([]);
		expect(findPlaces('san', -5)).toEqual([]);
		expect(findPlaces('san', Number.NaN)).toEqual([]);
		expect(findPlaces('Kathmandu', 10)).toHaveLength(1);
	});

	it.each(['', '   ', '!!!', '---', "'", 'zzqxv', 'graz'.repeat(30), '\u0000', '🙂'])('finds nothing for %j', (query) => {
		expect(findPlaces(query)).toEqual([]);
	});

	it('answers in well under 5 ms once loaded, even for one letter', () => {
		findPlaces('warm up');
		for (const query of ['a', 's', 'san', 'patan', 'sao paulo']) {
			const started = performance.now();
			for (let i = 0; i < 20; i++) findPlaces(query);
			expect((performance.now() - started) / 20, query).toBeLessThan(5);
		}
	});

	it('reads the data on the first search and lets it go after the idle time', async () => {
		let loads = 0;
		const lookup = createPlaceLookup({ load: () => (loads++, index), idleMs: 40 });
		expect(lookup.find('')).toEqual([]);
		expect(lookup.isLoaded()).toBe(false);
		expect(lookup.find('graz')[0]?.name).toBe('Graz');
		lookup.find('patan');
		expect([loads, lookup.isLoaded()]).toEqual([1, true]);
		await new Promise((resolve) => setTimeout(resolve, 150));
		expect(lookup.isLoaded()).toBe(false);
		expect(lookup.find('nowra')[0]?.name).toBe('Nowra');
		expect(loads).toBe(2);
		lookup.release();
		expect(lookup.isLoaded()).toBe(false);
	});

	it('reads pasted coordinates too', () => {
		expect(parseCoordinates('27.67, 85.32')).toEqual({ latitude: 27.67, longitude: 85.32 });
	});
});
