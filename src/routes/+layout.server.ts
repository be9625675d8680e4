import type { LayoutServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { delocalizedPath, localizedPath } from '$lib/i18n/paths';
import { locales, localeNames, textDirection, type Locale } from '$lib/i18n/locales';
import { app } from '$lib/server/app';
import { getSiteFrame, type SiteFrame } from '$lib/server/content/content.service';
import { isAdminPath } from '$lib/admin/urls';
import { defaultSiteMenus, getSiteMenus, type SiteMenus } from '$lib/server/content/menus';

/** The frame last read per language, so an error page still has its header and footer when the database is down. */
const lastFrames = new Map<Locale, SiteFrame>();

async function frameFor(locale: Locale): Promise<SiteFrame> {
	try {
		const frame = await app().siteVersion.cached(`frame:${locale}`, () => getSiteFrame(app().db, locale));
		lastFrames.set(locale, frame);
		return frame;
	} catch (error) {
		const last = lastFrames.get(locale);
		if (last) return last;
		app().log.warn({ err: error }, 'site frame unavailable');
		return { name: '', tagline: { text: '', lang: locale }, email: '', location: { text: '', lang: locale }, socialLinks: [] };
	}
}

/** The header and footer menus as staff arranged them; the last ones read (or today's) when the database does not answer. */
const lastMenus = new Map<Locale, SiteMenus>();

async function menusFor(locale: Locale): Promise<SiteMenus> {
	try {
		const menus = await app().siteVersion.cached(`menus:${locale}`, () => getSiteMenus(app().db, locale));
		lastMenus.set(locale, menus);
		return menus;
	} catch (error) {
		app().log.warn({ err: error }, 'site menus unavailable');
		return lastMenus.get(locale) ?? defaultSiteMenus();
	}
}

export const load: LayoutServerLoad = async ({ url }) => {
	const locale = getLocale();
	// The path without its language prefix: '/ne/about' → '/about'. An address with empty segments
	// ('///') is a 404, whose language links drop them.
	const path = delocalizedPath(url.pathname.replace(/\/{2,}/g, '/'));
	return {
		locale,
		dir: textDirection(locale),
		origin: app().config.origin,
		path,
		alternates: locales.map((l) => ({ locale: l, name: localeNames[l], href: localizedPath(path, l) })),
		frame: await frameFor(locale),
		// The admin has no use for the public menus.
		menus: isAdminPath(url.pathname) ? defaultSiteMenus() : await menusFor(locale),
		// The admin has its own frame (routes/admin/+layout.svelte).
		admin: isAdminPath(url.pathname)
	};
};
