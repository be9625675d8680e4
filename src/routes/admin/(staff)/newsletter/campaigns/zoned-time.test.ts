import { describe, expect, it } from 'vitest';
import { formatInZone, isTimeZone, utcToLocalInput, zonedToUtc } from './zoned-time';

describe('reading a typed time in a time zone', () => {
	it('applies the zone’s offset, including daylight saving time', () => {
		expect(zonedToUtc('2027-01-15T09:30', 'Asia/Kathmandu')?.toISOString()).toBe('2027-01-15T03:45:00.000Z');
		expect(zonedToUtc('2027-01-15T09:00', 'America/New_York')?.toISOString()).toBe('2027-01-15T14:00:00.000Z');
		expect(zonedToUtc('2027-07-15T09:00', 'America/New_York')?.toISOString()).toBe('2027-07-15T13:00:00.000Z');
		expect(zonedToUtc('2027-07-15T09:00', 'UTC')?.toISOString()).toBe('2027-07-15T09:00:00.000Z');
	});

	it('refuses what is not a date, a time or a zone', () => {
		expect(zonedToUtc('2027-02-30T09:00', 'UTC')).toBeUndefined();
		expect(zonedToUtc('2027-01-15T24:00', 'UTC')).toBeUndefined();
		expect(zonedToUtc('tomorrow', 'UTC')).toBeUndefined();
		expect(zonedToUtc('2027-01-15T09:00', 'Mars/Olympus_Mons')).toBeUndefined();
		expect(isTimeZone('')).toBe(false);
	});

	it('shows a moment back on the clocks of a zone', () => {
		expect(utcToLocalInput('2027-01-15T03:45:00.000Z', 'Asia/Kathmandu')).toBe('2027-01-15T09:30');
		expect(formatInZone('2027-01-15T03:45:00.000Z', 'Asia/Kathmandu')).toMatch(/^Friday,? 15 January 2027 at 09:30$/);
	});
});
