import { page } from '$app/state';
import { formatCalendarDate, formatDay, formatMoment, type StaffClock } from '$lib/i18n/staff-clock';

/*
 * Dates and times on admin pages, in the signed-in person's language and zone
 * (the staff layout's `clock`). Called while a component renders, on the server
 * and in the browser alike, so both print the same text.
 */

function clock(): StaffClock {
	return (page.data as { clock?: StaffClock }).clock ?? { locale: 'en', timeZone: 'UTC' };
}

/** "4 Dec 2026, 19:21 GMT+5:45"; empty for no moment. */
export function moment(at: string | Date | null | undefined): string {
	if (!at) return '';
	const date = typeof at === 'string' ? new Date(at) : at;
	return Number.isNaN(date.getTime()) ? String(at) : formatMoment(date, clock());
}

/** The moment's day in the person's zone: "4 Dec 2026". */
export function day(at: string | Date | null | undefined): string {
	if (!at) return '';
	const date = typeof at === 'string' ? new Date(at) : at;
	return Number.isNaN(date.getTime()) ? String(at) : formatDay(date, clock());
}

/** A calendar date ("2026-12-04", a deadline), the same day wherever one is. */
export function calendarDay(isoDay: string | null | undefined): string {
	return isoDay ? formatCalendarDate(isoDay, clock().locale) : '';
}
