import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { loadTextPageWithPhoto } from '$lib/server/content/page-load';

export const load: PageServerLoad = async ({ request }) => loadTextPageWithPhoto(app().db, 'manifesto', getLocale(), request);
