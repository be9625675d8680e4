/** The languages the site speaks. English is the base: it lives at the root and is the fallback. */
export const locales = ['en', 'ne', 'id', 'es'] as const;
export type Locale = (typeof locales)[number];
export const baseLocale: Locale = 'en';

/** Each language named in itself, for the language switcher. */
export const localeNames: Record<Locale, string> = {
	en: 'English',
	ne: 'नेपाली',
	id: 'Bahasa Indonesia',
	es: 'Español'
};

/** Languages written right to left. None of today's are; the layout is ready for them. */
const rtlLocales: ReadonlySet<string> = new Set(['ar', 'fa', 'he', 'ur']);

export function textDirection(locale: string): 'ltr' | 'rtl' {
	return rtlLocales.has(locale) ? 'rtl' : 'ltr';
}

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * A translatable text: one string per language. English is always present, the
 * others may be missing and then fall back to English.
 */
export type Localized = { en: string } & Partial<Record<Exclude<Locale, 'en'>, string>>;

/** A text ready to show, with the language it is actually written in. */
export interface Text {
	text: string;
	lang: Locale;
}

/** The lang attribute a text needs on a page in `locale`: only when it fell back to another language. */
export function langIfOther(value: Text, locale: string): Locale | undefined {
	return value.lang === locale ? undefined : value.lang;
}
