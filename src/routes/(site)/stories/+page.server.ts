import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { listStories } from '$lib/server/content/archive.service';
import { pageFrom } from '$lib/server/platform/route-params';
import { wantsSaveData } from '$lib/server/shared/picture';
import { cardPictures } from '../initiatives/archive-route.server';

const perPage = 12;

/** News and stories, newest first, a page at a time. */
export const load: PageServerLoad = async ({ url, request }) => {
	const locale = getLocale();
	const page = pageFrom(url);
	const { db, siteVersion } = app();
	const list = await siteVersion.cached(`stories:${locale}:${page}`, () => listStories(db, locale, page, perPage));
	if (page > list.pages) error(404, m.archive_page_past_end({ pages: list.pages }));
	const images = await cardPictures(
		list.items.map((s) => s.coverMediaId),
		locale,
		wantsSaveData(request.headers.get('save-data'))
	);
	return { list, images };
};
