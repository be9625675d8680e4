import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { callCard } from '$lib/server/calls/application-views';
import { listCalls } from '$lib/server/calls/calls.service';
import { pagePicture } from '$lib/server/media/page-picture';
import { wantsSaveData } from '$lib/server/shared/picture';
import { callPageHeaders } from './calls-route';

/** Every call the public may see (no drafts): open now, opening soon, and closed, newest deadline first among the closed. */
export const load: PageServerLoad = async ({ setHeaders, request }) => {
	setHeaders(callPageHeaders);
	const locale = getLocale();
	const now = Date.now();
	const saveData = wantsSaveData(request.headers.get('save-data'));
	// The calls change only with the site version; their phase and wording are worked out for now.
	const calls = await app().siteVersion.cached('calls', () => listCalls(app().db));
	const cards = await Promise.all(
		calls.map(async (call) => ({
			...callCard(call, locale, now),
			cover: await pagePicture(app().db, call.coverMediaId, locale, { sizes: '(min-width: 48rem) 14rem, 100vw', lazy: true, saveData })
		}))
	);
	const byDeadline = (a: { deadline: { iso: string } }, b: { deadline: { iso: string } }) => a.deadline.iso.localeCompare(b.deadline.iso);
	return {
		open: cards.filter((c) => c.phase === 'open').sort(byDeadline),
		upcoming: cards.filter((c) => c.phase === 'upcoming').sort(byDeadline),
		past: cards.filter((c) => c.phase === 'closed').sort((a, b) => byDeadline(b, a))
	};
};
