/**
 * The public pages the browser suite visits, in every language.
 *
 * The browser config has no SvelteKit `$lib` alias, so this file imports only
 * modules that do not use it. `locales.ts` is one of them; `sitemap.ts` is not
 * (it imports through `$lib`), so its `publicPaths` are duplicated below. The
 * no-JS test compares this list with the server's /sitemap.xml, so the copy
 * cannot drift silently.
 */
import { locales, baseLocale, type Locale } from '../../src/lib/i18n/locales.ts';

export { locales, baseLocale, type Locale };

/** Keep in step with `publicPaths` in src/lib/server/content/sitemap.ts. */
export const publicPaths = ['/', '/about', '/manifesto', '/privacy', '/donate', '/donate/transparency', '/newsletter', '/calls', '/initiatives', '/stories', '/events', '/artists', '/exhibitions', '/search'] as const;

/**
 * Pages of one item each (an initiative, a story) that the page suites visit
 * beside the lists: one of each kind from the demo content. The sitemap lists
 * every such page; these stand for the rest.
 */
export const itemPaths = ['/initiatives/patan-empower-2018', '/stories/looking-back-at-patan-2018', '/events/paste-up-workshop-patan', '/artists/lumen-moth', '/exhibitions/climate-pasted', '/exhibitions/climate-pasted/1', '/pages/volunteer'] as const;

/**
 * Static scripts a public page may carry to enhance itself (static/), deferred
 * and from this site: the page works the same without them. Every other script
 * on a public page is a failure of the page suites.
 */
export const optionalScripts: ReadonlySet<string> = new Set(['/exhibition-walk.js']);

/** An address no page lives at: the site's "page not found" page. */
export const notFoundPath = '/no-such-page';

/** '/about' in 'ne' → '/ne/about'; '/' in 'ne' → '/ne'; English has no prefix. */
export function pathIn(path: string, locale: Locale): string {
	if (locale === baseLocale) return path;
	return path === '/' ? `/${locale}` : `/${locale}${path}`;
}

export interface PublicPage {
	/** The path without its language prefix, e.g. '/about'. */
	path: string;
	locale: Locale;
	/** The path as visited, e.g. '/es/about'. */
	href: string;
	/** The HTTP status the page answers with. */
	status: 200 | 403 | 404;
}

/** Every public page in every language. */
export const publicPages: PublicPage[] = locales.flatMap((locale) =>
	[...publicPaths, ...itemPaths].map((path) => ({ path, locale, href: pathIn(path, locale), status: 200 as const }))
);

/** True for the page of one item (an initiative, a story, a call, an event, an artist, an added page, an exhibition or one of its works), which the sitemap lists one by one. */
export function isItemPath(path: string): boolean {
	return /^\/(?:[a-z]{2}\/)?(?:(?:initiatives|stories|calls|events|artists|pages)\/[a-z0-9-]+|exhibitions\/[a-z0-9-]+(?:\/[1-9]\d*)?)$/.test(path);
}

/** The "page not found" page in every language. */
export const notFoundPages: PublicPage[] = locales.map((locale) => ({
	path: notFoundPath,
	locale,
	href: pathIn(notFoundPath, locale),
	status: 404 as const
}));

/** Where a form sent from another site lands (hooks.server.ts): a 403 page that says what happened and what to set. */
export const formRefusedPath = '/form-refused';

/** The refused-form page in every language. */
export const formRefusedPages: PublicPage[] = locales.map((locale) => ({
	path: formRefusedPath,
	locale,
	href: pathIn(formRefusedPath, locale),
	status: 403 as const
}));

/** Every page a visitor can land on: the public pages, the 404 page and the refused-form page, in every language. */
export const allPages: PublicPage[] = [...publicPages, ...notFoundPages, ...formRefusedPages];

export const viewports = {
	narrow: { width: 320, height: 640 },
	wide: { width: 1280, height: 800 }
} as const;

export function pageName(page: PublicPage): string {
	return `${page.href} (${page.locale})`;
}
