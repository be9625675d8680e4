import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

// '/ne/about' is served by the route '/about'; the locale is read from the URL.
export const reroute: Reroute = ({ url }) => deLocalizeUrl(url).pathname;
