import { describe, expect, it } from 'vitest';
import { collator, dateTimeFormat, displayNames, formatDate, formatDateTime, formatFileSize, formatTime, intlCacheLimit, intlCacheSizes, listFormat, numberFormat, segmenter } from './intl';
import { locales } from './locales';

describe('shared formatters', () => {
	it('are the same instance for the same locale and options, whatever their order', () => {
		const a = dateTimeFormat('es', { dateStyle: 'long', timeZone: 'Europe/Madrid' });
		expect(dateTimeFormat('es', { dateStyle: 'long', timeZone: 'Europe/Madrid' })).toBe(a);
		expect(dateTimeFormat('es', { timeZone: 'Europe/Madrid', dateStyle: 'long' })).toBe(a);
		expect(numberFormat('ne')).toBe(numberFormat('ne', {}));
		expect(numberFormat('ne', { maximumFractionDigits: undefined })).toBe(numberFormat('ne'));
		expect(listFormat('id', { type: 'disjunction' })).toBe(listFormat('id', { type: 'disjunction' }));
		expect(displayNames(['ne', 'en'], { type: 'region', fallback: 'code' })).toBe(displayNames(['ne', 'en'], { fallback: 'code', type: 'region' }));
		expect(collator('en', { sensitivity: 'base' })).toBe(collator('en', { sensitivity: 'base' }));
		expect(segmenter('ne', { granularity: 'word' })).toBe(segmenter('ne', { granularity: 'word' }));
	});

	it('differ for other options, locales or kinds', () => {
		const a = dateTimeFormat('es', { dateStyle: 'long', timeZone: 'UTC' });
		expect(dateTimeFormat('es', { dateStyle: 'long', timeZone: 'Asia/Kathmandu' })).not.toBe(a);
		expect(dateTimeFormat('es', { dateStyle: 'short', timeZone: 'UTC' })).not.toBe(a);
		expect(dateTimeFormat('id', { dateStyle: 'long', timeZone: 'UTC' })).not.toBe(a);
		expect(dateTimeFormat(['es'], { dateStyle: 'long', timeZone: 'UTC' })).not.toBe(a);
		expect(numberFormat('en', { maximumFractionDigits: 1 })).not.toBe(numberFormat('en', { maximumFractionDigits: 2 }));
		expect(displayNames(['ne', 'en'], { type: 'region' })).not.toBe(displayNames(['ne'], { type: 'region' }));
	});

	it('format as a new formatter does', () => {
		const at = new Date('2027-03-28T21:59:00Z');
		for (const locale of locales) {
			const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short', timeZone: 'Europe/Madrid' };
			expect(dateTimeFormat(locale, options).format(at)).toBe(new Intl.DateTimeFormat(locale, options).format(at));
			expect(numberFormat(locale, { style: 'currency', currency: 'NPR' }).format(1234.5)).toBe(new Intl.NumberFormat(locale, { style: 'currency', currency: 'NPR' }).format(1234.5));
		}
	});

	it('leave nothing behind when the constructor throws', () => {
		const before = intlCacheSizes().dateTimeFormat;
		expect(() => dateTimeFormat('en', { timeZone: 'Nowhere/Atlantis' })).toThrow(RangeError);
		expect(() => dateTimeFormat('en', { timeZone: 'Nowhere/Atlantis' })).toThrow(RangeError);
		expect(intlCacheSizes().dateTimeFormat).toBe(before);
	});

	it('keep at most the limit per kind, dropping the oldest', () => {
		const first = numberFormat('en', { minimumIntegerDigits: 1, maximumFractionDigits: 0 });
		const make = (i: number) => numberFormat('en', { minimumIntegerDigits: 1 + (i % 21), maximumFractionDigits: 1 + Math.floor(i / 21) });
		for (let i = 0; i < intlCacheLimit + 200; i++) make(i);
		expect(intlCacheSizes().numberFormat).toBe(intlCacheLimit);
		const last = make(intlCacheLimit + 199);
		expect(make(intlCacheLimit + 199)).toBe(last);
		expect(numberFormat('en', { minimumIntegerDigits: 1, maximumFractionDigits: 0 })).not.toBe(first);
		expect(intlCacheSizes().numberFormat).toBe(intlCacheLimit);
	});
});

