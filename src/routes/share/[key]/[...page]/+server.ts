import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import { shareImageResponse } from '$lib/server/shared/share-image';

/**
 * A page's picture for link previews when it has no photo of its own: its title
 * over the site's colours, /share/<key>/<page>.png (share/share-image-address.ts).
 * The page is read through the site itself, without its visitor's cookies.
 */
export const GET: RequestHandler = async ({ params, request, url, fetch }) => {
	const response = await shareImageResponse(
		{ storage: app().storage, fetchPage: (path) => fetch(path, { headers: { accept: 'text/html', cookie: '' }, redirect: 'manual' }) },
		params.key,
		// As the page's address has it (percent-encoded), not decoded as params.page is.
		url.pathname.slice(`/share/${params.key}/`.length),
		request.headers.get('if-none-match')
	);
	if (!response) error(404, 'Not found');
	return response;
};
