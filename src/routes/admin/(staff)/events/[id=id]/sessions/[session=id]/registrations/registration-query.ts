/*
 * The registration list's address for the same search and filter (without the
 * empty ones), for its page links and the CSV link. Nothing of the server's code
 * comes along, so the browser can run it.
 */

export function queryOf(values: { q: string; status: string; page?: number }): string {
	const params = new URLSearchParams();
	for (const [k, v] of Object.entries(values)) if (v !== '' && v !== 1 && v !== undefined) params.set(k, String(v));
	const text = params.toString();
	return text ? `?${text}` : '';
}
