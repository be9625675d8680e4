import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { getCustomPage } from '$lib/server/content/custom-page-items';
import { pagePicture } from '$lib/server/media/page-picture';
import { shareImageOf, wantsSaveData } from '$lib/server/shared/picture';

/** A page staff added: its title, photo and text, read once per site version; 404 for an address no published page has. */
export const load: PageServerLoad = async ({ params, request }) => {
	if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(params.slug) || params.slug.length > 80) error(404, m.not_found_body());
	const locale = getLocale();
	const { db, siteVersion } = app();
	const saveData = wantsSaveData(request.headers.get('save-data'));
	const loaded = await siteVersion.cached(`custom-page:${locale}:${saveData}:${params.slug}`, async () => {
		const page = await getCustomPage(db, params.slug, locale);
		if (!page) return null;
		const image = await pagePicture(db, page.imageId, locale, { sizes: '(min-width: 72rem) 68rem, 100vw', lazy: false, saveData });
		return { page, image };
	});
	if (!loaded) error(404, m.not_found_body());
	return { ...loaded, shareImage: shareImageOf(loaded.image) };
};
