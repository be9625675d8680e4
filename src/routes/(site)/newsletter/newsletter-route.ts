import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { TokenProblem } from '$lib/server/newsletter/newsletter.service';

/**
 * Headers of the pages reached by a private link: the token in the address must
 * not be kept by any cache. (That it is never sent to another site as a referrer
 * is said by a meta element, PrivatePageHead.svelte: the site-wide headers set
 * their own Referrer-Policy after the page.)
 */
export const privatePageHeaders = { 'Cache-Control': 'private, no-store' } as const;

export type LinkPage = 'confirm' | 'preferences' | 'unsubscribe';

/**
 * Answers a link that does not work with its own page: 404 for a link that never
 * existed (or whose subscriber was deleted), 410 for one that expired or was used.
 * newsletter/+error.svelte shows the message, and the sign-up form for confirm links.
 */
export function linkProblem(page: LinkPage, problem: TokenProblem): never {
	if (page === 'confirm') {
		if (problem === 'expired') error(410, m.newsletter_confirm_expired());
		if (problem === 'used') error(410, m.newsletter_confirm_used());
		error(404, m.newsletter_confirm_unknown());
	}
	// Preferences and unsubscribe links neither expire nor get used up: any problem means no such link.
	error(404, page === 'preferences' ? m.newsletter_preferences_unknown() : m.newsletter_unsubscribe_unknown());
}

/** Whether this request is the rendering after a form action (whose result the page shows), not a visit. */
export function isActionRendering(request: Request): boolean {
	return request.method !== 'GET' && request.method !== 'HEAD';
}
