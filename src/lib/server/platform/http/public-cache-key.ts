/**
 * Which requests the page cache may answer, and under which key. Public pages are
 * the same for every visitor, so a GET is answered from the cache unless
 * something about the request could change the page:
 * - a staff member's session cookie (other cookies: the public site reads none);
 * - a query parameter the page reads: the key keeps those, in one order, and
 *   leaves out the rest (`/?utm_source=x` is `/`), so that links shared with
 *   tracking tags or cache-busters do not each render the page again;
 * - Save-Data, which changes the photos a page offers.
 * The address's own rules (which paths are never cached, which parameters each
 * page reads) are the app's: hooks.server.ts gives them.
 */

/** The parts of a request the key depends on, as Node or the framework has them. */
export interface PublicRequest {
	method: string;
	pathname: string;
	/** The query string with its `?`, or ''. */
	search: string;
	cookie: string | null;
	saveData: string | null;
}

export interface PublicCacheRules {
	/** Paths that are always rendered (the admin, private links, the API, files). */
	neverCached: (pathname: string) => boolean;
	/** Cookie names that make a request personal. */
	personalCookie: RegExp;
	/** The query parameters the page at `pathname` reads; empty for most pages. */
	queryParameters: (pathname: string) => readonly string[];
}

/** A query string longer than this is someone's experiment, not a filter: rendered, never kept. */
const maxQueryLength = 512;

export function publicCacheKey(request: PublicRequest, rules: PublicCacheRules): string | undefined {
	if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
	if (request.cookie !== null && rules.personalCookie.test(request.cookie)) return undefined;
	if (request.search.length > maxQueryLength || rules.neverCached(request.pathname)) return undefined;
	let key = request.pathname;
	if (request.search.length > 1) {
		const wanted = rules.queryParameters(request.pathname);
		if (wanted.length > 0) {
			const query = new URLSearchParams(request.search);
			const kept = new URLSearchParams();
			for (const name of [...wanted].sort()) for (const value of query.getAll(name)) kept.append(name, value);
			if (kept.size > 0) key += `?${kept}`;
		}
	}
	return request.saveData?.trim().toLowerCase() === 'on' ? `${key}|save-data` : key;
}

/**
 * How long the page cache may keep a response, from its Cache-Control: until the
 * site version moves for a `public` page; for a page whose text changes with
 * time (`max-age=60` without `public`: a deadline's "3 days left"), that long
 * and at most a minute; never for anything private.
 */
export function cacheLifetimeMs(cacheControl: string | null): number | undefined {
	if (!cacheControl || /\b(?:private|no-store|no-cache)\b/.test(cacheControl)) return undefined;
	if (cacheControl.startsWith('public')) return Infinity;
	const maxAge = /\bmax-age=(\d+)/.exec(cacheControl);
	return maxAge ? Math.min(Number(maxAge[1]), 60) * 1000 : undefined;
}
