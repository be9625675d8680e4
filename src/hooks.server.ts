import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { textDirection } from '$lib/i18n/locales';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { app, startApp, stopApp } from '$lib/server/app';
import { ConfigError } from '$lib/server/platform/config';
import { DatabaseOpenError } from '$lib/server/db/connect';
import {
	compress,
	isCompressible,
	matchesEtag,
	negotiateEncoding,
	weakEtag
} from '$lib/server/platform/http-response';
import { applySecurityHeaders } from '$lib/server/platform/security-headers';

export const init: ServerInit = async () => {
	try {
		await startApp(process.env);
	} catch (error) {
		if (error instanceof ConfigError || error instanceof DatabaseOpenError) {
			// A person reads this: say what is wrong, not where in the code.
			console.error(error.message);
			process.exit(1);
		}
		throw error;
	}
	// adapter-node emits this after it stopped accepting and finished requests in flight.
	process.once('sveltekit:shutdown' as never, () => void stopApp());
};

export const handle: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, async ({ request, locale }) => {
		event.request = request;
		const response = await resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%lang%', locale).replace('%dir%', textDirection(locale))
		});
		return finishResponse(event, asNotFoundIfMalformed(event, response));
	});

/** An address that cannot be decoded is a page that does not exist: 404, not 400 or 500. */
function asNotFoundIfMalformed(event: RequestEvent, response: Response): Response {
	if (response.status !== 400) return response;
	try {
		decodeURI(event.url.pathname);
		return response;
	} catch {
		return new Response(response.body, { status: 404, headers: response.headers });
	}
}

/**
 * Every response gets the security headers. Successful GETs of public pages and
 * feeds also get a validator (304 when it matches) and are compressed here, since
 * adapter-node compresses only the static files it precompressed at build time.
 */
async function finishResponse(event: RequestEvent, response: Response): Promise<Response> {
	const { config } = app();
	applySecurityHeaders(response.headers, config);
	if (!response.headers.has('Content-Security-Policy')) {
		response.headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
	}

	const method = event.request.method;
	const contentType = response.headers.get('Content-Type');
	if ((method !== 'GET' && method !== 'HEAD') || response.status !== 200 || !isCompressible(contentType)) {
		return response;
	}
	if (!response.headers.has('Cache-Control')) {
		response.headers.set('Cache-Control', 'public, max-age=60, stale-while-revalidate=600');
	}

	const body = new Uint8Array(await response.arrayBuffer());
	const headers = new Headers(response.headers);
	const etag = headers.get('ETag') ?? weakEtag(body);
	headers.set('ETag', etag);
	headers.append('Vary', 'Accept-Encoding');

	if (matchesEtag(event.request.headers.get('If-None-Match'), etag)) {
		headers.delete('Content-Type');
		headers.delete('Content-Length');
		return new Response(null, { status: 304, headers });
	}

	const encoding = body.byteLength > 1024 ? negotiateEncoding(event.request.headers.get('Accept-Encoding')) : 'identity';
	const payload = await compress(body, encoding);
	if (encoding !== 'identity') headers.set('Content-Encoding', encoding);
	headers.set('Content-Length', String(payload.byteLength));
	return new Response(method === 'HEAD' ? null : (payload as BodyInit), { status: 200, headers });
}

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status >= 500) {
		app().log.error({ err: error, path: event.url.pathname, status }, 'request failed');
	}
	return { message };
};
