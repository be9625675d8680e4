import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { getWorkPage } from '$lib/server/exhibitions/exhibition-pages';
import { shareImageOf, wantsSaveData } from '$lib/server/shared/picture';
import { exhibitionSlugFrom, positionFrom } from '../../exhibitions-route.server';

/** One work of an exhibition's walk, with the way to the previous and the next. */
export const load: PageServerLoad = async ({ params, request }) => {
	const slug = exhibitionSlugFrom(params.slug);
	const position = positionFrom(params.n);
	const locale = getLocale();
	const { exhibitions, siteVersion } = app();
	const saveData = wantsSaveData(request.headers.get('save-data'));
	const work = await siteVersion.cached(`exhibition-work:${locale}:${slug}:${position}:${saveData}`, () => getWorkPage(exhibitions, slug, position, locale, { saveData }));
	if (!work) error(404, m.exhibition_not_found());
	return { work, shareImage: shareImageOf(work.image) };
};
