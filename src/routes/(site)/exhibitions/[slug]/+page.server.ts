import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { getExhibitionOverview } from '$lib/server/exhibitions/exhibition-pages';
import { shareImageOf, wantsSaveData } from '$lib/server/shared/picture';
import { exhibitionSlugFrom, today } from '../exhibitions-route.server';

/** One exhibition: its curatorial text, its curators and its sections with their works. */
export const load: PageServerLoad = async ({ params, request }) => {
	const slug = exhibitionSlugFrom(params.slug);
	const locale = getLocale();
	const { exhibitions, siteVersion } = app();
	const saveData = wantsSaveData(request.headers.get('save-data'));
	const day = today();
	const exhibition = await siteVersion.cached(`exhibition:${locale}:${slug}:${day}:${saveData}`, () => getExhibitionOverview(exhibitions, slug, locale, day, { saveData }));
	if (!exhibition) error(404, m.exhibition_not_found());
	return { exhibition, shareImage: shareImageOf(exhibition.cover) };
};
