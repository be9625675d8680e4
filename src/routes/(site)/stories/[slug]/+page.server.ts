import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { getStory } from '$lib/server/content/archive.service';
import { pagePicture } from '$lib/server/media/page-picture';
import { shareImageOf, wantsSaveData } from '$lib/server/shared/picture';
import { slugFrom } from '../../initiatives/archive-route.server';

/** One story, whole, with the initiatives it is about. */
export const load: PageServerLoad = async ({ params, request }) => {
	const slug = slugFrom(params.slug);
	const locale = getLocale();
	const { db, siteVersion } = app();
	const story = await siteVersion.cached(`story:${locale}:${slug}`, () => getStory(db, slug, locale));
	if (!story) error(404, m.archive_not_found());
	const image = await pagePicture(db, story.coverMediaId, locale, {
		sizes: '(min-width: 72rem) 68rem, 100vw',
		lazy: false,
		saveData: wantsSaveData(request.headers.get('save-data'))
	});
	return { story, image, shareImage: shareImageOf(image) };
};
