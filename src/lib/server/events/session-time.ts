import { dateTimeFormat, numberFormat } from '$lib/i18n/intl';
import type { EventSessionRow } from '$lib/server/db/schema';
import { utcOffset } from '$lib/server/shared/zoned-time';

/*
 * A session's time as people are told it: the wall time in the zone where it
 * happens, named with its UTC offset, and the same moments in UTC, for anyone
 * joining from elsewhere. Written the reader's way by Intl (Devanagari digits
 * for Nepali, as the site writes every number there).
 */

const dateAndTime: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' };

export interface ZonedText {
	/** "Sunday, December 20, 2026, 3:00 – 5:00 PM", in the zone. */
	inZone: string;
	/** The IANA zone: "Asia/Kathmandu". */
	zone: string;
	/** The zone's offset at the start, in the reader's digits: "+05:45", "+०५:४५". */
	offset: string;
	/** The same in UTC. */
	inUtc: string;
}

/** A session's start and end, in its zone and in UTC. */
export function formatSessionTime(session: Pick<EventSessionRow, 'starts_at' | 'ends_at' | 'time_zone'>, locale: string): ZonedText {
	const start = new Date(session.starts_at);
	const end = new Date(session.ends_at);
	return {
		inZone: dateTimeFormat(locale, { ...dateAndTime, timeZone: session.time_zone }).formatRange(start, end),
		zone: session.time_zone,
		offset: localDigits(utcOffset(start, session.time_zone), locale),
		inUtc: dateTimeFormat(locale, { ...dateAndTime, timeZone: 'UTC' }).formatRange(start, end)
	};
}

/** One moment (an offer's end) in a session's zone and in UTC. */
export function formatZonedInstant(instant: string, timeZone: string, locale: string): ZonedText {
	const at = new Date(instant);
	return {
		inZone: dateTimeFormat(locale, { ...dateAndTime, timeZone }).format(at),
		zone: timeZone,
		offset: localDigits(utcOffset(at, timeZone), locale),
		inUtc: dateTimeFormat(locale, { ...dateAndTime, timeZone: 'UTC' }).format(at)
	};
}

/** "+05:45" with each run of digits written by the reader's number format, its leading zeros kept. */
function localDigits(text: string, locale: string): string {
	return text.replace(/\d+/g, (digits) => numberFormat(locale, { minimumIntegerDigits: digits.length, useGrouping: false }).format(Number(digits)));
}
