import { describe, expect, it } from 'vitest';
import { zonedWallTimeToInstant } from '$lib/server/shared/zoned-time';
import { callPhase, formatDeadline, formatTimeLeft, timeLeft } from './call-time';

const iso = (wall: string, zone: string) => zonedWallTimeToInstant(wall, zone).toISOString();

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
