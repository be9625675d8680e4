import type { LayoutServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { delocalizedPath, localizedPath } from '$lib/i18n/paths';
import { locales, localeNames, textDirection, type Locale } from '$lib/i18n/locales';
import { app } from '$lib/server/app';
import { getSiteFrame, type SiteFrame } from '$lib/server/content/content.service';
import { isAdminPath } from '$lib/admin/urls';

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
		// The admin has its own frame (routes/admin/+layout.svelte).
		admin: isAdminPath(url.pathname)
	};
};
