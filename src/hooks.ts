import type { Reroute, Transport } from '@sveltejs/kit';
import { delocalizedPath } from '$lib/i18n/paths';
import { RenderOnly } from '$lib/render-only';

// '/ne/about' is served by the route '/about'; the locale is read from the URL.
// A path with an empty segment ('//about') is left alone, so it finds no route (404)
// instead of being folded into another page.
export const reroute: Reroute = ({ url }) => (url.pathname.includes('//') ? url.pathname : delocalizedPath(url.pathname));

// What a server-rendered page alone reads is not copied into the page for the browser ($lib/render-only).
export const transport: Transport = {
	RenderOnly: {
		encode: (value) => value instanceof RenderOnly && 1,
		decode: () => undefined
	}
};
