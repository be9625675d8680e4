import type { Cookies } from '@sveltejs/kit';
import { parseSetCookieHeader, toCookieOptions } from 'better-auth/cookies';

/** Copies the cookies better-auth set (session, two-factor step) onto the SvelteKit response. */
export function forwardAuthCookies(headers: Headers, cookies: Cookies): void {
	const setCookie = headers.get('set-cookie');
	if (!setCookie) return;
	for (const [name, attributes] of parseSetCookieHeader(setCookie)) {
		cookies.set(name, attributes.value, { ...toCookieOptions(attributes), path: attributes.path || '/' });
	}
}

/** The cookies better-auth just set, as the browser will send them back: to act as a renewed session in the same request. */
export function asRequestCookies(headers: Headers): Headers {
	const setCookie = headers.get('set-cookie');
	const pairs = setCookie
		? [...parseSetCookieHeader(setCookie)]
				.filter(([, attributes]) => attributes.value !== '' && attributes['max-age'] !== 0)
				.map(([name, attributes]) => `${name}=${encodeURIComponent(attributes.value)}`)
		: [];
	return new Headers({ cookie: pairs.join('; ') });
}
