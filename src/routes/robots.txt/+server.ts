import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';

export const GET: RequestHandler = () => {
	const { origin } = app().config;
	const body = ['User-agent: *', 'Disallow: /admin', 'Disallow: /api/', '', `Sitemap: ${origin}/sitemap.xml`, ''].join('\n');
	return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
