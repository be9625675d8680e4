import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { locales, textDirection } from '$lib/i18n/locales';
import { stripePageOrigins } from '$lib/server/donations/stripe-client';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { app, startApp, stopApp } from '$lib/server/app';
import { ConfigError } from '$lib/server/platform/config';
import { DatabaseOpenError } from '$lib/server/db/connect';
import { isCompressible } from '$lib/server/platform/http-response';
import { CachedPage } from '$lib/server/platform/page-cache';
import { applySecurityHeaders } from '$lib/server/platform/security-headers';
import { staffFromSession } from '$lib/server/people/staff-session';

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

/** /donate and the pages under it, in every language. */
const donationPath = new RegExp(`^(?:/(?:${locales.join('|')}))?/donate(?:/|$)`);

const publicCacheControl = 'public, max-age=60, stale-while-revalidate=600';

/**
 * The one-click unsubscribe address in every campaign (RFC 8058). Mail providers
 * POST to it from their own servers, without an Origin header, so it is the one
 * form target exempt from the origin check; the token in its path is what makes
 * the request genuine, and the POST can only ever unsubscribe.
 */
const oneClickUnsubscribePath = new RegExp(`^(?:/(?:${locales.join('|')}))?/newsletter/unsubscribe/[^/]+$`);

const formContentTypes = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * CSRF: a form sent to this site from anywhere else is refused. This is SvelteKit's
 * own origin check (turned off in svelte.config.js with trustedOrigins: ['*']), kept here so that the
 * one-click unsubscribe address can be let through.
 */
function isCrossSiteForm(event: RequestEvent): boolean {
	const { request, url } = event;
	if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method)) return false;
	const type = request.headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase() ?? '';
	if (!formContentTypes.includes(type)) return false;
	if (request.headers.get('origin') === url.origin) return false;
	return !(request.method === 'POST' && oneClickUnsubscribePath.test(url.pathname));
}

export const handle: Handle = async ({ event, resolve }) => {
	withConnectionAddressFallback(event);
	if (isCrossSiteForm(event)) {
		const message = `Cross-site ${event.request.method} form submissions are forbidden`;
		const response = event.request.headers.get('accept') === 'application/json' ? Response.json({ message }, { status: 403 }) : new Response(message, { status: 403 });
		readUnreadBody(event.request);
		applySecurityHeaders(response.headers, app().config);
		return response;
	}
	const { pageCache, siteVersion } = app();
	if (event.url.pathname.startsWith('/admin')) {
		const { auth, db, config } = app();
		const staff = await staffFromSession({ auth, db, idleLimitMs: config.staffSessionIdleMs }, event.request.headers);
		event.locals.staffSessionIdle = staff === 'idle';
		event.locals.staff = staff === 'idle' ? null : staff;
	} else {
		event.locals.staff = null;
	}
	const publicKey = publicCacheKey(event);
	// When the version cannot be read (the database is down), render without the cache.
	const version = publicKey ? await siteVersion.current().catch(() => undefined) : undefined;
	const cacheKey = version === undefined ? undefined : publicKey;
	if (cacheKey && version) {
		const hit = pageCache.get(cacheKey, version);
		if (hit) return hit.respond(event.request);
	}

	const response = await paraglideMiddleware(addressForParaglide(event), ({ locale }) => {
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%lang%', locale).replace('%dir%', textDirection(locale))
		});
	});
	readUnreadBody(event.request);
	const finished = asNotFoundIfMalformed(event, response);
	applySecurityHeaders(finished.headers, app().config);
	const csp = finished.headers.get('Content-Security-Policy');
	if (csp && event.url.pathname.startsWith('/admin')) {
		// SvelteKit's route announcer (client-side navigation) sets a style attribute.
		// Scripts stay as strict as on public pages.
		finished.headers.set('Content-Security-Policy', csp.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"));
	}
	if (csp && donationPath.test(event.url.pathname)) {
		// The donation forms redirect to Stripe's pages after the POST (see stripePageOrigins).
		finished.headers.set('Content-Security-Policy', csp.replace("form-action 'self'", `form-action 'self' ${stripePageOrigins(app().config).join(' ')}`));
	}
	if (newsletterLinkPath.test(event.url.pathname)) {
		// The address holds a private token: never sent to another site. (Not no-referrer: Chromium then
		// sends `Origin: null` with the page's own forms, which the origin check refuses.)
		finished.headers.set('Referrer-Policy', 'same-origin');
		finished.headers.set('Cache-Control', 'private, no-store');
	}
	if (!csp) {
		finished.headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
	}

	// Successful public text responses get a validator and compression here (adapter-node
	// compresses only the static files precompressed at build time), and are kept for
	// the next visitor.
	if (finished.status !== 200 || !isCompressible(finished.headers.get('Content-Type')) || !isSafe(event)) {
		return finished;
	}
	if (!finished.headers.has('Cache-Control')) {
		// Staff pages are personal: never stored by a browser's or anyone else's cache.
		finished.headers.set('Cache-Control', event.url.pathname.startsWith('/admin') ? 'private, no-store' : publicCacheControl);
	}
	const page = await CachedPage.from(finished);
	if (cacheKey && version && finished.headers.get('Cache-Control')?.startsWith('public')) {
		pageCache.set(cacheKey, version, page);
	}
	return page.respond(event.request);
};

