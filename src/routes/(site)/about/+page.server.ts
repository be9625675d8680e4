import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { getAboutPage } from '$lib/server/content/content.service';

export const load: PageServerLoad = async () => getAboutPage(app().db, getLocale());
