import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { refusedFromHeader } from '$lib/server/platform/http/cross-site-forms';

/**
 * The page a form sent from another site gets instead of the page it was sent to
 * (hooks.server.ts, refuseCrossSiteForms), in the language of that address: 403,
 * with what happened and what the person running the site should set.
 */
export const load: PageServerLoad = ({ request }) => {
	const from = request.headers.get(refusedFromHeader);
	// Only an origin is shown (the check passes the refused form's Origin), never other text.
	const shownFrom = from && URL.canParse(from) && new URL(from).origin === from ? from : undefined;
	error(403, { message: 'Cross-site form refused', reason: 'cross-site-form', siteAddress: app().config.origin, from: shownFrom });
};
