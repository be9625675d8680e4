import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PageCache } from './page-cache';
import type { PublicRequest } from './public-cache-key';
import type { StaticFiles } from './static-files';

/**
 * Answers a request for a cached public page straight from Node's HTTP layer,
 * before the framework builds a Request, runs the hooks and makes a Response:
 * a cache hit then costs little more than writing its stored bytes. The stored
 * answer already carries every header the hooks set (security headers, the
 * Content-Security-Policy, Cache-Control, ETag), so the answer is the same
 * either way. Anything it is not sure of (no fresh site version, an address it
 * would have to normalize, a compressed form still being made) goes the usual
 * way, which also fills the cache.
 */
export type FastPath = (request: IncomingMessage, response: ServerResponse) => boolean;

export interface FastPathOptions {
	pageCache: PageCache;
	/** The site version when it is known to be fresh, without waiting for the database. */
	freshSiteVersion: () => string | undefined;
	/** The cache key of a request, or undefined when it must be rendered (hooks.server.ts's rule). */
	cacheKey: (request: PublicRequest) => string | undefined;
}

/** Addresses the fast path reads as they come: plain segments, nothing a URL parser would rewrite. */
const segment = '[A-Za-z0-9_~-][A-Za-z0-9._~-]*';
const plainPath = new RegExp(`^/(?:${segment}(?:/${segment})*/?)?$`);

export function createFastPath({ pageCache, freshSiteVersion, cacheKey }: FastPathOptions): FastPath {
	return (request, response) => {
		const method = request.method;
		if (method !== 'GET' && method !== 'HEAD') return false;
		const target = request.url ?? '';
		const query = target.indexOf('?');
		const pathname = query === -1 ? target : target.slice(0, query);
		if (!plainPath.test(pathname)) return false;
		const version = freshSiteVersion();
		if (version === undefined) return false;
		const headers = request.headers;
		const key = cacheKey({
			method,
			pathname,
			search: query === -1 ? '' : target.slice(query),
			cookie: headers.cookie ?? null,
			saveData: single(headers['save-data'])
		});
		if (key === undefined) return false;
		const page = pageCache.get(key, version);
		const answer = page?.answerNow({ method, ifNoneMatch: single(headers['if-none-match']), acceptEncoding: single(headers['accept-encoding']) });
		if (!answer) return false;
		response.writeHead(answer.status, answer.headers);
		response.end(answer.body);
		return true;
	};
}

/** The built app's files (static-files.ts) answered the same way, before the framework's file server. */
export function createFileFastPath(files: StaticFiles): FastPath {
	return (request, response) => {
		const target = request.url ?? '';
		const query = target.indexOf('?');
		const headers = request.headers;
		const answer = files.answer({
			method: request.method ?? '',
			pathname: query === -1 ? target : target.slice(0, query),
			ifNoneMatch: single(headers['if-none-match']),
			acceptEncoding: single(headers['accept-encoding']),
			range: single(headers.range)
		});
		if (!answer) return false;
		response.writeHead(answer.status, answer.headers);
		response.end(answer.body);
		return true;
	};
}

function single(value: string | string[] | undefined): string | null {
	return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
}

/*
 * The server entry (scripts/serve.ts) runs outside the app's bundle and finds the
 * fast path the app offers through one well-known global, set when the app starts
 * and taken back when it stops. With it come the headers the app's own files are
 * sent with (the security headers), which depend on the app's configuration.
 */
export interface OfferedFastPath {
	pages: FastPath;
	fileHeaders: Record<string, string>;
}

const slot = Symbol.for('community-arts-platform.fast-path');

export function offerFastPath(offer: OfferedFastPath | undefined): void {
	(globalThis as { [slot]?: OfferedFastPath })[slot] = offer;
}

export function offeredFastPath(): OfferedFastPath | undefined {
	return (globalThis as { [slot]?: OfferedFastPath })[slot];
}
