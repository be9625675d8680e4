/*
 * Shared Intl formatters. Building one (`new Intl.DateTimeFormat(…)`, and
 * `date.toLocaleString(locale, options)`, which builds one inside) costs tens of
 * microseconds and allocates ICU objects in native memory that V8 does not count.
 * Built on every call of every render, they took 23% of the server's CPU on
 * /calls and drove its RSS from 180 MB to ~870 MB under load (malloc
 * fragmentation). Formatters are immutable, so one per (kind, locale, options)
 * is kept and shared, on the server and in the browser. ESLint forbids
 * `new Intl.*`, `toLocale*String(…)` and `localeCompare(…, locale)` elsewhere.
 */

/** Locales as the Intl constructors take them; keyed by value, so arrays work too. */
export type Locales = string | readonly string[] | undefined;

/** Entries each kind keeps at most. Options may carry a time zone or currency from data, so the key space is open. */
export const intlCacheLimit = 1000;

type Kind = 'dateTimeFormat' | 'numberFormat' | 'listFormat' | 'displayNames' | 'collator' | 'segmenter';

const caches: Record<Kind, Map<string, object>> = {
	dateTimeFormat: new Map(),
	numberFormat: new Map(),
	listFormat: new Map(),
	displayNames: new Map(),
	collator: new Map(),
	segmenter: new Map()
};

/**
 * The locales and the options (keys sorted, undefined values left out, as Intl
 * ignores them), or null when an option is an object, which has no stable key.
 */
function cacheKey(locales: Locales, options: object | undefined): string | null {
	const entries: [string, unknown][] = [];
	if (options) {
		for (const name of Object.keys(options).sort()) {
			const value = (options as Record<string, unknown>)[name];
			if (value === undefined) continue;
			if ((typeof value === 'object' && value !== null) || typeof value === 'function') return null;
			entries.push([name, value]);
		}
	}
	return JSON.stringify([locales ?? null, entries]);
}

function cached<T extends object, O extends object>(kind: Kind, locales: Locales, options: O | undefined, make: () => T): T {
	const cache = caches[kind];
	const key = cacheKey(locales, options);
	if (key === null) return make();
	let formatter = cache.get(key) as T | undefined;
	if (formatter === undefined) {
		// A constructor that throws (unknown time zone, bad locale) leaves nothing behind.
		formatter = make();
		if (cache.size >= intlCacheLimit) cache.delete(cache.keys().next().value!);
		cache.set(key, formatter);
	}
	return formatter;
}

export function dateTimeFormat(locales?: Locales, options?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	return cached('dateTimeFormat', locales, options, () => new Intl.DateTimeFormat(locales, options));
}

export function numberFormat(locales?: Locales, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
	return cached('numberFormat', locales, options, () => new Intl.NumberFormat(locales, options));
}

export function listFormat(locales?: Locales, options?: Intl.ListFormatOptions): Intl.ListFormat {
	return cached('listFormat', locales, options, () => new Intl.ListFormat(locales, options));
}

export function displayNames(locales: Locales, options: Intl.DisplayNamesOptions): Intl.DisplayNames {
	return cached('displayNames', locales, options, () => new Intl.DisplayNames(locales, options));
}

export function collator(locales?: Locales, options?: Intl.CollatorOptions): Intl.Collator {
	return cached('collator', locales, options, () => new Intl.Collator(locales, options));
}

export function segmenter(locales?: Locales, options?: Intl.SegmenterOptions): Intl.Segmenter {
	return cached('segmenter', locales, options, () => new Intl.Segmenter(locales, options));
}

/**
 * A file's size for people, in the locale's digits and unit: "820 kB" below a
 * megabyte (rounded up, so a small file is never "0 kB"), "3.4 MB" from there.
 */
export function formatFileSize(bytes: number, locales?: Locales): string {
	const megabyte = 1024 * 1024;
	if (bytes >= megabyte) {
		return numberFormat(locales, { style: 'unit', unit: 'megabyte', unitDisplay: 'short', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(bytes / megabyte);
	}
	return numberFormat(locales, { style: 'unit', unit: 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 0 }).format(Math.ceil(bytes / 1024));
}

/** How many formatters of each kind are kept, for tests. */
export function intlCacheSizes(): Record<Kind, number> {
	return Object.fromEntries(Object.entries(caches).map(([kind, cache]) => [kind, cache.size])) as Record<Kind, number>;
}

// ------------------------------------------------ Date.prototype.toLocale*String

/*
 * What `date.toLocaleDateString/TimeString/String(locales, options)` give, through a
 * shared formatter. Those methods add default fields before building theirs
 * (ECMA-402, CreateDateTimeFormat with required/defaults), and so do these:
 * - date: year/month/day 'numeric' unless weekday, year, month, day or dateStyle
 *   is given; timeStyle is a TypeError;
 * - time: hour/minute/second 'numeric' unless dayPeriod, hour, minute, second,
 *   fractionalSecondDigits or timeStyle is given; dateStyle is a TypeError;
 * - date and time: both sets unless any of those fields or styles is given.
 * An invalid date gives "Invalid Date" before any option is looked at, as there.
 */

type Needed = 'date' | 'time' | 'any';

const dateFields = ['weekday', 'year', 'month', 'day'] as const;
const timeFields = ['dayPeriod', 'hour', 'minute', 'second', 'fractionalSecondDigits'] as const;

function withDefaults(options: Intl.DateTimeFormatOptions | undefined, required: Needed): Intl.DateTimeFormatOptions {
	const given = options ?? {};
	if (required === 'date' && given.timeStyle !== undefined) throw new TypeError('Invalid option : timeStyle');
	if (required === 'time' && given.dateStyle !== undefined) throw new TypeError('Invalid option : dateStyle');
	let needDefaults = given.dateStyle === undefined && given.timeStyle === undefined;
	if (needDefaults && required !== 'time') needDefaults = dateFields.every((field) => given[field] === undefined);
	if (needDefaults && required !== 'date') needDefaults = timeFields.every((field) => given[field] === undefined);
	if (!needDefaults) return given;
	return {
		...given,
		...(required !== 'time' ? { year: 'numeric', month: 'numeric', day: 'numeric' } : {}),
		...(required !== 'date' ? { hour: 'numeric', minute: 'numeric', second: 'numeric' } : {})
	};
}

function formatWith(date: Date | number, locales: Locales, options: Intl.DateTimeFormatOptions | undefined, required: Needed): string {
	const time = typeof date === 'number' ? date : date.getTime();
	if (Number.isNaN(time)) return 'Invalid Date';
	return dateTimeFormat(locales, withDefaults(options, required)).format(time);
}

/** `date.toLocaleDateString(locales, options)`. */
export function formatDate(date: Date | number, locales?: Locales, options?: Intl.DateTimeFormatOptions): string {
	return formatWith(date, locales, options, 'date');
}

/** `date.toLocaleTimeString(locales, options)`. */
export function formatTime(date: Date | number, locales?: Locales, options?: Intl.DateTimeFormatOptions): string {
	return formatWith(date, locales, options, 'time');
}

/** `date.toLocaleString(locales, options)`. */
export function formatDateTime(date: Date | number, locales?: Locales, options?: Intl.DateTimeFormatOptions): string {
	return formatWith(date, locales, options, 'any');
}
