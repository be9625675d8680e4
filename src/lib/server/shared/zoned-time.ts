import { tzOffset } from '@date-fns/tz';
import { canonicalTimeZone } from '$lib/i18n/time-zones';

// Zone names live beside the other Intl helpers, for the browser too; the server's callers keep this address.
export { canonicalTimeZone, isValidTimeZone, renamedTimeZones, selectableTimeZones } from '$lib/i18n/time-zones';

/*
 * Time as a clock in a place shows it. Staff enter dates as wall times
 * ("2027-03-28T23:59") in an IANA time zone (a call's deadline, an event's
 * sessions); the database keeps UTC instants; pages, mails and calendar files
 * turn them back into the zone's wall time. One module does this for every
 * domain, so a deadline and a session entered at the same wall time are the
 * same instant.
 *
 * Offsets come from `tzOffset` (@date-fns/tz, over the runtime's own time-zone
 * data, so what is stored, shown and written to a calendar file agrees). Two
 * wall times need a rule, because the clock skips or repeats them:
 * - skipped (spring forward, e.g. 02:30 on the night clocks go from 02:00 to
 *   03:00): the next valid time, which is the moment of the change (03:00);
 * - repeated (fall back, e.g. 02:30 happens twice): the earlier instant, so a
 *   deadline never ends up later than the first time the clock shows it (and
 *   RFC 5545 reads a repeated wall time the same way).
 */

const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;

const wallTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The zone's offset from UTC at `instant`, in minutes east of Greenwich (Kathmandu: 345). */
export function offsetMinutes(instant: Date | string | number, timeZone: string): number {
	const minutes = tzOffset(timeZone, new Date(instant));
	// tzOffset answers NaN rather than throwing, which would print as "+NaN:NaN".
	if (Number.isNaN(minutes)) throw new RangeError(`No offset for ${String(instant)} in ${timeZone}`);
	return minutes;
}

/**
 * The offset at `instant` as "+05:45", "-03:00" or "+00:00", to follow "UTC"
 * on a page. ASCII '-' rather than the typographic minus (U+2212): it is the
 * ISO 8601 form, so the same string works in a `datetime` attribute, in a
 * search box and when copied into another program.
 */
export function utcOffset(instant: Date | string | number, timeZone: string): string {
	return formatOffset(offsetMinutes(instant, timeZone), ':');
}

/** "+05:45" with `separator` ':', "+0545" (as iCalendar writes it) with ''. */
export function formatOffset(minutes: number, separator: ':' | ''): string {
	const sign = minutes < 0 ? '-' : '+';
	const absolute = Math.abs(minutes);
	const hours = String(Math.floor(absolute / 60)).padStart(2, '0');
	return `${sign}${hours}${separator}${String(absolute % 60).padStart(2, '0')}`;
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
	const { zone, asUtc, occurrences } = readWallTime(wall, timeZone);
	const earliest = occurrences[0];
	if (earliest !== undefined) return new Date(earliest);

	// A gap: the change happens between the instants the offsets either side would give.
	const before = offsetMs(zone, asUtc - dayMs);
	const after = offsetMs(zone, asUtc + dayMs);
	return new Date(firstMinuteWithNewOffset(zone, asUtc - Math.max(before, after), asUtc - Math.min(before, after)));
}

/**
 * Whether the clocks of `timeZone` show this wall time twice (the hour repeated
 * when they go back). Readers of calendar files disagree on which of the two
 * such a time means, so icalendar.ts writes those instants in UTC.
 */
export function isRepeatedWallTime(wall: string, timeZone: string): boolean {
	return readWallTime(wall, timeZone).occurrences.length > 1;
}

/** The wall time checked, and every instant (milliseconds, in order) at which the zone's clocks show it: none in a gap, two in a repeated hour. */
function readWallTime(wall: string, timeZone: string): { zone: string; asUtc: number; occurrences: number[] } {
	const zone = canonicalTimeZone(timeZone);
	if (!zone) throw new RangeError(`Unknown time zone: ${timeZone}`);
	const asUtc = parseWallTime(wall);
	if (asUtc === null) throw new RangeError(`Not a wall time: ${wall}`);
	// Every offset in force within a day either side is a candidate; changes are rarer than that.
	const occurrences = [...new Set([offsetMs(zone, asUtc - dayMs), offsetMs(zone, asUtc + dayMs)])]
		.map((offset) => asUtc - offset)
		.filter((instant) => instant + offsetMs(zone, instant) === asUtc)
		.sort((a, b) => a - b);
	return { zone, asUtc, occurrences };
}

/** The wall time ('YYYY-MM-DDTHH:mm', as an `<input type="datetime-local">` wants it) of an instant in `timeZone`. */
export function instantToZonedWallTime(instant: Date | string | number, timeZone: string): string {
	const ms = new Date(instant).getTime();
	return new Date(ms + offsetMs(timeZone, ms)).toISOString().slice(0, 16);
}

export interface OffsetChange {
	/** The first instant (milliseconds since the epoch) of the new offset. */
	at: number;
	/** Minutes east of UTC, until `at`. */
	offsetBefore: number;
	/** Minutes east of UTC, from `at`. */
	offsetAfter: number;
}

/**
 * Every change of the zone's offset after `from` and up to `to`, in order:
 * daylight saving time beginning and ending, and a government moving its clocks
 * for good. Found by reading the offset once a day and bisecting to the minute
 * where it differs, so it holds for zones without a yearly rule (Morocco's
 * changes follow Ramadan) and for changes on the half hour. Two changes within
 * one day would be missed; no zone has made such since the 1940s.
 */
export function offsetChanges(timeZone: string, from: Date | number, to: Date | number): OffsetChange[] {
	const end = new Date(to).getTime();
	const changes: OffsetChange[] = [];
	let previous = new Date(from).getTime();
	let previousOffset = offsetMs(timeZone, previous);
	while (previous < end) {
		const next = Math.min(previous + dayMs, end);
		const nextOffset = offsetMs(timeZone, next);
		if (nextOffset !== previousOffset) {
			const at = firstMinuteWithNewOffset(timeZone, previous, next);
			changes.push({ at, offsetBefore: previousOffset / minuteMs, offsetAfter: offsetMs(timeZone, at) / minuteMs });
		}
		previous = next;
		previousOffset = nextOffset;
	}
	return changes;
}

/**
 * The first whole minute after `low` whose offset is no longer the one in force
 * at `low`, given that `high` has another. Offsets change on whole minutes.
 */
function firstMinuteWithNewOffset(timeZone: string, low: number, high: number): number {
	const before = offsetMs(timeZone, low);
	let unchanged = Math.floor(low / minuteMs) * minuteMs;
	let changed = Math.ceil(high / minuteMs) * minuteMs;
	while (changed - unchanged > minuteMs) {
		const middle = unchanged + Math.floor((changed - unchanged) / 2 / minuteMs) * minuteMs;
		if (offsetMs(timeZone, middle) === before) unchanged = middle;
		else changed = middle;
	}
	return changed;
}
