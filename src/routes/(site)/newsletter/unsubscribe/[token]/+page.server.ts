import type { Kysely } from 'kysely';
import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { localizedPath } from '$lib/i18n/paths';
import { app } from '$lib/server/app';
import type { Database } from '$lib/server/db/schema';
import { formField, formSchema, readSmallForm } from '$lib/server/platform/forms';
import { subscriberLinksFor, unsubscribe, unsubscribeLinkState } from '$lib/server/newsletter/newsletter.service';
import { isActionRendering, linkProblem, privatePageHeaders } from '../../newsletter-route';

/*
 * The unsubscribe link of every e-mail (RFC 8058). Opening it (GET) only shows a
 * button, since mail scanners open links; any POST unsubscribes at once, and
 * again changes nothing. Mail providers POST `List-Unsubscribe=One-Click` from
 * their own servers, without an Origin (hooks.server.ts lets this address
 * through the cross-site check) and usually without asking for HTML: SvelteKit
 * then answers the same action with JSON, status 200.
 */
export const load: PageServerLoad = async ({ params, request, setHeaders }) => {
	setHeaders(privatePageHeaders);
	if (isActionRendering(request)) return { unsubscribed: true, preferences: null };
	const { db, secrets } = app();
	const state = await unsubscribeLinkState(db, params.token);
	if (state.status !== 'ok') linkProblem('unsubscribe', state.status);
	return { unsubscribed: state.unsubscribed, preferences: state.unsubscribed ? await preferencesPath(db, secrets.authSecret, params.token) : null };
};

async function preferencesPath(db: Kysely<Database>, secret: string, token: string): Promise<string | null> {
	const links = await subscriberLinksFor(db, secret, token);
	return links ? localizedPath(`/newsletter/preferences/${links.preferences}`, getLocale()) : null;
}

const oneClickForm = formSchema({ 'List-Unsubscribe': formField.is('One-Click') });

export const actions = {
	default: async ({ params, request }) => {
		const { db, secrets, log } = app();
		// RFC 8058: a mail provider's one-click request posts `List-Unsubscribe=One-Click`.
		const oneClick = oneClickForm.read((await readSmallForm(request, 4096)) ?? new FormData())['List-Unsubscribe'];
		const result = await unsubscribe(db, params.token, oneClick ? 'one-click' : 'link');
		if (result.status !== 'unsubscribed' && result.status !== 'already-unsubscribed') linkProblem('unsubscribe', result.status);
		log.info({ method: oneClick ? 'one-click' : 'link', outcome: result.status }, 'newsletter unsubscribe');
		// A mail provider's request needs no more than the status; a person gets the way back.
		if (oneClick) return { done: true, preferences: null };
		return { done: true, preferences: await preferencesPath(db, secrets.authSecret, params.token) };
	}
} satisfies Actions;
