import { gzipSync } from 'node:zlib';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import WorldMap from '$lib/components/WorldMap.svelte';
import { groupingDistance, markerRadius } from '$lib/world-map-sizes';
import { groupPlacesByCountry, layoutMarkers, projectPlace, type MapPlace } from './world-map';

function place(id: string, lat: number | null, lon: number | null, country = 'NP', label = id): MapPlace {
	return { id, lat, lon, label, href: `/initiatives/${id}`, country };
}

const patan = place('patan', 27.67, 85.32, 'NP', 'Patan');
const singapore = place('singapore', 1.29, 103.85, 'SG', 'Singapore');

describe('markers on the world map', () => {
	it('puts a place where the projection puts it', () => {
		const [marker] = layoutMarkers([patan], { size: 'large', locale: 'en' });
		const { x, y } = projectPlace(85.32, 27.67);
		expect(marker).toMatchObject({ count: 1, label: 'Patan', href: '/initiatives/patan', placeIds: ['patan'] });
		expect(marker!.x).toBeCloseTo(x, 1);
		expect(marker!.y).toBeCloseTo(y, 1);
	});

	it('marks a place the outline is too coarse to draw', () => {
		const markers = layoutMarkers([singapore], { size: 'large', locale: 'en' });
		expect(markers).toHaveLength(1);
		expect(markers[0]!.x).toBeCloseTo(projectPlace(103.85, 1.29).x, 1);
	});

	it('groups places too close to tell apart, and keeps far ones apart', () => {
		// About a kilometre east of Patan.
		const near = place('lalitpur-east', 27.67, 85.33, 'NP', 'Imadol');
		const markers = layoutMarkers([singapore, near, patan], { size: 'large', locale: 'en' });
		expect(markers).toHaveLength(2);
		const group = markers.find((marker) => marker.count === 2)!;
		expect(group.placeIds).toEqual(['lalitpur-east', 'patan']);
		expect(group.label).toContain('Patan');
		expect(group.label).toContain('Imadol');
		expect(group.label).toContain('2');
		expect(group.href).toBe('/initiatives/lalitpur-east');
		expect(markers.find((marker) => marker.count === 1)!.placeIds).toEqual(['singapore']);
	});

	it('groups at a wider distance on the small map', () => {
		// Patan and Delhi: 800 km apart, a marker's width on the small map, four on the large one.
		const places = [patan, place('delhi', 28.61, 77.21, 'IN', 'Delhi')];
		const apart = Math.hypot(projectPlace(85.32, 27.67).x - projectPlace(77.21, 28.61).x, projectPlace(85.32, 27.67).y - projectPlace(77.21, 28.61).y);
		expect(apart).toBeGreaterThan(groupingDistance('large'));
		expect(apart).toBeLessThan(groupingDistance('small'));
		expect(layoutMarkers(places, { size: 'large', locale: 'en' })).toHaveLength(2);
		expect(layoutMarkers(places, { size: 'small', locale: 'en' })).toHaveLength(1);
	});

	it('takes the wording and the link of a group from the page', () => {
		const near = place('imadol', 27.66, 85.34);
		const [group] = layoutMarkers([patan, near], {
			size: 'large',
			locale: 'en',
			describeGroup: (places) => `${places.length} places in Nepal`,
			groupHref: () => '/initiatives#country-NP'
		});
		expect(group).toMatchObject({ count: 2, label: '2 places in Nepal', href: '/initiatives#country-NP' });
	});

	it('leaves virtual places off the map', () => {
		const online = place('online', null, null, '', 'Online');
		expect(layoutMarkers([online, patan], { size: 'large', locale: 'en' }).flatMap((marker) => marker.placeIds)).toEqual(['patan']);
	});

	it('lays out the same markers whatever the order of the places', () => {
		const places = scatteredPlaces(500);
		const forward = layoutMarkers(places, { size: 'large', locale: 'en' });
		const backward = layoutMarkers([...places].reverse(), { size: 'large', locale: 'en' });
		expect(backward).toEqual(forward);
	});

	it('never draws two markers on top of each other', () => {
		const markers = layoutMarkers(scatteredPlaces(3000), { size: 'large', locale: 'en' });
		let closest = Infinity;
		for (let i = 0; i < markers.length; i++) {
			for (let j = i + 1; j < markers.length; j++) closest = Math.min(closest, Math.hypot(markers[i]!.x - markers[j]!.x, markers[i]!.y - markers[j]!.y));
		}
		// Coordinates are rounded to a tenth, hence the small allowance.
		expect(closest).toBeGreaterThan(2 * markerRadius.large - 0.15);
		expect(markers.reduce((sum, marker) => sum + marker.count, 0)).toBe(3000);
	});

	it('lays out 3,000 places quickly', () => {
		const places = scatteredPlaces(3000);
		layoutMarkers(places, { size: 'large', locale: 'en' });
		const started = performance.now();
		const markers = layoutMarkers(places, { size: 'large', locale: 'en' });
		const elapsed = performance.now() - started;
		console.log(`3,000 places: ${markers.length} markers in ${elapsed.toFixed(1)} ms`);
		expect(elapsed).toBeLessThan(500);
	});
});

