import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { getHomePage } from '$lib/server/content/content.service';
import { pagePicture } from '$lib/server/media/page-picture';
import { wantsSaveData } from '$lib/server/shared/picture';

export const load: PageServerLoad = async ({ request }) => {
	const locale = getLocale();
	const saveData = wantsSaveData(request.headers.get('save-data'));
	return app().siteVersion.cached(`home:${locale}:${saveData}`, async () => {
		const home = await getHomePage(app().db, locale, new Date());
		const storyImages = await Promise.all(
			home.stories.map((story) => pagePicture(app().db, story.coverMediaId, locale, { sizes: '(min-width: 48rem) 22rem, 100vw', lazy: true, saveData }))
		);
		const image = await pagePicture(app().db, home.page.imageId, locale, { sizes: '(min-width: 72rem) 68rem, 100vw', lazy: false, saveData });
		return { ...home, image, storyImages };
	});
};
