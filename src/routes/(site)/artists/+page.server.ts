import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { listDirectory } from '$lib/server/collective/artist-directory';
import { pagePicture } from '$lib/server/media/page-picture';
import { wantsSaveData } from '$lib/server/shared/picture';
import { pickJson } from '$lib/server/shared/localized-text';
import { langIfOther } from '$lib/i18n/locales';
import { directoryQueryOf } from './artists-route';

/** The directory of public profiles, filtered by a GET form, a page at a time. */
export const load: PageServerLoad = async ({ url, request }) => {
	const locale = getLocale();
	const { db } = app();
	const { filters, page } = directoryQueryOf(url);
	const list = await listDirectory(db, filters, locale, page);
	const initiatives = await db.selectFrom('initiative').select(['slug', 'title']).orderBy('start_date', 'desc').execute();
	const saveData = wantsSaveData(request.headers.get('save-data'));
	const portraits = await Promise.all(list.artists.map((a) => pagePicture(db, a.portraitMediaId, locale, { sizes: '6rem', saveData })));
	return {
		filters,
		list,
		portraits,
		initiatives: initiatives.map((i) => {
			const title = pickJson(i.title, locale);
			return { value: i.slug, text: title.text, lang: langIfOther(title, locale) };
		})
	};
};
