import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { callView } from '$lib/server/calls/application-views';
import { pagePicture } from '$lib/server/media/page-picture';
import { shareImageOf, wantsSaveData } from '$lib/server/shared/picture';
import { callPageHeaders, publicCall } from '../calls-route';

/** One call: its cover, texts, dates in its zone and in UTC, and how long is left (as of this rendering). */
export const load: PageServerLoad = async ({ params, setHeaders, request }) => {
	const { call } = await publicCall(params.slug);
	setHeaders(callPageHeaders);
	const locale = getLocale();
	const cover = await pagePicture(app().db, call.coverMediaId, locale, {
		sizes: '(min-width: 72rem) 68rem, 100vw',
		saveData: wantsSaveData(request.headers.get('save-data'))
	});
	return { call: callView(call, locale, Date.now()), cover, shareImage: shareImageOf(cover) };
};
