import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import { mediaFileResponse } from '$lib/server/media/media-file-response';
import { sessionMay } from '$lib/server/people/guard';

/**
 * Photo variants: /media/<public key>/<width>.<avif|webp|jpg>. Public and cached for
 * a year while published content shows the photo; otherwise for staff only.
 */
export const GET: RequestHandler = ({ params, request }) => {
	const { media, auth, config, db } = app();
	return mediaFileResponse(media, params.key, params.file, {
		// The session is looked up only for a photo that is not public: visitors' requests cost no query.
		mayPreview: () => sessionMay({ auth, db, idleLimitMs: config.staffSessionIdleMs }, request.headers, 'media.preview')
	});
};
