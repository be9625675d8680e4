import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { searchSite } from '$lib/server/content/site-search';
import { pageFrom, searchTextFrom } from '$lib/server/platform/route-params';

/** Search results for `?q=`, a page at a time; read once per site version for the same words. */
export const load: PageServerLoad = async ({ url }) => {
	const locale = getLocale();
	const typed = searchTextFrom(url, 'q', 5000);
	const page = pageFrom(url);
	const { db, siteVersion } = app();
	const search = await siteVersion.cached(`search:${locale}:${page}:${typed.slice(0, 400)}`, () => searchSite(db, typed, locale, page));
	if (search.total > 0 && page > search.pages) error(404, m.archive_page_past_end({ pages: search.pages }));
	return { search };
};
