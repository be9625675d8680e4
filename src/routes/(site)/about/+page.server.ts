import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { getAboutPage } from '$lib/server/content/content.service';
import { loadTextPageWithPhoto } from '../text-page';

export const load: PageServerLoad = async ({ request }) => {
	const locale = getLocale();
	const [about, { image, shareImage }] = await Promise.all([app().siteVersion.cached(`about:${locale}`, () => getAboutPage(app().db, locale)), loadTextPageWithPhoto(app().db, 'about', locale, request)]);
	return { ...about, image, shareImage };
};