/**
 * Paraglide needs only the address: the language is its first segment. It gets a
 * request with nothing else. Without the body, because it clones the request, and a
 * clone of an upload keeps a second, unread copy of the whole body in memory until
 * the response (5 MB for each applicant's photo); the app reads the original.
 * Without headers, so it never answers with a redirect of its own (it does for a
 * browser's navigation, Sec-Fetch-Dest: document, when the address is not in its
 * localized form): for a path starting with `//` that pointed at another site
 * (`///evil.example` → http://evil.example/). With each run of slashes made one,
 * because it cannot read an empty segment (`///` threw "Invalid URL", a 500);
 * the app still answers the address as it came (a 404).
 */
function addressForParaglide(event: RequestEvent): Request {
	const address = new URL(event.request.url);
	address.pathname = address.pathname.replace(/\/{2,}/g, '/');
	return new Request(address, { method: event.request.method });
}

let warnedAboutAddress = false;

/**
 * Behind a reverse proxy, ADDRESS_HEADER names the header with the visitor's
 * address, and adapter-node throws when a request lacks it (or has fewer
 * X-Forwarded-For entries than XFF_DEPTH), which made a sign-in or an
 * application a 500. Such a request did not come through the proxy (or the
 * proxy does not set the header), so the address of its connection, which
 * cannot be forged, counts instead for the limits and the audit log; so it does
 * for an empty header. The first one is logged: if it was the proxy, every
 * visitor now shares its address.
 */
function withConnectionAddressFallback(event: RequestEvent): void {
	const fromAdapter = event.getClientAddress;
	event.getClientAddress = () => {
		let problem: unknown = new Error('The address header is empty');
		try {
			const address = fromAdapter();
			if (address) return address;
		} catch (error) {
			problem = error;
		}
		const connection = event.platform?.req.socket.remoteAddress;
		if (!connection) throw problem;
		if (!warnedAboutAddress) {
			warnedAboutAddress = true;
			app().log.warn(
				{ address: connection, reason: problem instanceof Error ? problem.message : String(problem) },
				'a request came without the address header set by ADDRESS_HEADER (and XFF_DEPTH); its connection address counts instead'
			);
		}
		return connection;
	};
}

function isSafe(event: RequestEvent): boolean {
	return event.request.method === 'GET' || event.request.method === 'HEAD';
}

/**
 * Pages reached by a private link, in every language: a subscriber's (confirm,
 * preferences, unsubscribe) and an applicant's (/applications/<token>).
 */
const newsletterLinkPath = new RegExp(`^(?:/(?:${locales.join('|')}))?/(?:newsletter/(?:confirm|preferences|unsubscribe)|applications)/`);

/**
 * Public pages are the same for everyone: a GET with no cookie and no query may
 * be answered from the cache. Anything personal (a signed-in person, a form
 * result, a token in the query) is rendered afresh.
 */
function publicCacheKey(event: RequestEvent): string | undefined {
	if (!isSafe(event) || event.url.search !== '' || event.request.headers.has('cookie')) return undefined;
	const path = event.url.pathname;
	if (path.startsWith('/admin') || path.startsWith('/api/') || path.startsWith('/media/') || path === '/healthz') return undefined;
	// Private-link pages (a subscriber's, an applicant's): the token in the path makes each one personal.
	if (newsletterLinkPath.test(path)) return undefined;
	// Pages with photos differ for visitors who ask to save data (Save-Data: on).
	return event.request.headers.get('save-data')?.trim().toLowerCase() === 'on' ? `${path}|save-data` : path;
}

/**
 * A request answered without reading its body (a photo upload sent to sign in, or
 * refused with 403) still has megabytes on the way. They are read and dropped in
 * the background, as Node does for bodies nobody touched: a server that stops
 * reading makes the browser's upload stall and end in a connection reset instead
 * of showing the answer.
 */
function readUnreadBody(request: Request): void {
	if (request.body && !request.bodyUsed) void request.body.pipeTo(new WritableStream()).catch(() => undefined);
}

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

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status >= 500) {
		app().log.error({ err: error, path: event.url.pathname, status }, 'request failed');
	}
	return { message };
};
