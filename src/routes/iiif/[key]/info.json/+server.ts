import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import { imageServiceInfoResponse } from '$lib/server/media/image-service-response';
import { sessionMay } from '$lib/server/people/guard';

/**
 * A photo's image service description (IIIF Image API 3, level 0). Its id is the
 * configured origin, not the Host header: the answer is kept by the page cache
 * under its path alone, so it must be the same whoever asked.
 */
export const GET: RequestHandler = ({ params, request }) => {
	const { media, auth, config, db } = app();
	return imageServiceInfoResponse(media, config.origin, params.key, {
		// The session is looked up only for a photo that is not public: visitors' requests cost no query.
		mayPreview: () => sessionMay({ auth, db, idleLimitMs: config.staffSessionIdleMs }, request.headers, 'media.preview')
	});
};
