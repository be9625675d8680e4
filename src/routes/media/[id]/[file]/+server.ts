import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import { mediaFileResponse } from '$lib/server/media/media-file-response';

/** Photo variants: /media/<id>/<width>.<avif|webp|jpg>, cached by browsers and CDNs for a year. */
export const GET: RequestHandler = ({ params }) => mediaFileResponse(app().mediaStorage, params.id, params.file);
