import { localizeHref } from '$lib/paraglide/runtime';

/**
 * The address of a page in a language: '/about' → '/ne/about', '/' → '/ne'.
 * Without a trailing slash, which the site redirects away from.
 */
export function localizedPath(path: string, locale?: string): string {
	const href = localizeHref(path, locale ? { locale: locale as never } : undefined);
	return href.length > 1 && href.endsWith('/') ? href.slice(0, -1) : href;
}
