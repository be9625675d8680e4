import type { Reroute } from '@sveltejs/kit';
import { delocalizedPath } from '$lib/i18n/paths';

// '/ne/about' is served by the route '/about'; the locale is read from the URL.
// A path with an empty segment ('//about') is left alone, so it finds no route (404)
// instead of being folded into another page.
export const reroute: Reroute = ({ url }) => (url.pathname.includes('//') ? url.pathname : delocalizedPath(url.pathname));
