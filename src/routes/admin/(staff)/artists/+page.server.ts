import type { PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { listArtistsForStaff } from '$lib/server/collective/artist-admin';
import { requirePermission } from '$lib/server/people/guard';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'collective.manage');
	return { artists: await listArtistsForStaff(app().db) };
};
