import { baseLocale, isLocale, type Locale } from '$lib/i18n/locales';

/**
 * The version a recipient gets: the one in their language, else English. Null
 * when neither exists (a campaign without an English version reaches only the
 * languages it has). `locale` says which language was chosen, for `lang` and
 * the web version's URL.
 */
export function versionForRecipient<T>(
	versions: Partial<Record<Locale, T | null | undefined>>,
	recipientLocale: string
): { locale: Locale; version: T } | null {
	if (isLocale(recipientLocale)) {
		const own = versions[recipientLocale];
		if (own !== undefined && own !== null) return { locale: recipientLocale, version: own };
	}
	const fallback = versions[baseLocale];
	if (fallback !== undefined && fallback !== null) return { locale: baseLocale, version: fallback };
	return null;
}
