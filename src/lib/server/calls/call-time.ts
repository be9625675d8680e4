import { dateTimeFormat, listFormat, numberFormat } from '$lib/i18n/intl';

/*
 * Dates of a call. Staff enter the opening and the deadline as a wall time in
 * the call's time zone (turned into instants by $lib/server/shared/zoned-time);
 * the database keeps UTC instants; pages show the deadline in the call's zone
 * and in UTC, with the time left.
 */

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;

export type CallPhase = 'upcoming' | 'open' | 'closed';

/**
 * Where a call stands at `nowMs`: open from `opensAt` until just before
 * `deadlineAt`. A draft is not open yet, whatever its dates; a call staff closed
 * is closed, whatever its dates.
 */
export function callPhase(call: { status: string; opensAt: string; deadlineAt: string }, nowMs: number): CallPhase {
	if (call.status === 'closed') return 'closed';
	if (nowMs >= Date.parse(call.deadlineAt)) return 'closed';
	if (call.status === 'draft' || nowMs < Date.parse(call.opensAt)) return 'upcoming';
	return 'open';
}

export interface FormattedDeadline {
	/** In the call's zone, with the zone's abbreviation or offset: "28 March 2027 at 23:59 CEST". */
	inZone: string;
	/** The same instant in UTC. */
	inUtc: string;
	/** For a `<time datetime>` attribute. */
	iso: string;
}

const deadlineFormat: Intl.DateTimeFormatOptions = {
	year: 'numeric',
	month: 'long',
	day: 'numeric',
	hour: '2-digit',
	minute: '2-digit',
	timeZoneName: 'short'
};

/** The deadline as a person reading `locale` writes dates, in the call's zone and in UTC. */
export function formatDeadline(deadlineAt: string, timeZone: string, locale: string): FormattedDeadline {
	const date = new Date(deadlineAt);
	return {
		inZone: dateTimeFormat(locale, { ...deadlineFormat, timeZone }).format(date),
		inUtc: dateTimeFormat(locale, { ...deadlineFormat, timeZone: 'UTC' }).format(date),
		iso: date.toISOString()
	};
}

export interface TimeLeft {
	passed: boolean;
	/** Whole days, then the hours and minutes after them; all zero once passed. */
	days: number;
	hours: number;
	minutes: number;
}

export function timeLeft(deadlineAt: string, nowMs: number): TimeLeft {
	const remaining = Date.parse(deadlineAt) - nowMs;
	if (remaining <= 0) return { passed: true, days: 0, hours: 0, minutes: 0 };
	return {
		passed: false,
		days: Math.floor(remaining / dayMs),
		hours: Math.floor((remaining % dayMs) / hourMs),
		minutes: Math.floor((remaining % hourMs) / minuteMs)
	};
}

/**
 * "3 days, 4 hours" in `locale`: days and hours, or hours and minutes in the last
 * day, or minutes in the last hour. Empty once the deadline has passed (the page
 * says "closed" in its own words).
 */
export function formatTimeLeft(left: TimeLeft, locale: string): string {
	if (left.passed) return '';
	const unit = (value: number, name: 'day' | 'hour' | 'minute') =>
		numberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
	const parts =
		left.days > 0
			? [unit(left.days, 'day'), ...(left.hours > 0 ? [unit(left.hours, 'hour')] : [])]
			: left.hours > 0
				? [unit(left.hours, 'hour'), ...(left.minutes > 0 ? [unit(left.minutes, 'minute')] : [])]
				: [unit(Math.max(left.minutes, 1), 'minute')];
	return listFormat(locale, { style: 'long', type: 'unit' }).format(parts);
}
