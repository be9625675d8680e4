import { AsyncLocalStorage } from 'node:async_hooks';
import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { locales, textDirection, type Locale } from '$lib/i18n/locales';
import { privateLinkPath } from '$lib/private-links';
import { stripePageOrigins } from '$lib/server/donations/stripe-client';
import { overwriteServerAsyncLocalStorage } from '$lib/paraglide/runtime';
import { localeOfPath, localizedPath } from '$lib/i18n/paths';
import { localeFromAcceptLanguage } from '$lib/i18n/staff-clock';
import { app, startApp, stopApp } from '$lib/server/app';
import { ConfigError } from '$lib/server/platform/config';
import { DatabaseOpenError } from '$lib/server/db/connect';
import { SchemaNewerThanAppError } from '$lib/server/db/migrate';
import { metrics, unmatchedRoute } from '$lib/server/platform/observability/metrics';
import { currentRequest } from '$lib/server/platform/observability/request-context';
import { asNotFoundIfMalformed } from '$lib/server/platform/http/addresses';
import { withConnectionAddressFallback } from '$lib/server/platform/http/client-address';
import { crossSiteFormRefusal, isCrossSiteForm, refusedFromHeader } from '$lib/server/platform/http/cross-site-forms';
import { httpAnswerTo } from '$lib/server/platform/http/domain-errors';
import { isCompressible } from '$lib/server/platform/http/http-response';
import { createFastPath, offerFastPath } from '$lib/server/platform/http/fast-path';
import { CachedPage } from '$lib/server/platform/http/page-cache';
import { cacheLifetimeMs, publicCacheKey, type PublicCacheRules } from '$lib/server/platform/http/public-cache-key';
import { readUnreadBody } from '$lib/server/platform/http/request-body';
import { applySecurityHeaders, cameraRoutes, lockedDownPolicy, withFormTargets, withInlineStyles } from '$lib/server/platform/http/security-headers';
import { staffFromSession } from '$lib/server/people/staff-session';
import { isAdminPath } from '$lib/admin/urls';
import { queryParametersOf } from '$lib/public-query-parameters';

export const init: ServerInit = async () => {
	try {
		await startApp(process.env);
	} catch (error) {
		if (error instanceof ConfigError || error instanceof DatabaseOpenError || error instanceof SchemaNewerThanAppError) {
			// A person reads this: say what is wrong, not where in the code.
			console.error(error.message);
			process.exit(1);
		}
		throw error;
	}
	// Cache hits are answered before the framework sees them, by the server entry (scripts/serve.ts).
	const { pageCache, siteVersion } = app();
	const fileHeaders = new Headers({ 'Content-Security-Policy': lockedDownPolicy });
	applySecurityHeaders(fileHeaders, app().config);
	offerFastPath({
		pages: createFastPath({ pageCache, freshSiteVersion: () => siteVersion.fresh(), cacheKey: (request) => publicCacheKey(request, publicCacheRules) }),
		fileHeaders: Object.fromEntries(fileHeaders)
	});
	// The server emits this after it stopped accepting and finished requests in flight.
	process.once('sveltekit:shutdown' as never, () => {
		offerFastPath(undefined);
		void stopApp();
	});
};

/* Which addresses are which, in every language. */

/** /donate and the pages under it. */
const donationPath = new RegExp(`^(?:/(?:${locales.join('|')}))?/donate(?:/|$)`);

/**
 * The one-click unsubscribe address in every campaign (RFC 8058). Mail providers
 * POST to it from their own servers, without an Origin header, so it is the one
 * form target exempt from the origin check; the token in its path is what makes
 * the request genuine, and the POST can only ever unsubscribe.
 */
const oneClickUnsubscribePath = new RegExp(`^(?:/(?:${locales.join('|')}))?/newsletter/unsubscribe/[^/]+$`);

const isAdmin = (event: RequestEvent) => isAdminPath(event.url.pathname);

const isSafe = (event: RequestEvent) => event.request.method === 'GET' || event.request.method === 'HEAD';

/** What the page cache may answer: see platform/http/public-cache-key.ts. */
const publicCacheRules: PublicCacheRules = {
	neverCached: (path) =>
		isAdminPath(path) ||
		path.startsWith('/api/') ||
		path === '/healthz' ||
		path === '/readyz' ||
		path === '/metrics' ||
		path.endsWith('/__data.json') ||
		// Private-link pages (a subscriber's, an applicant's, a registrant's): the token in the path makes each one personal.
		privateLinkPath.test(path),
	// The staff session (better-auth's cookies, `arts.` and `__Secure-arts.`): the one cookie the site reads.
	personalCookie: /(?:^|;\s*)(?:__Secure-)?arts\./,
	queryParameters: (path) => queryParametersOf(path.replace(localePrefix, '') || '/')
};
const localePrefix = new RegExp(`^/(?:${locales.join('|')})(?=/|$)`);

