import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import { mediaFileResponse } from '$lib/server/media/media-file-response';
import { createLocalMediaStorage, type LocalMediaStorage } from '$lib/server/media/media-storage';

let storage: LocalMediaStorage | undefined;

/** Photo variants: /media/<id>/<width>.<avif|webp|jpg>, cached by browsers and CDNs for a year. */
export const GET: RequestHandler = ({ params }) => {
	storage ??= createLocalMediaStorage(app().config.dataDir);
	return mediaFileResponse(storage, params.id, params.file);
};
