import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { listDirectory } from '$lib/server/collective/artist-directory';
import { pagePicture } from '$lib/server/media/page-picture';
import { wantsSaveData } from '$lib/server/shared/picture';
import { langIfOther } from '$lib/i18n/locales';
import { directoryQueryOf } from './artists-route';

/** The directory of public profiles, filtered by a GET form, a page at a time. */
export const load: PageServerLoad = async ({ url, request }) => {
	const locale = getLocale();
	const { db } = app();
	const { filters, page } = directoryQueryOf(url);
	const list = await listDirectory(db, filters, locale, page);
	const saveData = wantsSaveData(request.headers.get('save-data'));
	const portraits = await Promise.all(list.artists.map((a) => pagePicture(db, a.portraitMediaId, locale, { sizes: '6rem', saveData })));
	return {
		filters,
		list,
		portraits,
		initiatives: list.initiatives.map((i) => ({ value: i.slug, text: i.title.text, lang: langIfOther(i.title, locale) }))
	};
};
