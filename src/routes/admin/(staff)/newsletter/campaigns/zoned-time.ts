import { dateTimeFormat, formatDateTime } from '$lib/i18n/intl';

/*
 * A datetime-local field carries no time zone ("2026-05-01T09:30"). Staff say
 * which zone they mean, and these turn that wall-clock time into a moment and
 * back, with Intl only (no time-zone database of our own).
 */

/** Whether the runtime knows this IANA time zone ("Asia/Kathmandu", "UTC"). */
export function isTimeZone(value: string): boolean {
	if (!value || value.length > 64) return false;
	try {
		dateTimeFormat('en', { timeZone: value });
		return true;
	} catch {
		return false;
	}
}

/** Every zone the runtime knows, UTC first, for a select. */
export function timeZoneChoices(): string[] {
	const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
	return ['UTC', ...zones.filter((zone) => zone !== 'UTC')];
}

/** The wall-clock reading of `at` in `timeZone`, as milliseconds of a UTC date with the same reading. */
function wallClock(at: number, timeZone: string): number {
	const parts = dateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	}).formatToParts(new Date(at));
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
	return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The moment at which clocks in `timeZone` show `local` (a datetime-local value),
 * or undefined when either is not valid. In a gap (clocks jumping forward) the
 * moment comes out one offset later, as a person would expect of a skipped hour.
 */
export function zonedToUtc(local: string, timeZone: string): Date | undefined {
	const match = localPattern.exec(local.trim());
	if (!match || !isTimeZone(timeZone)) return undefined;
	const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
	const wanted = Date.UTC(y, mo - 1, d, h, mi, s);
	const check = new Date(wanted);
	// Date.UTC rolls "February 30" over into March: such a date was not a date.
	if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
	// Two rounds settle the offset, also across a daylight-saving change.
	let guess = wanted;
	for (let round = 0; round < 2; round++) guess = wanted - (wallClock(guess, timeZone) - guess);
	return new Date(guess);
}

/** A datetime-local value ("2026-05-01T09:30") showing `at` on the clocks of `timeZone`. */
export function utcToLocalInput(at: string | Date, timeZone: string): string {
	const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
	if (Number.isNaN(ms) || !isTimeZone(timeZone)) return '';
	return new Date(wallClock(ms, timeZone)).toISOString().slice(0, 16);
}

/** A moment as the clocks of the given zone show it: "Friday, 1 May 2026 at 09:30" (English as in Britain: a 24-hour clock). */
export function formatInZone(at: string | Date, timeZone: string, locale = 'en'): string {
	const date = typeof at === 'string' ? new Date(at) : at;
	if (Number.isNaN(date.getTime())) return String(at);
	return formatDateTime(date, locale === 'en' ? 'en-GB' : locale, { timeZone: isTimeZone(timeZone) ? timeZone : 'UTC', dateStyle: 'full', timeStyle: 'short' });
}
