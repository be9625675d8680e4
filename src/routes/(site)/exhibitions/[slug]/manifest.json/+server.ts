import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import { exhibitionManifest, manifestContentType } from '$lib/server/exhibitions/exhibition-manifest';
import { findOrganization } from '$lib/server/shared/organization';
import { exhibitionSlugFrom } from '../../exhibitions-route.server';

/** The exhibition as a IIIF Presentation 3 manifest, open to viewers on any site. */
export const GET: RequestHandler = async ({ params }) => {
	const slug = exhibitionSlugFrom(params.slug);
	const { db, exhibitions, config, siteVersion } = app();
	const manifest = await siteVersion.cached(`exhibition-manifest:${slug}`, async () => {
		const org = await findOrganization(db);
		return exhibitionManifest(exhibitions, config.origin, slug, org?.name ?? '');
	});
	if (!manifest) error(404, 'No published exhibition has this address.');
	return new Response(JSON.stringify(manifest), {
		headers: {
			'content-type': manifestContentType,
			'access-control-allow-origin': '*',
			'cache-control': 'public, max-age=300'
		}
	});
};
