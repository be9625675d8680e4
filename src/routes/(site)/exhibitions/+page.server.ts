import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { listExhibitions } from '$lib/server/exhibitions/exhibition-pages';
import { wantsSaveData } from '$lib/server/shared/picture';
import { today } from './exhibitions-route.server';

/** Every published exhibition: on view now (and soon), then past ones, then permanent ones. */
export const load: PageServerLoad = async ({ request }) => {
	const locale = getLocale();
	const { exhibitions, siteVersion } = app();
	const saveData = wantsSaveData(request.headers.get('save-data'));
	const day = today();
	const groups = await siteVersion.cached(`exhibitions:${locale}:${day}:${saveData}`, () => listExhibitions(exhibitions, locale, day, { saveData }));
	return { groups };
};
