import type { LayoutServerLoad } from './$types';
import { deLocalizeHref, getLocale } from '$lib/paraglide/runtime';
import { localizedPath } from '$lib/i18n/paths';
import { locales, localeNames, textDirection } from '$lib/i18n/locales';
import { app } from '$lib/server/app';
import { getSiteFrame } from '$lib/server/content/content.service';

export const load: LayoutServerLoad = async ({ url }) => {
	const locale = getLocale();
	const { config, db } = app();
	// The path without its language prefix: '/ne/about' → '/about'.
	const path = deLocalizeHref(url.pathname);
	return {
		locale,
		dir: textDirection(locale),
		origin: config.origin,
		path,
		alternates: locales.map((l) => ({ locale: l, name: localeNames[l], href: localizedPath(path, l) })),
		frame: await getSiteFrame(db, locale)
	};
};