describe('formatDate, formatTime and formatDateTime', () => {
	const moments = [new Date('2027-03-28T00:30:05.123Z'), new Date('2026-11-01T08:59:59Z'), new Date(0)];
	const optionSets: (Intl.DateTimeFormatOptions | undefined)[] = [
		undefined,
		{},
		{ timeZone: 'UTC' },
		{ timeZone: 'Asia/Kathmandu' },
		{ timeZone: 'America/Los_Angeles', timeZoneName: 'short' },
		{ dateStyle: 'medium', timeZone: 'UTC' },
		{ timeStyle: 'short', timeZone: 'Asia/Jakarta' },
		{ dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Madrid' },
		{ month: 'long', year: 'numeric', timeZone: 'UTC' },
		{ weekday: 'long', timeZone: 'UTC' },
		{ day: '2-digit' },
		{ hour: '2-digit', minute: '2-digit', timeZone: 'UTC' },
		{ hour: 'numeric', timeZone: 'Asia/Kathmandu' },
		{ dayPeriod: 'long', timeZone: 'UTC' },
		{ fractionalSecondDigits: 2, timeZone: 'UTC' },
		{ era: 'short', timeZone: 'UTC' },
		{ hour12: false, timeZone: 'UTC' },
		{ hourCycle: 'h23', second: '2-digit', timeZone: 'UTC' },
		{ year: undefined, hour: undefined, timeZone: 'UTC' }
	];
	const outcome = (run: () => string) => {
		try {
			return run();
		} catch (error) {
			return `throws ${(error as Error).constructor.name}`;
		}
	};

	it('give what Date.prototype.toLocaleDateString, toLocaleTimeString and toLocaleString give', () => {
		for (const locale of [...locales, undefined]) {
			for (const options of optionSets) {
				for (const at of moments) {
					const label = `${locale} ${JSON.stringify(options)} ${at.toISOString()}`;
					expect(outcome(() => formatDate(at, locale, options)), label).toBe(outcome(() => at.toLocaleDateString(locale, options)));
					expect(outcome(() => formatTime(at, locale, options)), label).toBe(outcome(() => at.toLocaleTimeString(locale, options)));
					expect(outcome(() => formatDateTime(at, locale, options)), label).toBe(outcome(() => at.toLocaleString(locale, options)));
					expect(outcome(() => formatDateTime(at.getTime(), locale, options)), label).toBe(outcome(() => at.toLocaleString(locale, options)));
				}
			}
		}
	});

	it('throw where those throw: a time style for a date, a date style for a time', () => {
		const at = moments[0]!;
		expect(() => at.toLocaleDateString('en', { timeStyle: 'short' })).toThrow(TypeError);
		expect(() => formatDate(at, 'en', { timeStyle: 'short' })).toThrow(TypeError);
		expect(() => at.toLocaleTimeString('en', { dateStyle: 'short' })).toThrow(TypeError);
		expect(() => formatTime(at, 'en', { dateStyle: 'short' })).toThrow(TypeError);
		expect(() => formatDateTime(at, 'en', { dateStyle: 'short', hour: 'numeric' })).toThrow(TypeError);
	});

	it('say "Invalid Date" for an invalid date, before looking at the options', () => {
		const invalid = new Date('not a date');
		for (const options of [{ dateStyle: 'medium' }, { timeZone: 'Nowhere/Atlantis' }, { timeStyle: 'short' }] as Intl.DateTimeFormatOptions[]) {
			expect(formatDate(invalid, 'en', options)).toBe(invalid.toLocaleDateString('en', options));
			expect(formatTime(invalid, 'es', options)).toBe(invalid.toLocaleTimeString('es', options));
			expect(formatDateTime(invalid, 'ne', options)).toBe(invalid.toLocaleString('ne', options));
		}
		expect(formatDateTime(invalid, 'id')).toBe('Invalid Date');
	});
});

describe('formatFileSize', () => {
	it('says kilobytes below a megabyte, rounded up, and megabytes with one decimal from there, in the locale', () => {
		expect(formatFileSize(1, 'en')).toBe('1 kB');
		expect(formatFileSize(300 * 1024 + 1, 'en')).toBe('301 kB');
		expect(formatFileSize(3.46 * 1024 * 1024, 'en')).toBe('3.5 MB');
		expect(formatFileSize(20 * 1024 * 1024, 'es')).toBe(new Intl.NumberFormat('es', { style: 'unit', unit: 'megabyte', unitDisplay: 'short', minimumFractionDigits: 1 }).format(20));
		expect(formatFileSize(2 * 1024 * 1024, 'ne')).toMatch(/^२\.० /);
	});
});