function publicCacheKeyOf(event: RequestEvent): string | undefined {
	const headers = event.request.headers;
	return publicCacheKey(
		{ method: event.request.method, pathname: event.url.pathname, search: event.url.search, cookie: headers.get('cookie'), saveData: headers.get('save-data') },
		publicCacheRules
	);
}

const publicCacheControl = 'public, max-age=60, stale-while-revalidate=600';
/** Larger files than this (none of the photo variants is) are read from disk each time. */
const maxStoredFileBytes = 2 * 1024 * 1024;

/*
 * The request handling, one concern per handle. They run in this order on the way
 * in, and the reverse on the way out: the page cache keeps a response only after
 * every header below it was set.
 */

/** The request's metrics and log lines name its route (the route id, so one series per route, not per address). */
const nameRoute: Handle = ({ event, resolve }) => {
	const request = currentRequest();
	if (request) request.route = event.route.id ?? unmatchedRoute;
	return resolve(event);
};

/** Behind a proxy that left out the address header, the connection's address counts (limits, audit log) instead of a 500. */
const connectionAddressFallback: Handle = ({ event, resolve }) => {
	withConnectionAddressFallback(event, () => app().log);
	return resolve(event);
};

/** CSRF: a form sent from another site is refused before anything reads it (one-click unsubscribe excepted). */
const refuseCrossSiteForms: Handle = async ({ event, resolve }) => {
	const { config } = app();
	const rules = { exempt: (url: URL) => oneClickUnsubscribePath.test(url.pathname), thisMachinePort: config.originConfigured ? undefined : config.port };
	if (!isCrossSiteForm(event, rules)) return resolve(event);
	readUnreadBody(event.request);
	// The site's own page (header, footer, the address's language) says what happened and what to set.
	const refusedPage = localizedPath('/form-refused', localeOfPath(event.url.pathname.replace(/\/{2,}/g, '/')));
	const response = await crossSiteFormRefusal(event.request, (from) =>
		event.fetch(refusedPage, { headers: { accept: 'text/html', ...(from ? { [refusedFromHeader]: from } : {}) } })
	);
	applySecurityHeaders(response.headers, { secureOrigin: config.secureOrigin, camera: cameraRoutes.has(event.route.id ?? '') });
	return response;
};

/** The admin's loads and guards read the signed-in staff member from locals; the public site never has one. */
const findStaff: Handle = async ({ event, resolve }) => {
	if (isAdmin(event)) {
		const { auth, db, config } = app();
		const staff = await staffFromSession({ auth, db, idleLimitMs: config.staffSessionIdleMs }, event.request.headers);
		event.locals.staffSessionIdle = staff === 'idle';
		event.locals.staff = staff === 'idle' ? null : staff;
	} else {
		event.locals.staff = null;
	}
	return resolve(event);
};

/**
 * Public pages come from memory while the site's content version holds. Successful text responses get a
 * validator, compression (adapter-node compresses only the files precompressed at build time) and a cache policy.
 */
const cacheAndCompress: Handle = async ({ event, resolve }) => {
	const { pageCache, siteVersion } = app();
	const publicKey = publicCacheKeyOf(event);
	// When the version cannot be read (the database is down), render without the cache.
	const version = publicKey ? await siteVersion.current().catch(() => undefined) : undefined;
	const cacheKey = version === undefined ? undefined : publicKey;
	if (cacheKey && version) {
		const hit = pageCache.get(cacheKey, version);
		if (hit) {
			metrics().pageCacheHit('app');
			return hit.respond(event.request);
		}
		metrics().pageCacheMiss();
	}
	const response = await resolve(event);
	if (response.status !== 200 || !isSafe(event)) return response;
	if (!isCompressible(response.headers.get('Content-Type'))) {
		// A published photo's variant: kept as it is, so that the fast path sends it next time.
		const keepMs = cacheKey && version ? cacheLifetimeMs(response.headers.get('Cache-Control')) : undefined;
		const length = Number(response.headers.get('Content-Length') ?? Infinity);
		if (keepMs === undefined || !(length <= maxStoredFileBytes)) return response;
		const file = await CachedPage.from(response, 'none');
		pageCache.set(cacheKey!, version!, file, keepMs);
		return file.respond(event.request);
	}
	if (!response.headers.has('Cache-Control')) {
		// Staff pages are personal: never stored by a browser's or anyone else's cache.
		response.headers.set('Cache-Control', isAdmin(event) ? 'private, no-store' : publicCacheControl);
	}
	const keepMs = cacheKey && version ? cacheLifetimeMs(response.headers.get('Cache-Control')) : undefined;
	const page = await CachedPage.from(response, keepMs === undefined ? 'rendered' : 'stored');
	if (cacheKey && version && keepMs !== undefined) pageCache.set(cacheKey, version, page, keepMs);
	return page.respond(event.request);
};

