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
