import { describe, expect, it } from 'vitest';
import { dateTimeFormat } from '$lib/i18n/intl';
import {
	canonicalTimeZone,
	formatOffset,
	instantToZonedWallTime,
	isRepeatedWallTime,
	isValidTimeZone,
	offsetChanges,
	renamedTimeZones,
	selectableTimeZones,
	utcOffset,
	zonedWallTimeToInstant
} from './zoned-time';

const iso = (wall: string, zone: string) => zonedWallTimeToInstant(wall, zone).toISOString();

/** A test per row: the wall time, entered in the zone, is that instant. */
function itConverts(rows: [wall: string, zone: string, instant: string][]) {
	it.each(rows)('%s in %s is %s', (wall, zone, instant) => {
		expect(iso(wall, zone)).toBe(instant);
	});
}

describe('wall times entered in a zone', () => {
	describe('convert ordinary times, including zones with quarter-hour offsets and no daylight saving', () => {
		itConverts([
			['2026-12-05T18:00', 'Asia/Kathmandu', '2026-12-05T12:15:00.000Z'], // +05:45 all year
			['2027-03-28T23:59', 'Asia/Kathmandu', '2027-03-28T18:14:00.000Z'],
			['2027-10-31T02:30', 'Asia/Kathmandu', '2027-10-30T20:45:00.000Z'],
			['2026-12-05T18:00', 'Asia/Bangkok', '2026-12-05T11:00:00.000Z'], // +07:00 all year
			['2026-06-05T18:00', 'Asia/Bangkok', '2026-06-05T11:00:00.000Z'],
			['2027-03-28T23:59', 'Asia/Jakarta', '2027-03-28T16:59:00.000Z'],
			['2027-01-15T23:59', 'Europe/Madrid', '2027-01-15T22:59:00.000Z'], // CET, +01:00
			['2027-07-15T23:59', 'Europe/Madrid', '2027-07-15T21:59:00.000Z'], // CEST, +02:00
			['2026-01-15T17:00', 'America/New_York', '2026-01-15T22:00:00.000Z'], // EST, -05:00
			['2027-07-15T17:00', 'America/New_York', '2027-07-15T21:00:00.000Z'], // EDT, -04:00
			['2026-01-15T17:00', 'Australia/Sydney', '2026-01-15T06:00:00.000Z'], // AEDT in the southern summer, +11:00
			['2027-07-15T17:00', 'Australia/Sydney', '2027-07-15T07:00:00.000Z'], // AEST, +10:00
			['2027-03-28T02:30', 'UTC', '2027-03-28T02:30:00.000Z']
		]);
	});

	describe('on either side of a change, take the offset in force at that wall time', () => {
		itConverts([
			// New York, 8 March 2026: 02:00 EST becomes 03:00 EDT at 07:00 UTC.
			['2026-03-07T18:00', 'America/New_York', '2026-03-07T23:00:00.000Z'],
			['2026-03-08T18:00', 'America/New_York', '2026-03-08T22:00:00.000Z'],
			// New York, 1 November 2026: 02:00 EDT becomes 01:00 EST at 06:00 UTC.
			['2026-10-31T18:00', 'America/New_York', '2026-10-31T22:00:00.000Z'],
			['2026-11-01T18:00', 'America/New_York', '2026-11-01T23:00:00.000Z'],
			// Sydney, 5 April 2026: 03:00 AEDT becomes 02:00 AEST at 16:00 UTC on the 4th.
			['2026-04-04T18:00', 'Australia/Sydney', '2026-04-04T07:00:00.000Z'],
			['2026-04-05T18:00', 'Australia/Sydney', '2026-04-05T08:00:00.000Z'],
			// Sydney, 4 October 2026: 02:00 AEST becomes 03:00 AEDT at 16:00 UTC on the 3rd.
			['2026-10-03T18:00', 'Australia/Sydney', '2026-10-03T08:00:00.000Z'],
			['2026-10-04T18:00', 'Australia/Sydney', '2026-10-04T07:00:00.000Z']
		]);
	});

	describe('move a skipped wall time (spring forward) to the moment the clocks change', () => {
		itConverts([
			// Madrid, 28 March 2027: 02:00 CET becomes 03:00 CEST at 01:00 UTC.
			['2027-03-28T01:59', 'Europe/Madrid', '2027-03-28T00:59:00.000Z'],
			['2027-03-28T02:00', 'Europe/Madrid', '2027-03-28T01:00:00.000Z'],
			['2027-03-28T02:30', 'Europe/Madrid', '2027-03-28T01:00:00.000Z'],
			['2027-03-28T02:59', 'Europe/Madrid', '2027-03-28T01:00:00.000Z'],
			['2027-03-28T03:00', 'Europe/Madrid', '2027-03-28T01:00:00.000Z'],
			['2027-03-28T03:01', 'Europe/Madrid', '2027-03-28T01:01:00.000Z'],
			['2026-03-08T02:30', 'America/New_York', '2026-03-08T07:00:00.000Z'],
			['2027-03-14T02:30', 'America/New_York', '2027-03-14T07:00:00.000Z'],
			['2027-03-14T01:59', 'America/New_York', '2027-03-14T06:59:00.000Z'],
			['2026-10-04T02:30', 'Australia/Sydney', '2026-10-03T16:00:00.000Z'],
			['2027-10-03T02:30', 'Australia/Sydney', '2027-10-02T16:00:00.000Z'],
			['2027-10-03T03:30', 'Australia/Sydney', '2027-10-02T16:30:00.000Z'],
			// Lord Howe Island moves its clocks by half an hour: 02:00 +10:30 becomes 02:30 +11:00.
			['2026-10-04T02:15', 'Australia/Lord_Howe', '2026-10-03T15:30:00.000Z']
		]);
	});

	describe('take the earlier of the two instants of a repeated wall time (fall back)', () => {
		itConverts([
			// Madrid, 31 October 2027: 03:00 CEST becomes 02:00 CET at 01:00 UTC; 02:30 happens twice.
			['2027-10-31T02:30', 'Europe/Madrid', '2027-10-31T00:30:00.000Z'],
			['2027-10-31T03:00', 'Europe/Madrid', '2027-10-31T02:00:00.000Z'],
			['2027-10-31T01:59', 'Europe/Madrid', '2027-10-30T23:59:00.000Z'],
			// New York: 01:30 is EDT first, then EST an hour later.
			['2026-11-01T01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
			['2027-11-07T01:30', 'America/New_York', '2027-11-07T05:30:00.000Z'],
			['2027-11-07T02:00', 'America/New_York', '2027-11-07T07:00:00.000Z'],
			// Sydney: 02:30 is AEDT first, then AEST.
			['2026-04-05T02:30', 'Australia/Sydney', '2026-04-04T15:30:00.000Z'],
			['2027-04-04T02:30', 'Australia/Sydney', '2027-04-03T15:30:00.000Z'],
			['2027-04-04T03:00', 'Australia/Sydney', '2027-04-03T17:00:00.000Z']
		]);
	});

	it('tell which wall times the clocks show twice', () => {
		expect(isRepeatedWallTime('2026-11-01T01:30', 'America/New_York')).toBe(true);
		expect(isRepeatedWallTime('2026-11-01T00:59', 'America/New_York')).toBe(false);
		expect(isRepeatedWallTime('2026-11-01T02:00', 'America/New_York')).toBe(false);
		expect(isRepeatedWallTime('2026-04-05T02:00:00', 'Australia/Sydney')).toBe(true);
		expect(isRepeatedWallTime('2026-03-08T02:30', 'America/New_York')).toBe(false); // skipped, not repeated
		expect(isRepeatedWallTime('2026-12-05T18:00', 'Asia/Kathmandu')).toBe(false);
	});

	it('turn instants back into the wall time staff see in the edit form', () => {
		expect(instantToZonedWallTime('2027-03-28T18:14:00.000Z', 'Asia/Kathmandu')).toBe('2027-03-28T23:59');
		expect(instantToZonedWallTime('2027-10-31T00:30:00.000Z', 'Europe/Madrid')).toBe('2027-10-31T02:30');
		expect(instantToZonedWallTime('2027-10-31T01:30:00.000Z', 'Europe/Madrid')).toBe('2027-10-31T02:30');
		// A skipped time comes back as the time it moved to.
		expect(instantToZonedWallTime(zonedWallTimeToInstant('2027-03-14T02:30', 'America/New_York'), 'America/New_York')).toBe('2027-03-14T03:00');
		for (const zone of ['Europe/Madrid', 'America/New_York', 'Australia/Sydney', 'Asia/Kathmandu', 'Asia/Bangkok', 'Asia/Jakarta']) {
			for (const wall of ['2027-01-01T00:00', '2027-06-30T12:45', '2027-12-31T23:59']) {
				expect(instantToZonedWallTime(zonedWallTimeToInstant(wall, zone), zone)).toBe(wall);
			}
		}
	});

	it('refuse impossible dates, malformed times and unknown zones', () => {
		expect(() => zonedWallTimeToInstant('2027-02-30T12:00', 'Europe/Madrid')).toThrow(RangeError);
		expect(() => zonedWallTimeToInstant('2027-02-10T24:00', 'Europe/Madrid')).toThrow(RangeError);
		expect(() => zonedWallTimeToInstant('28/03/2027 12:00', 'Europe/Madrid')).toThrow(RangeError);
		expect(() => zonedWallTimeToInstant('2027-03-28T12:00', 'Mars/Olympus_Mons')).toThrow(RangeError);
		expect(() => zonedWallTimeToInstant('2027-03-28T12:00', '+05:45')).toThrow(RangeError);
	});
});

describe('time zone names', () => {
	it('spell a known zone as the picker does, and refuse what is no zone', () => {
		expect(canonicalTimeZone('europe/madrid')).toBe('Europe/Madrid');
		expect(canonicalTimeZone('Asia/Kathmandu')).toBe('Asia/Kathmandu');
		expect(canonicalTimeZone('asia/kathmandu')).toBe('Asia/Kathmandu');
		expect(canonicalTimeZone('UTC')).toBe('UTC');
		expect(canonicalTimeZone('+05:45')).toBeNull();
		expect(canonicalTimeZone('Not a zone')).toBeNull();
		expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeNull();
		expect(isValidTimeZone('Asia/Bangkok')).toBe(true);
		expect(isValidTimeZone('GMT+7')).toBe(false);
	});

	it('replace the old names ICU still lists with today’s IANA spelling', () => {
		expect(canonicalTimeZone('Asia/Katmandu')).toBe('Asia/Kathmandu');
		expect(canonicalTimeZone('asia/calcutta')).toBe('Asia/Kolkata');
		expect(canonicalTimeZone('Europe/Kiev')).toBe('Europe/Kyiv');
		// An alias the picker does not list is kept as given: it still names a zone.
		expect(canonicalTimeZone('US/Eastern')).toBe('US/Eastern');
	});

	it.each(Object.entries(renamedTimeZones))('%s and %s name the same zone to Intl', (old, current) => {
		const resolved = (zone: string) => dateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
		expect(resolved(current)).toBe(resolved(old));
	});

	it('offer every zone once, in today’s spelling, UTC first and the rest sorted', () => {
		const zones = selectableTimeZones();
		expect(zones[0]).toBe('UTC');
		expect(zones.slice(1)).toEqual([...zones.slice(1)].sort());
		expect(new Set(zones).size).toBe(zones.length);
		expect(zones.length).toBeGreaterThan(400);
		for (const zone of ['Asia/Kathmandu', 'Asia/Bangkok', 'Asia/Jakarta', 'America/New_York', 'Australia/Sydney', 'Europe/Madrid', 'Europe/Kyiv', 'Asia/Kolkata']) {
			expect(zones).toContain(zone);
		}
		for (const old of Object.keys(renamedTimeZones)) expect(zones).not.toContain(old);
		// Whatever the picker offers is accepted back as it is.
		for (const zone of zones) expect(canonicalTimeZone(zone)).toBe(zone);
	});
});

describe('UTC offsets', () => {
	it.each([
		['2026-12-05T12:15:00Z', 'Asia/Kathmandu', '+05:45'],
		['2026-06-05T12:15:00Z', 'Asia/Kathmandu', '+05:45'],
		['2026-12-05T11:00:00Z', 'Asia/Bangkok', '+07:00'],
		['2026-01-15T22:00:00Z', 'America/New_York', '-05:00'],
		['2026-07-15T22:00:00Z', 'America/New_York', '-04:00'],
		['2026-01-15T06:00:00Z', 'Australia/Sydney', '+11:00'],
		['2026-07-15T06:00:00Z', 'Australia/Sydney', '+10:00'],
		['2026-01-15T06:00:00Z', 'America/St_Johns', '-03:30'],
		['2026-01-15T06:00:00Z', 'Pacific/Marquesas', '-09:30'],
		['2026-01-15T06:00:00Z', 'America/Sao_Paulo', '-03:00'],
		['2026-01-15T06:00:00Z', 'UTC', '+00:00'],
		['2026-01-15T06:00:00Z', 'Europe/London', '+00:00']
	])('at %s in %s is %s', (instant, zone, offset) => {
		expect(utcOffset(instant, zone)).toBe(offset);
	});

	it('change at the very minute the clocks do', () => {
		expect(utcOffset(Date.parse('2026-03-08T06:59:00Z'), 'America/New_York')).toBe('-05:00');
		expect(utcOffset(Date.parse('2026-03-08T07:00:00Z'), 'America/New_York')).toBe('-04:00');
		expect(utcOffset(new Date('2026-04-04T15:59:00Z'), 'Australia/Sydney')).toBe('+11:00');
		expect(utcOffset(new Date('2026-04-04T16:00:00Z'), 'Australia/Sydney')).toBe('+10:00');
	});

	it('refuse an unknown zone or a date that is none, instead of writing NaN', () => {
		expect(() => utcOffset('2026-01-15T06:00:00Z', 'Mars/Olympus_Mons')).toThrow(RangeError);
		expect(() => utcOffset('someday', 'Asia/Kathmandu')).toThrow(RangeError);
	});

	it('write an offset with or without the colon', () => {
		expect(formatOffset(345, ':')).toBe('+05:45');
		expect(formatOffset(345, '')).toBe('+0545');
		expect(formatOffset(-570, '')).toBe('-0930');
		expect(formatOffset(-30, ':')).toBe('-00:30');
		expect(formatOffset(0, '')).toBe('+0000');
	});
});

describe('changes of a zone’s offset', () => {
	const year2026 = [Date.parse('2026-01-01T00:00:00Z'), Date.parse('2027-01-01T00:00:00Z')] as const;
	const changesIn2026 = (zone: string) =>
		offsetChanges(zone, ...year2026).map((change) => ({ ...change, at: new Date(change.at).toISOString() }));

	it('finds both daylight-saving changes of New York to the minute', () => {
		expect(changesIn2026('America/New_York')).toEqual([
			{ at: '2026-03-08T07:00:00.000Z', offsetBefore: -300, offsetAfter: -240 },
			{ at: '2026-11-01T06:00:00.000Z', offsetBefore: -240, offsetAfter: -300 }
		]);
	});

	it('finds the southern changes of Sydney, summer time ending in April', () => {
		expect(changesIn2026('Australia/Sydney')).toEqual([
			{ at: '2026-04-04T16:00:00.000Z', offsetBefore: 660, offsetAfter: 600 },
			{ at: '2026-10-03T16:00:00.000Z', offsetBefore: 600, offsetAfter: 660 }
		]);
	});

	it('finds changes on the half hour (Lord Howe Island)', () => {
		expect(changesIn2026('Australia/Lord_Howe')).toEqual([
			{ at: '2026-04-04T15:00:00.000Z', offsetBefore: 660, offsetAfter: 630 },
			{ at: '2026-10-03T15:30:00.000Z', offsetBefore: 630, offsetAfter: 660 }
		]);
	});

	it('finds none where the clocks never change', () => {
		expect(changesIn2026('Asia/Kathmandu')).toEqual([]);
		expect(changesIn2026('Asia/Bangkok')).toEqual([]);
		expect(changesIn2026('UTC')).toEqual([]);
	});

	it('counts a change at the end of the interval and not one at its start', () => {
		const change = Date.parse('2026-03-08T07:00:00Z');
		expect(offsetChanges('America/New_York', change - 60_000, change)).toHaveLength(1);
		expect(offsetChanges('America/New_York', change, change + 3_600_000)).toHaveLength(0);
	});
});
