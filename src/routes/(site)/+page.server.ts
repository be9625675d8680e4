import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { getHomePage } from '$lib/server/content/content.service';

export const load: PageServerLoad = async () => getHomePage(app().db, getLocale());
