import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { getTextPage } from '$lib/server/content/content.service';

export const load: PageServerLoad = async () => ({ page: await getTextPage(app().db, 'manifesto', getLocale()) });
