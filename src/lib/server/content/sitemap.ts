import { locales } from '$lib/i18n/locales';
import { localizedPath } from '$lib/i18n/paths';

/** The public pages that exist today, without their language prefix. */
export const publicPaths = ['/', '/about', '/manifesto', '/privacy', '/donate', '/donate/transparency', '/newsletter', '/calls', '/initiatives', '/stories', '/events', '/artists', '/exhibitions', '/search'] as const;

/** A page of its own (an initiative, a story, a call), with the day it last changed. */
export interface SitemapPage {
	path: string;
	updatedAt: string;
}

function escapeXml(value: string): string {
	return value.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Every public page in every language, each listing all its language versions (hreflang). */
export function renderSitemap(origin: string, lastModified: string | undefined, paths: readonly string[] = publicPaths, pages: readonly SitemapPage[] = []): string {
	const all = [...paths.map((path) => ({ path, updatedAt: lastModified })), ...pages];
	const entries = all.flatMap(({ path, updatedAt }) => {
		const lastmod = updatedAt ? `<lastmod>${escapeXml(updatedAt.slice(0, 10))}</lastmod>` : '';
		const alternates = locales
			.map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${escapeXml(origin + localizedPath(path, l))}"/>`)
			.concat(`<xhtml:link rel="alternate" hreflang="x-default" href="${escapeXml(origin + path)}"/>`)
			.join('');
		return locales.map(
			(l) => `<url><loc>${escapeXml(origin + localizedPath(path, l))}</loc>${lastmod}${alternates}</url>`
		);
	});
	return (
		'<?xml version="1.0" encoding="UTF-8"?>\n' +
		'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' +
		entries.join('\n') +
		'\n</urlset>\n'
	);
}
