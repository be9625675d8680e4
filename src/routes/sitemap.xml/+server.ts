import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import { lastContentChange } from '$lib/server/content/content.queries';
import { renderSitemap } from '$lib/server/content/sitemap';

export const GET: RequestHandler = async () => {
	const { config, db } = app();
	return new Response(renderSitemap(config.origin, await lastContentChange(db)), {
		headers: { 'Content-Type': 'application/xml; charset=utf-8' }
	});
};