/**
 * A private link's address holds its token: never sent to another site, never stored. (Not no-referrer:
 * Chromium then sends `Origin: null` with the page's own forms, which the origin check refuses.)
 */
const privateLinkHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (privateLinkPath.test(event.url.pathname)) {
		response.headers.set('Referrer-Policy', 'same-origin');
		response.headers.set('Cache-Control', 'private, no-store');
	}
	return response;
};

/** SvelteKit's policy (svelte.config.js) widened only where a part of the site needs it; the strictest one elsewhere. */
const contentSecurityPolicy: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const policy = response.headers.get('Content-Security-Policy');
	if (!policy) {
		response.headers.set('Content-Security-Policy', lockedDownPolicy);
	} else if (isAdmin(event)) {
		// SvelteKit's route announcer (client-side navigation) sets a style attribute.
		response.headers.set('Content-Security-Policy', withInlineStyles(policy));
	} else if (donationPath.test(event.url.pathname)) {
		// The donation forms redirect to Stripe's pages after the POST.
		response.headers.set('Content-Security-Policy', withFormTargets(policy, stripePageOrigins(app().config)));
	}
	return response;
};

/** Every response carries the same security headers (nosniff, framing, referrer, permissions, HSTS on https). */
const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	applySecurityHeaders(response.headers, { secureOrigin: app().config.secureOrigin, camera: cameraRoutes.has(event.route.id ?? '') });
	return response;
};

/** An address that cannot be decoded is a page that does not exist: 404, as for any other unknown page. */
const malformedAddressNotFound: Handle = async ({ event, resolve }) => asNotFoundIfMalformed(event.url, await resolve(event));

/** A body nobody read (an upload sent to the wrong page) is drained, so the browser shows the answer instead of a reset. */
const drainUnreadBody: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	readUnreadBody(event.request);
	return response;
};

/*
 * The language comes from the address: its first segment (i18n/paths.ts); in
 * the admin, from the signed-in person's choice, else from their browser's.
 * Paraglide's messages and getLocale() read it from this store, which takes the
 * place of Paraglide's middleware: that one matched URL patterns and cloned the
 * request on every request, to learn what the first segment says.
 */
const requestLocale = new AsyncLocalStorage<{ locale?: Locale; origin?: string; messageCalls?: Set<string> }>();
overwriteServerAsyncLocalStorage(requestLocale);

/** The request runs in its language; the page's <html> gets its lang and direction. */
const localize: Handle = ({ event, resolve }) => {
	// A run of slashes counts as one, as for every other reading of the address ('//ne/about' is still Nepali, and a 404).
	const locale = isAdmin(event)
		? (event.locals.staff?.locale ?? localeFromAcceptLanguage(event.request.headers.get('accept-language')))
		: localeOfPath(event.url.pathname.replace(/\/{2,}/g, '/'));
	return requestLocale.run({ locale, origin: event.url.origin }, () =>
		resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale).replace('%dir%', textDirection(locale)) })
	);
};

export const handle: Handle = sequence(
	nameRoute,
	connectionAddressFallback,
	refuseCrossSiteForms,
	findStaff,
	cacheAndCompress,
	privateLinkHeaders,
	contentSecurityPolicy,
	securityHeaders,
	malformedAddressNotFound,
	drainUnreadBody,
	localize
);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status >= 500) {
		// A typed domain error here comes from a route that lacks withDomainErrors (platform/http/domain-errors.ts).
		const domainError = httpAnswerTo(error) !== undefined;
		app().log.error({ err: error, path: event.url.pathname, status, ...(domainError ? { unansweredDomainError: true } : {}) }, 'request failed');
	}
	return { message };
};
