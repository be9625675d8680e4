/**
 * The query parameters each public page reads, by its route without the language
 * prefix ('/initiatives', '/initiatives/[slug]'). The page cache keeps these in
 * its key and leaves every other parameter out, so a public page that starts
 * reading one must be listed here, or every value would get the same cached
 * page; `public-query-parameters.test.ts` fails until it is. Pages reached by a
 * private link are never cached and need no entry.
 */
export const publicQueryParameters: Readonly<Record<string, readonly string[]>> = {
	'/events/sessions/[session=id]/your-time': ['zone'],
	'/initiatives': ['kind', 'program', 'country', 'year', 'page'],
	'/stories': ['page'],
	'/events': ['kind', 'country', 'mode', 'month', 'past', 'page'],
	'/artists': ['country', 'medium', 'initiative', 'page'],
	'/search': ['q', 'page']
};

const none: readonly string[] = [];
const routes = Object.entries(publicQueryParameters).map(
	([route, names]) => [new RegExp(`^${route.replace(/\[[^\]]+\]/g, '[^/]+')}$`), names] as const
);

/** What the page at `path` (without its language prefix) reads from the query string. */
export function queryParametersOf(path: string): readonly string[] {
	for (const [pattern, names] of routes) if (pattern.test(path)) return names;
	return none;
}
