import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { localizedPath } from '$lib/i18n/paths';
import { m } from '$lib/paraglide/messages';
import { app } from '$lib/server/app';
import { failWith, formField, formSchema, readSmallForm } from '$lib/server/platform/forms';
import {
	deleteSubscriber,
	readPreferences,
	resubscribe,
	unsubscribe,
	updatePreferences
} from '$lib/server/newsletter/newsletter.service';
import { currentConsentText, languageOptions, subscribeErrorMessages, topicViews } from '$lib/server/newsletter/newsletter-page';
import { isActionRendering, linkProblem, privatePageHeaders } from '../../newsletter-route';

/*
 * A subscriber's own page, reached by the preferences link in every e-mail:
 * language, topics and pause; leaving and coming back; a download of everything
 * held; deletion. The link is the only key, so the page is never cached.
 */
export const load: PageServerLoad = async ({ params, request, setHeaders }) => {
	setHeaders(privatePageHeaders);
	const locale = getLocale();
	const { db } = app();
	const found = await readPreferences(db, params.token);
	if (found.status !== 'ok') {
		// Right after "delete my data" the link no longer works: the page shows the deletion.
		if (isActionRendering(request)) return { preferences: null, topics: [], consent: null, languages: languageOptions, download: '' };
		linkProblem('preferences', found.status);
	}
	const { email, locale: language, topics, paused, status } = found.preferences;
	return {
		preferences: { email, locale: language, topics, paused, status },
		topics: await topicViews(db, locale),
		consent: await currentConsentText(db, locale),
		languages: languageOptions,
		download: localizedPath(`/newsletter/preferences/${params.token}/data.json`, locale)
	};
};

type Errors = Record<string, string>;

/** Every form of the page: the preferences, coming back (consent), and the confirmation of deleting everything. */
const preferencesForm = formSchema({
	locale: formField.text(100),
	topics: formField.list(200, 100),
	paused: formField.ticked(),
	consent: formField.ticked(),
	consent_version: formField.version(),
	confirm_delete: formField.ticked()
});

async function formOf(request: Request) {
	return preferencesForm.read((await readSmallForm(request)) ?? new FormData());
}

export const actions = {
	save: async ({ params, request }) => {
		const { locale, topics, paused } = await formOf(request);
		const values = { locale, topics, paused };
		try {
			const result = await updatePreferences(app().db, params.token, values);
			if (result.status !== 'updated') linkProblem('preferences', result.status);
		} catch (error) {
			return failWith(error, (issues) => ({ action: 'save', errors: subscribeErrorMessages(issues) as Errors, values }));
		}
		return { action: 'save', done: true };
	},

	unsubscribe: async ({ params }) => {
		const result = await unsubscribe(app().db, params.token, 'preferences');
		if (result.status !== 'unsubscribed' && result.status !== 'already-unsubscribed') linkProblem('preferences', result.status);
		return { action: 'unsubscribe', done: true };
	},

	resubscribe: async ({ params, request }) => {
		const form = await formOf(request);
		try {
			const result = await resubscribe(app().db, params.token, {
				consent: form.consent,
				consentTextVersion: form.consent_version,
				sourcePage: localizedPath('/newsletter/preferences', getLocale())
			});
			if (result.status !== 'resubscribed' && result.status !== 'already-subscribed') linkProblem('preferences', result.status);
		} catch (error) {
			return failWith(error, (issues) => ({ action: 'resubscribe', errors: subscribeErrorMessages(issues) as Errors }));
		}
		return { action: 'resubscribe', done: true };
	},

	delete: async ({ params, request }) => {
		const form = await formOf(request);
		if (!form.confirm_delete) {
			return fail(400, { action: 'delete', errors: { confirm_delete: m.newsletter_error_delete_unconfirmed() } as Errors });
		}
		const result = await deleteSubscriber(app().db, params.token);
		if (result.status !== 'deleted') linkProblem('preferences', result.status);
		app().log.info('newsletter subscriber deleted their data');
		return { action: 'delete', done: true };
	}
} satisfies Actions;
