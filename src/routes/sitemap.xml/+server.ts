import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import { archiveSitemap } from '$lib/server/content/archive.service';
import { lastContentChange } from '$lib/server/content/content.queries';
import { renderSitemap, publicPaths } from '$lib/server/content/sitemap';
import { listCalls } from '$lib/server/calls/calls.service';
import { eventsSitemap } from '$lib/server/events/event-pages';
import { exhibitionsSitemap } from '$lib/server/exhibitions/exhibition-sitemap';
import { artistsSitemap } from '$lib/server/collective/artist-directory';

/** Every public page, published initiative, story, call, event and exhibition (with its works' pages), and every public artist's profile, in every language with its alternates. */
export const GET: RequestHandler = async () => {
	const { config, db } = app();
	const [lastChange, archive, calls, events, exhibitions, artists] = await Promise.all([
		lastContentChange(db),
		archiveSitemap(db),
		listCalls(db),
		eventsSitemap(db),
		exhibitionsSitemap(db),
		artistsSitemap(db)
	]);
	const callPages = calls.map((call) => ({ path: `/calls/${call.slug}`, updatedAt: call.updatedAt }));
	return new Response(renderSitemap(config.origin, lastChange, publicPaths, [...archive, ...callPages, ...events, ...exhibitions, ...artists]), {
		headers: { 'Content-Type': 'application/xml; charset=utf-8' }
	});
};
