import { describe, expect, it } from 'vitest';
import { formatDay, formatDayRange, formatYear } from './days';

describe('calendar days', () => {
	it('formats a day without moving it to another zone', () => {
		expect(formatDay('2018-11-23', 'en')).toBe('November 23, 2018');
		expect(formatDay('2018-11-23', 'es')).toBe('23 de noviembre de 2018');
	});

	it('writes Nepali dates with Devanagari digits', () => {
		const day = formatDay('2018-11-23', 'ne');
		expect(day).toMatch(/२०१८/);
		expect(day).not.toMatch(/[0-9]/);
		expect(formatYear(2018, 'ne')).toBe('२०१८');
	});

	it('formats a range once, and a single day when there is no end', () => {
		// Intl puts thin spaces around the dash.
		const spaced = (text: string) => text.replace(/\s/g, ' ');
		expect(spaced(formatDayRange('2018-11-23', '2018-12-07', 'en'))).toBe('November 23 – December 7, 2018');
		expect(spaced(formatDayRange('2018-11-23', '2018-12-07', 'ne'))).toBe('२०१८ नोभेम्बर २३ – डिसेम्बर ७');
		expect(formatDayRange('2015-03-01', null, 'en')).toBe('March 1, 2015');
		expect(formatDayRange('2015-03-01', '2015-03-01', 'en')).toBe('March 1, 2015');
	});
});
