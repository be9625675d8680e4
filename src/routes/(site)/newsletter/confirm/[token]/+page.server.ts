import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { localizedPath } from '$lib/i18n/paths';
import { app } from '$lib/server/app';
import { confirm, confirmLinkState } from '$lib/server/newsletter/newsletter.service';
import { isActionRendering, linkProblem, privatePageHeaders } from '../../newsletter-route';

/*
 * The confirm link from the e-mail. Opening it (GET) changes nothing, since mail
 * scanners open links before the person does; the button posts, and that
 * confirms.
 */
export const load: PageServerLoad = async ({ params, request, setHeaders }) => {
	setHeaders(privatePageHeaders);
	// After the button, the page shows the action's result: the link is used by then.
	if (isActionRendering(request)) return {};
	const state = await confirmLinkState(app().db, params.token);
	if (state !== 'valid') linkProblem('confirm', state);
	return {};
};

export const actions = {
	default: async ({ params }) => {
		const { db, log } = app();
		const result = await confirm(db, params.token, { mail: app().newsletter.mail });
		if (result.status !== 'confirmed') linkProblem('confirm', result.status);
		log.info({ subscriber: result.subscriberId }, 'newsletter subscription confirmed');
		return {
			confirmed: true,
			preferences: result.links ? localizedPath(`/newsletter/preferences/${result.links.preferences}`, getLocale()) : null
		};
	}
} satisfies Actions;