describe('the map component', () => {
	it('draws the land by reference and each marker as a named link', () => {
		const markers = layoutMarkers([patan, place('imadol', 27.66, 85.34, 'NP', 'Imadol'), singapore], { size: 'small', locale: 'ne' });
		const { body } = render(WorldMap, { props: { markers, title: 'Places of this initiative', size: 'small', locale: 'ne' } });
		expect(body).toMatch(/<svg class="world-map small[^"]*" viewBox="0 0 1000 \d+" role="group" aria-label="Places of this initiative">/);
		expect(body).toMatch(/<use href="[^"]+\.svg#land"/);
		expect(body.match(/<a /g)).toHaveLength(2);
		expect(body).toContain('aria-label="Singapore"');
		expect(body).toContain(`r="${markerRadius.small}"`);
		// The count of a group in the page's digits.
		expect(body).toMatch(/<text [^>]*>२<\/text>/);
	});

	it('keeps a map of 3,000 places light', () => {
		const markers = layoutMarkers(scatteredPlaces(3000), { size: 'large', locale: 'en' });
		const { body } = render(WorldMap, { props: { markers, title: 'Places', size: 'large', locale: 'en' } });
		const compressed = gzipSync(body).byteLength;
		console.log(`3,000 places: ${markers.length} markers, ${body.length} bytes of markup, ${compressed} gzip`);
		expect(compressed).toBeLessThan(15 * 1024);
	});
});

describe('places by country', () => {
	it('sorts countries by their name in the language of the page, and skips virtual places', () => {
		const places = [place('jakarta', -6.2, 106.8, 'ID', 'Jakarta'), patan, place('bhaktapur', 27.67, 85.43, 'NP', 'Bhaktapur'), place('online', null, null, '', 'Online'), place('madrid', 40.4, -3.7, 'ES', 'Madrid')];
		const english = groupPlacesByCountry(places, 'en');
		expect(english.map((group) => group.name)).toEqual(['Indonesia', 'Nepal', 'Spain']);
		expect(english[1]!.places.map((each) => each.label)).toEqual(['Bhaktapur', 'Patan']);
		const spanish = groupPlacesByCountry(places, 'es');
		expect(spanish.map((group) => group.name)).toEqual(['España', 'Indonesia', 'Nepal']);
		expect(groupPlacesByCountry(places, 'ne').find((group) => group.country === 'NP')!.name).toBe('नेपाल');
	});
});

/** Places clustered around a few hundred towns, as an archive's would be; deterministic. */
function scatteredPlaces(count: number): MapPlace[] {
	let seed = 7;
	const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
	const towns = Array.from({ length: 300 }, () => [random() * 140 - 55, random() * 360 - 180] as const);
	return Array.from({ length: count }, (_, i) => {
		const [lat, lon] = towns[Math.floor(random() * towns.length)]!;
		return place(`place-${i}`, lat + (random() - 0.5) * 2, lon + (random() - 0.5) * 2, 'NP', `Place ${i}`);
	});
}
