import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { getHomePage } from '$lib/server/content/content.service';
import { comingUp } from '$lib/server/events/event-pages';
import { pagePicture } from '$lib/server/media/page-picture';
import { shareImageOf, wantsSaveData } from '$lib/server/shared/picture';

/** Sessions the home page lists under "coming up". */
const comingUpCount = 3;

export const load: PageServerLoad = async ({ request, setHeaders }) => {
	const locale = getLocale();
	const saveData = wantsSaveData(request.headers.get('save-data'));
	const { db, siteVersion, events } = app();
	const now = events.clock();
	// Read for each rendering: the list changes when a session starts, not only when staff publish.
	const soon = await comingUp(db, locale, comingUpCount, now);
	// With sessions listed, the page is kept a minute at most, not until the next publish.
	if (soon.length > 0) setHeaders({ 'Cache-Control': 'max-age=60' });
	const comingUpList = soon.map(({ slug, title, session }) => ({
		slug,
		title,
		startsAt: session.startsAt,
		time: session.time,
		online: session.online,
		place: [session.venueName, session.countryName].filter(Boolean).join(', ')
	}));
	const home = await siteVersion.cached(`home:${locale}:${saveData}`, async () => {
		const home = await getHomePage(db, locale, new Date());
		const storyImages = await Promise.all(
			home.stories.map((story) => pagePicture(app().db, story.coverMediaId, locale, { sizes: '(min-width: 48rem) 22rem, 100vw', lazy: true, saveData }))
		);
		const image = await pagePicture(app().db, home.page.imageId, locale, { sizes: '(min-width: 72rem) 68rem, 100vw', lazy: false, saveData });
		return { ...home, image, storyImages };
	});
	return { ...home, comingUp: comingUpList, shareImage: shareImageOf(home.image) };
};
