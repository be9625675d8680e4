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
export function addressForParaglide(request: Request): Request {
	const address = new URL(request.url);
	address.pathname = address.pathname.replace(/\/{2,}/g, '/');
	return new Request(address, { method: request.method });
}

/** An address that cannot be decoded is a page that does not exist: 404, not SvelteKit's 400 (nor a 500). */
export function asNotFoundIfMalformed(url: URL, response: Response): Response {
	if (response.status !== 400) return response;
	try {
		decodeURI(url.pathname);
		return response;
	} catch {
		return new Response(response.body, { status: 404, headers: response.headers });
	}
}
