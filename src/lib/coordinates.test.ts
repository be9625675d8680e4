import { describe, expect, it } from 'vitest';
import { parseCoordinates } from './coordinates';

const patan = { latitude: 27.67, longitude: 85.32 };

describe('parseCoordinates', () => {
	it.each(['27.67, 85.32', '27.67 85.32', '27.67,85.32', '  27.67 ,  85.32 ', '27.67; 85.32', '(27.67, 85.32)', '+27.67, +85.32'])(
		'reads decimal degrees, latitude first: %s',
		(text) => {
			expect(parseCoordinates(text)).toEqual(patan);
		}
	);

	it('reads negative degrees as south and west', () => {
		expect(parseCoordinates('-33.9, 18.5')).toEqual({ latitude: -33.9, longitude: 18.5 });
		expect(parseCoordinates('-33.9 -70.65')).toEqual({ latitude: -33.9, longitude: -70.65 });
		// The minus sign a word processor puts in.
		expect(parseCoordinates('−33.9, 18.5')).toEqual({ latitude: -33.9, longitude: 18.5 });
	});

	it.each(['27.67°N 85.32°E', '27.67° N, 85.32° E', '27.67N 85.32E', 'N 27.67 E 85.32', 'N27.67° E85.32°', '27.67n 85.32e'])(
		'reads hemisphere letters before or after the degrees: %s',
		(text) => {
			expect(parseCoordinates(text)).toEqual(patan);
		}
	);

	it('takes longitude first when the letters say so', () => {
		expect(parseCoordinates('85.32°E 27.67°N')).toEqual(patan);
		expect(parseCoordinates('18.5 E, 33.9 S')).toEqual({ latitude: -33.9, longitude: 18.5 });
		expect(parseCoordinates('33.9°S 70.65°W')).toEqual({ latitude: -33.9, longitude: -70.65 });
	});

	it('reads degrees, minutes and seconds, with the marks keyboards and fonts vary', () => {
		expect(parseCoordinates(`27°40'N 85°19'E`)).toEqual({ latitude: 27.666667, longitude: 85.316667 });
		expect(parseCoordinates(`27°40'12"N 85°19'30"E`)).toEqual({ latitude: 27.67, longitude: 85.325 });
		expect(parseCoordinates('27° 40′ 12″ N, 85° 19′ 30″ E')).toEqual({ latitude: 27.67, longitude: 85.325 });
		expect(parseCoordinates(`33°54'S 18°30'E`)).toEqual({ latitude: -33.9, longitude: 18.5 });
		expect(parseCoordinates(`27º40.5'N 85º19'E`)).toEqual({ latitude: 27.675, longitude: 85.316667 });
	});

	it('reads labelled pairs, geo: addresses and the position in a map address', () => {
		expect(parseCoordinates('Lat: 27.67, Long: 85.32')).toEqual(patan);
		expect(parseCoordinates('latitude=27.67 longitude=85.32')).toEqual(patan);
		expect(parseCoordinates('geo:27.67,85.32')).toEqual(patan);
		expect(parseCoordinates('https://www.google.com/maps/place/Patan/@27.67,85.32,15z/data=!3m1')).toEqual(patan);
		expect(parseCoordinates('https://www.openstreetmap.org/#map=16/27.67/85.32')).toEqual(patan);
	});

	it('refuses a latitude beyond ±90 or a longitude beyond ±180', () => {
		expect(parseCoordinates('91, 10')).toBeNull();
		expect(parseCoordinates('-90.5 10')).toBeNull();
		expect(parseCoordinates('10, 180.01')).toBeNull();
		expect(parseCoordinates('95°N 10°E')).toBeNull();
		// Longitude first by its letters: 95 is then a fine longitude.
		expect(parseCoordinates('95°E 10°N')).toEqual({ latitude: 10, longitude: 95 });
		expect(parseCoordinates('90, 180')).toEqual({ latitude: 90, longitude: 180 });
		expect(parseCoordinates('https://www.openstreetmap.org/#map=16/97.67/85.32')).toBeNull();
	});

	it.each([
		'',
		'Patan',
		'27.67',
		'2767',
		'27.67, 85.32, 1300',
		'27.67°N 85.32°N',
		'27.67°E 85.32°W',
		'-27.67 S, 85.32 E',
		`27°61'N 85°19'E`,
		`27.5°30'N 85°19'E`,
		'1e3, 5',
		'N 27.67 N, 85.32',
		`${'1'.repeat(300)}, 5`
	])('finds nothing in %j', (text) => {
		expect(parseCoordinates(text)).toBeNull();
	});

	it('gives 0 rather than -0', () => {
		expect(Object.is(parseCoordinates('-0.0, -0')?.latitude, 0)).toBe(true);
	});
});
