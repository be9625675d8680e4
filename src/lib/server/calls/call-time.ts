import { tzOffset } from '@date-fns/tz';
import { dateTimeFormat, listFormat, numberFormat } from '$lib/i18n/intl';

/*
 * Dates of a call. Staff enter the opening and the deadline as a wall time
 * ("2027-03-28T23:59") in the call's time zone; the database keeps UTC instants;
 * pages show the deadline in the call's zone and in UTC.
 *
 * Offsets come from `tzOffset` (@date-fns/tz, over the runtime's own time-zone
 * data). Two wall times need a rule, because the clock skips or repeats them:
 * - skipped (spring forward, e.g. 02:30 on the night clocks go from 02:00 to
 *   03:00): the next valid time, which is the moment of the change (03:00);
 * - repeated (fall back, e.g. 02:30 happens twice): the earlier instant, so a
 *   deadline never ends up later than the first time the clock shows it.
 */

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;

const wallTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** 'Area/Location' names (and 'UTC'); Intl also accepts offsets like '+05:45', which are no zone. */
const zoneNamePattern = /^(?:UTC|[A-Za-z][A-Za-z_-]*(?:\/[A-Za-z0-9][A-Za-z0-9_+-]*)+)$/;

let zonesByLowerCase: Map<string, string> | undefined;

/**
 * The zone's name when the runtime knows it, with the capitals of its listed
 * spelling ('europe/madrid' → 'Europe/Madrid'); otherwise null. A name is kept as
 * given rather than replaced by what Intl resolves it to, since ICU resolves to
 * old spellings ('Asia/Kathmandu' → 'Asia/Katmandu').
 */
export function canonicalTimeZone(value: string): string | null {
	if (!zoneNamePattern.test(value)) return null;
	try {
		dateTimeFormat('en', { timeZone: value });
	} catch {
		return null;
	}
	zonesByLowerCase ??= new Map([...Intl.supportedValuesOf('timeZone'), 'UTC'].map((zone) => [zone.toLowerCase(), zone]));
	return zonesByLowerCase.get(value.toLowerCase()) ?? value;
}

export function isValidTimeZone(value: string): boolean {
	return canonicalTimeZone(value) !== null;
}

/** The wall time as if it were UTC, in milliseconds; null when it is not a real date and time. */
function parseWallTime(wall: string): number | null {
	const match = wallTimePattern.exec(wall);
	if (!match) return null;
	const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((group) => Number(match[group] ?? 0)) as [number, number, number, number, number, number];
	const ms = Date.UTC(year, month - 1, day, hour, minute, second);
	const check = new Date(ms);
	// Date.UTC rolls 30 February over into March; such a date was never valid.
	if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
		return null;
	}
	return ms;
}

function offsetMs(timeZone: string, instant: number): number {
	return tzOffset(timeZone, new Date(instant)) * minuteMs;
}

/**
 * The instant a wall time in `timeZone` stands for. A skipped wall time gives the
 * moment of the change; a repeated one, its earlier occurrence. Throws a
 * RangeError for a malformed or impossible wall time or an unknown zone.
 */
export function zonedWallTimeToInstant(wall: string, timeZone: string): Date {
	const zone = canonicalTimeZone(timeZone);
	if (!zone) throw new RangeError(`Unknown time zone: ${timeZone}`);
	const asUtc = parseWallTime(wall);
	if (asUtc === null) throw new RangeError(`Not a wall time: ${wall}`);

	// Every offset in force within a day either side is a candidate; changes are rarer than that.
	const before = offsetMs(zone, asUtc - dayMs);
	const after = offsetMs(zone, asUtc + dayMs);
	const candidates = [...new Set([before, after])]
		.map((offset) => asUtc - offset)
		.filter((instant) => instant + offsetMs(zone, instant) === asUtc)
		.sort((a, b) => a - b);
	const earliest = candidates[0];
	if (earliest !== undefined) return new Date(earliest);

	// A gap: the change happens between these two instants. Find it to the minute.
	let low = Math.floor((asUtc - Math.max(before, after)) / minuteMs) * minuteMs;
	let high = asUtc - Math.min(before, after);
	while (high - low > minuteMs) {
		const middle = low + Math.floor((high - low) / 2 / minuteMs) * minuteMs;
		if (offsetMs(zone, middle) === before) low = middle;
		else high = middle;
	}
	return new Date(high);
}

/** The wall time ('YYYY-MM-DDTHH:mm', as an `<input type="datetime-local">` wants it) of an instant in `timeZone`. */
export function instantToZonedWallTime(instant: Date | string | number, timeZone: string): string {
	const ms = new Date(instant).getTime();
	return new Date(ms + offsetMs(timeZone, ms)).toISOString().slice(0, 16);
}

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
