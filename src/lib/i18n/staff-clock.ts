import { baseLocale, isLocale, type Locale } from './locales';
import { dateTimeFormat } from './intl';
import { canonicalTimeZone, isValidTimeZone, selectableTimeZones } from './time-zones';

/*
 * The admin speaks each staff member's language and shows times in their time
 * zone, named, in one format per language. Server and browser format the same
 * way from the same two values (the admin layout's data), so a page hydrates
 * without a flicker whatever zone the browser is in.
 */

export interface StaffClock {
	locale: Locale;
	timeZone: string;
}

/** Every zone a person can choose, in today's IANA spelling, UTC first. */
export function timeZones(): readonly string[] {
	return selectableTimeZones();
}

/** The name a zone has today ("Asia/Katmandu" → "Asia/Kathmandu"). */
export function currentZoneName(zone: string): string {
	return canonicalTimeZone(zone) ?? zone;
}

/** A zone name Intl knows (today's or a former IANA name). */
export function isTimeZone(value: unknown): value is string {
	return typeof value === 'string' && value.length <= 64 && isValidTimeZone(value);
}

/** The admin's language for someone not signed in: the first of their browser's languages the admin speaks. */
export function localeFromAcceptLanguage(header: string | null): Locale {
	if (!header) return baseLocale;
	const wanted = header
		.split(',')
		.map((part, index) => {
			const [tag = '', ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const weight = q ? Number(q.slice(2)) : 1;
			return { language: tag.trim().toLowerCase().split('-')[0], weight: Number.isFinite(weight) ? weight : 0, index };
		})
		.filter((entry) => entry.weight > 0)
		.sort((a, b) => b.weight - a.weight || a.index - b.index);
	return (wanted.map((entry) => entry.language).find((language) => isLocale(language)) as Locale | undefined) ?? baseLocale;
}

const dateTimeOptions = (timeZone: string): Intl.DateTimeFormatOptions => ({
	year: 'numeric',
	month: 'short',
	day: 'numeric',
	hour: 'numeric',
	minute: '2-digit',
	timeZone,
	timeZoneName: 'short'
});

/** A moment, as "4 Dec 2026, 19:21 GMT+5:45" in the person's language and zone, the zone always named. */
export function formatMoment(at: Date | string, clock: StaffClock): string {
	return dateTimeFormat(clock.locale, dateTimeOptions(clock.timeZone)).format(typeof at === 'string' ? new Date(at) : at);
}

/** The calendar day of a moment in the person's zone ("4 Dec 2026"). */
export function formatDay(at: Date | string, clock: StaffClock): string {
	return dateTimeFormat(clock.locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: clock.timeZone }).format(
		typeof at === 'string' ? new Date(at) : at
	);
}

/** A calendar date with no time ("2026-12-04", a deadline's day), the same in every zone. */
export function formatCalendarDate(day: string, locale: Locale): string {
	return dateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
}

/** The zone's name as people read it, with its offset now: "Asia/Kathmandu (GMT+5:45)". */
export function describeZone(timeZone: string, locale: Locale, now = new Date()): string {
	const offset = dateTimeFormat(locale, { timeZone, timeZoneName: 'shortOffset' })
		.formatToParts(now)
		.find((part) => part.type === 'timeZoneName')?.value;
	return offset ? `${timeZone.replaceAll('_', ' ')} (${offset})` : timeZone;
}
