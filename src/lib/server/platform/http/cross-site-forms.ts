import type { RequestEvent } from '@sveltejs/kit';

const formContentTypes = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * CSRF: a form sent to this site from anywhere else. This is SvelteKit's own
 * origin check (turned off in svelte.config.js with trustedOrigins: ['*']), done
 * by the app instead so that `exempt` addresses (a POST the token in its path
 * makes genuine) can be let through.
 */
export function isCrossSiteForm(event: RequestEvent, exempt: (url: URL) => boolean): boolean {
	const { request, url } = event;
	if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method)) return false;
	const type = request.headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase() ?? '';
	if (!formContentTypes.includes(type)) return false;
	if (request.headers.get('origin') === url.origin) return false;
	return !(request.method === 'POST' && exempt(url));
}

/** The 403 for a cross-site form, as JSON when asked for (as SvelteKit's own check answers). */
export function crossSiteFormRefusal(request: Request): Response {
	const message = `Cross-site ${request.method} form submissions are forbidden`;
	return request.headers.get('accept') === 'application/json' ? Response.json({ message }, { status: 403 }) : new Response(message, { status: 403 });
}
