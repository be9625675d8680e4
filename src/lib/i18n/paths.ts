import { getLocale } from '$lib/paraglide/runtime';
import { baseLocale, locales, type Locale } from './locales';

/*
 * Addresses in every language, by their first segment: English at the root,
 * '/ne/about' for Nepali. The same rule as Paraglide's URL patterns
 * (paraglide.options.js), in a few string operations: every link of every page
 * goes through here, and Paraglide's URLPattern matching took about a fifth of
 * the server's time per rendered page (paths.test.ts holds the two to the same
 * answers).
 */
const prefix = new RegExp(`^/(${locales.filter((locale) => locale !== baseLocale).join('|')})(?=/|$)`);

/** The language an address is in: its first segment when that names one, else English. */
export function localeOfPath(pathname: string): Locale {
	return (prefix.exec(pathname)?.[1] as Locale | undefined) ?? baseLocale;
}

/** The address without its language: '/ne/about' → '/about', '/ne' → '/'. */
export function delocalizedPath(pathname: string): string {
	const match = prefix.exec(pathname);
	return match ? pathname.slice(match[0].length) || '/' : pathname;
}

/**
 * The address of a page in a language (the request's, when not given): '/about'
 * → '/ne/about', '/' → '/ne'. Without a trailing slash, which the site redirects
 * away from. Anything that is not a path on this site is returned as it is.
 */
export function localizedPath(path: string, locale: string = getLocale()): string {
	if (!path.startsWith('/') || path.startsWith('//')) return path;
	const bare = delocalizedPath(path);
	const href = locale === baseLocale ? bare : bare === '/' ? `/${locale}` : `/${locale}${bare}`;
	return href.length > 1 && href.endsWith('/') ? href.slice(0, -1) : href;
}
