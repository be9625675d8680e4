import type { RequestEvent } from '@sveltejs/kit';
import { isThisMachineOrigin } from './this-machine';

const formContentTypes = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

export interface CrossSiteRules {
	/** An address whose POST the token in its path makes genuine (one-click unsubscribe). */
	exempt: (url: URL) => boolean;
	/**
	 * Set when the operator set no ORIGIN (a first run): the server's port. A page of
	 * this server opened under another name of this machine (127.0.0.1, its network
	 * address) may then send its forms too. With ORIGIN set, only that origin may.
	 */
	thisMachinePort?: number;
}

/**
 * CSRF: a form sent to this site from anywhere else. This is SvelteKit's own
 * origin check (turned off in svelte.config.js with trustedOrigins: ['*']), done
 * by the app instead so that `exempt` addresses (a POST the token in its path
 * makes genuine) can be let through, and a first run on someone's machine works
 * under every name of that machine.
 */
export function isCrossSiteForm(event: RequestEvent, rules: CrossSiteRules): boolean {
	const { request, url } = event;
	if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method)) return false;
	const type = request.headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase() ?? '';
	if (!formContentTypes.includes(type)) return false;
	const origin = request.headers.get('origin');
	if (origin === url.origin) return false;
	if (rules.thisMachinePort !== undefined && isThisMachineOrigin(origin, { host: request.headers.get('host'), port: rules.thisMachinePort })) return false;
	return !(request.method === 'POST' && rules.exempt(url));
}

/** The request header that tells the refusal page (routes/(site)/form-refused) where the form came from. */
export const refusedFromHeader = 'x-refused-form-origin';

/**
 * The 403 for a cross-site form: as JSON when asked for (as SvelteKit's own
 * check answers), otherwise `page`, the site's page that says what happened and
 * what to set, in the language of the address the form was sent to.
 */
export async function crossSiteFormRefusal(request: Request, page: (from: string | null) => Promise<Response>): Promise<Response> {
	const message = `Cross-site ${request.method} form submissions are forbidden`;
	if (request.headers.get('accept') === 'application/json') return Response.json({ message }, { status: 403 });
	const answer = await page(request.headers.get('origin'));
	// The page is a 403 of its own; a failure to render it still refuses.
	if (answer.status !== 403) return new Response(message, { status: 403 });
	return new Response(answer.body, { status: 403, headers: answer.headers });
}
