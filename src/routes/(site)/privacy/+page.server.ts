import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { loadTextPageWithPhoto } from '../text-page';

export const load: PageServerLoad = async ({ request }) => loadTextPageWithPhoto(app().db, 'privacy', getLocale(), request);
