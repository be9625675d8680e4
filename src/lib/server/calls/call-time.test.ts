import { describe, expect, it } from 'vitest';
import {
	callPhase,
	canonicalTimeZone,
	formatDeadline,
	formatTimeLeft,
	instantToZonedWallTime,
	timeLeft,
	zonedWallTimeToInstant
} from './call-time';

const iso = (wall: string, zone: string) => zonedWallTimeToInstant(wall, zone).toISOString();

/** A test per row: the wall time, entered in the zone, is that instant. */
function itConverts(rows: [wall: string, zone: string, instant: string][]) {
	it.each(rows)('%s in %s is %s', (wall, zone, instant) => {
		expect(iso(wall, zone)).toBe(instant);
	});
}

describe('deadlines entered as wall times in the call’s zone', () => {
	describe('convert ordinary times, including zones with quarter-hour and no daylight saving', () => {
		itConverts([
			['2027-01-15T23:59', 'Europe/Madrid', '2027-01-15T22:59:00.000Z'], // CET, +01:00
			['2027-07-15T23:59', 'Europe/Madrid', '2027-07-15T21:59:00.000Z'], // CEST, +02:00
			['2027-07-15T17:00', 'America/New_York', '2027-07-15T21:00:00.000Z'], // EDT, -04:00
			['2027-07-15T17:00', 'Australia/Sydney', '2027-07-15T07:00:00.000Z'], // AEST, +10:00
			['2027-03-28T23:59', 'Asia/Kathmandu', '2027-03-28T18:14:00.000Z'], // +05:45 all year
			['2027-10-31T02:30', 'Asia/Kathmandu', '2027-10-30T20:45:00.000Z'],
			['2027-03-28T23:59', 'Asia/Jakarta', '2027-03-28T16:59:00.000Z'], // +07:00 all year
			['2027-03-28T02:30', 'UTC', '2027-03-28T02:30:00.000Z']
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
			// New York, 14 March 2027: 02:00 EST becomes 03:00 EDT at 07:00 UTC.
			['2027-03-14T02:30', 'America/New_York', '2027-03-14T07:00:00.000Z'],
			['2027-03-14T01:59', 'America/New_York', '2027-03-14T06:59:00.000Z'],
			// Sydney, 3 October 2027: 02:00 AEST becomes 03:00 AEDT at 16:00 UTC the day before.
			['2027-10-03T02:30', 'Australia/Sydney', '2027-10-02T16:00:00.000Z'],
			['2027-10-03T03:30', 'Australia/Sydney', '2027-10-02T16:30:00.000Z']
		]);
	});

	describe('take the earlier of the two instants of a repeated wall time (fall back)', () => {
		itConverts([
			// Madrid, 31 October 2027: 03:00 CEST becomes 02:00 CET at 01:00 UTC; 02:30 happens twice.
			['2027-10-31T02:30', 'Europe/Madrid', '2027-10-31T00:30:00.000Z'],
			['2027-10-31T03:00', 'Europe/Madrid', '2027-10-31T02:00:00.000Z'],
			['2027-10-31T01:59', 'Europe/Madrid', '2027-10-30T23:59:00.000Z'],
			// New York, 7 November 2027: 01:30 is EDT first (05:30 UTC), then EST (06:30 UTC).
			['2027-11-07T01:30', 'America/New_York', '2027-11-07T05:30:00.000Z'],
			['2027-11-07T02:00', 'America/New_York', '2027-11-07T07:00:00.000Z'],
			// Sydney, 4 April 2027: 03:00 AEDT becomes 02:00 AEST at 16:00 UTC on the 3rd.
			['2027-04-04T02:30', 'Australia/Sydney', '2027-04-03T15:30:00.000Z'],
			['2027-04-04T03:00', 'Australia/Sydney', '2027-04-03T17:00:00.000Z']
		]);
	});

	it('turn instants back into the wall time staff see in the edit form', () => {
		expect(instantToZonedWallTime('2027-03-28T18:14:00.000Z', 'Asia/Kathmandu')).toBe('2027-03-28T23:59');
		expect(instantToZonedWallTime('2027-10-31T00:30:00.000Z', 'Europe/Madrid')).toBe('2027-10-31T02:30');
		expect(instantToZonedWallTime('2027-10-31T01:30:00.000Z', 'Europe/Madrid')).toBe('2027-10-31T02:30');
		// A skipped time comes back as the time it moved to.
		expect(instantToZonedWallTime(zonedWallTimeToInstant('2027-03-14T02:30', 'America/New_York'), 'America/New_York')).toBe('2027-03-14T03:00');
		for (const zone of ['Europe/Madrid', 'America/New_York', 'Australia/Sydney', 'Asia/Kathmandu', 'Asia/Jakarta']) {
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
		expect(canonicalTimeZone('europe/madrid')).toBe('Europe/Madrid');
		expect(canonicalTimeZone('Asia/Kathmandu')).toBe('Asia/Kathmandu');
		expect(canonicalTimeZone('UTC')).toBe('UTC');
		expect(canonicalTimeZone('+05:45')).toBeNull();
		expect(canonicalTimeZone('Not a zone')).toBeNull();
	});
});

describe('call phase', () => {
	const call = { status: 'open', opensAt: '2027-03-01T00:00:00.000Z', deadlineAt: '2027-03-28T22:59:00.000Z' };
	const at = (value: string) => Date.parse(value);

	it('is upcoming before opening, open until just before the deadline, closed from it', () => {
		expect(callPhase(call, at('2027-02-28T23:59:59.999Z'))).toBe('upcoming');
		expect(callPhase(call, at('2027-03-01T00:00:00.000Z'))).toBe('open');
		expect(callPhase(call, at('2027-03-28T22:58:59.999Z'))).toBe('open');
		expect(callPhase(call, at('2027-03-28T22:59:00.000Z'))).toBe('closed');
	});

	it('follows staff: a draft is not open yet, a closed call is closed', () => {
		expect(callPhase({ ...call, status: 'draft' }, at('2027-03-10T00:00:00.000Z'))).toBe('upcoming');
		expect(callPhase({ ...call, status: 'closed' }, at('2027-03-10T00:00:00.000Z'))).toBe('closed');
		expect(callPhase({ ...call, status: 'draft' }, at('2027-04-10T00:00:00.000Z'))).toBe('closed');
	});
});

describe('showing the deadline', () => {
	const deadline = iso('2027-03-28T23:59', 'Asia/Kathmandu');

	it('shows it in the call’s zone and in UTC, written the way each language writes dates', () => {
		const en = formatDeadline(deadline, 'Asia/Kathmandu', 'en');
		expect(en.inZone).toContain('March 28, 2027');
		expect(en.inZone).toContain('11:59');
		expect(en.inZone).toContain('GMT+5:45');
		expect(en.inUtc).toContain('06:14');
		expect(en.inUtc).toContain('UTC');
		expect(en.iso).toBe('2027-03-28T18:14:00.000Z');

		const es = formatDeadline(deadline, 'Asia/Kathmandu', 'es');
		expect(es.inZone).toContain('28 de marzo de 2027');
		expect(es.inZone).toContain('23:59');

		// Nepali writes its own digits.
		const ne = formatDeadline(deadline, 'Asia/Kathmandu', 'ne');
		expect(ne.inZone).toContain('२०२७');
		expect(ne.inZone).toContain('२३:५९');

		const id = formatDeadline(iso('2027-03-28T23:59', 'Asia/Jakarta'), 'Asia/Jakarta', 'id');
		expect(id.inZone).toContain('28 Maret 2027');
		expect(id.inZone).toContain('23.59');
	});

	it('on the day clocks change, names the offset in force at the deadline', () => {
		const before = formatDeadline(iso('2027-03-28T01:30', 'Europe/Madrid'), 'Europe/Madrid', 'en');
		const after = formatDeadline(iso('2027-03-28T03:30', 'Europe/Madrid'), 'Europe/Madrid', 'en');
		expect(before.inZone).toContain('GMT+1');
		expect(after.inZone).toContain('GMT+2');
		expect(before.inUtc).toContain('12:30');
		expect(after.inUtc).toContain('01:30');
	});

	it('says how long is left, in days and hours, then hours and minutes', () => {
		const now = Date.parse('2027-03-25T12:00:00.000Z');
		expect(timeLeft('2027-03-28T16:30:00.000Z', now)).toEqual({ passed: false, days: 3, hours: 4, minutes: 30 });
		expect(timeLeft('2027-03-25T12:00:00.000Z', now)).toEqual({ passed: true, days: 0, hours: 0, minutes: 0 });
		expect(formatTimeLeft(timeLeft('2027-03-28T16:30:00.000Z', now), 'en')).toBe('3 days, 4 hours');
		expect(formatTimeLeft(timeLeft('2027-03-26T12:00:00.000Z', now), 'en')).toBe('1 day');
		expect(formatTimeLeft(timeLeft('2027-03-25T14:05:00.000Z', now), 'en')).toBe('2 hours, 5 minutes');
		expect(formatTimeLeft(timeLeft('2027-03-25T12:00:20.000Z', now), 'en')).toBe('1 minute');
		expect(formatTimeLeft(timeLeft('2027-03-28T16:30:00.000Z', now), 'es')).toBe('3 días y 4 horas');
		expect(formatTimeLeft(timeLeft('2027-03-20T00:00:00.000Z', now), 'en')).toBe('');
	});
});
