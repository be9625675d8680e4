import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import { imageServiceTileResponse } from '$lib/server/media/image-service-response';
import { sessionMay } from '$lib/server/people/guard';

/** One tile of a photo's image service: /iiif/<public key>/<region>/<size>/0/default.jpg, only those that exist. */
export const GET: RequestHandler = ({ params, request }) => {
	const { media, auth, config, db } = app();
	return imageServiceTileResponse(media, params, {
		// The session is looked up only for a photo that is not public: visitors' requests cost no query.
		mayPreview: () => sessionMay({ auth, db, idleLimitMs: config.staffSessionIdleMs }, request.headers, 'media.preview')
	});
};
