import { dateTimeFormat } from './intl';

/*
 * Calendar days (YYYY-MM-DD, no time zone), as the archive stores when
 * something happened where it happened. Formatted in UTC so the day never moves
 * with the server's or the reader's zone; digits and month names are the
 * locale's (Devanagari digits on Nepali pages, as Intl gives them).
 */

function dayOf(ymd: string): Date {
	return new Date(`${ymd}T00:00:00Z`);
}

const dayOptions: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };

/** "November 23, 2018", "23 de noviembre de 2018": the reader's language's own way. */
export function formatDay(ymd: string, locale: string): string {
	return dateTimeFormat(locale, dayOptions).format(dayOf(ymd));
}

/** "November 23 – December 7, 2018": one day when there is no end or it is the same day. */
export function formatDayRange(start: string, end: string | null, locale: string): string {
	if (!end || end === start) return formatDay(start, locale);
	return dateTimeFormat(locale, dayOptions).formatRange(dayOf(start), dayOf(end));
}

/** The year alone, without grouping ("2018", "२०१८"). */
export function formatYear(year: number, locale: string): string {
	return dateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, 6, 1));
}
