import type { PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { listArtworks } from '$lib/server/exhibitions/artwork.queries';
import { requirePermission } from '$lib/server/people/guard';
import { searchTextFrom } from '$lib/server/platform/route-params';

/** Every work, newest first, with its artists and how many images it has. */
export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'exhibitions.manage');
	const query = searchTextFrom(url, 'q', 100);
	return { works: await listArtworks(app().db, query), query, created: url.searchParams.get('created'), deleted: url.searchParams.has('deleted') };
};
