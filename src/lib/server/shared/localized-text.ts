import { baseLocale, isLocale, type Locale, type Localized, type Text } from '$lib/i18n/locales';

export type { Text };

export function parseLocalized(json: string): Localized {
	const value: unknown = JSON.parse(json);
	const result: Record<string, string> = { en: '' };
	if (value && typeof value === 'object') {
		for (const [key, text] of Object.entries(value)) {
			if (isLocale(key) && typeof text === 'string') result[key] = text;
		}
	}
	return result as Localized;
}

export function stringifyLocalized(value: Localized): string {
	const clean: Record<string, string> = {};
	for (const [key, text] of Object.entries(value)) {
		if (isLocale(key) && typeof text === 'string' && text.trim() !== '') clean[key] = text;
	}
	return JSON.stringify({ en: '', ...clean });
}

/**
 * The text in the wanted language, or in English when that language has none.
 * The returned `lang` says which one it is, so the page can mark a fallback.
 */
export function pick(value: Localized, locale: Locale): Text {
	const wanted = value[locale];
	if (wanted && wanted.trim() !== '') return { text: wanted, lang: locale };
	return { text: value.en, lang: baseLocale };
}

export function pickJson(json: string, locale: Locale): Text {
	return pick(parseLocalized(json), locale);
}

/** Every language at least one of `texts` is written in (not empty), e.g. for a page's "also in" list. */
export function writtenLanguages(...texts: Localized[]): Locale[] {
	const found = new Set<Locale>();
	for (const text of texts) for (const [locale, value] of Object.entries(text)) if (typeof value === 'string' && value.trim() !== '') found.add(locale as Locale);
	return [...found];
}
