import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { localizedPath } from '$lib/i18n/paths';
import { m } from '$lib/paraglide/messages';
import { app } from '$lib/server/app';
import { failWith, readSmallForm } from '$lib/server/platform/forms';
import { subscribe } from '$lib/server/newsletter/newsletter.service';
import { recordSignUpAttempt } from '$lib/server/newsletter/sign-up-throttle';
import { readSubscribeForm, signUpForm, subscribeErrorMessages } from '$lib/server/newsletter/newsletter-page';

export const load: PageServerLoad = async () => {
	return { signUp: await signUpForm(app().db, getLocale()) };
};

export const actions = {
	/**
	 * The full form on this page and the short one in every footer post here. The
	 * answer to an accepted sign-up is the same whatever the address's state (new,
	 * pending, confirmed), and so is the answer to a robot caught by the trap field.
	 * Over the sign-up limits (sign-up-throttle.ts) the form comes back as typed.
	 */
	default: async ({ request, getClientAddress }) => {
		const locale = getLocale();
		const { db, log, config } = app();
		const form = await readSmallForm(request);
		if (!form) return fail(413, { values: null, errors: {}, problem: m.newsletter_error_too_large(), sent: null });
		const { input, values, trapped } = await readSubscribeForm(db, form, { locale, path: localizedPath('/newsletter', locale) });
		if (trapped) {
			log.info('newsletter sign-up trap field filled in; nothing done');
			return { sent: { email: values.email.trim() } };
		}
		if (!(await recordSignUpAttempt(db, getClientAddress(), config.newsletterSignUpLimits)).allowed) {
			log.info('newsletter sign-up over the limits; refused');
			return fail(429, { values, errors: {}, problem: m.newsletter_error_too_many(), sent: null });
		}
		try {
			const outcome = await subscribe(db, input, { mail: app().newsletter.mail });
			log.info({ subscriber: outcome.subscriberId, mailed: outcome.mailed }, 'newsletter sign-up');
		} catch (error) {
			return failWith(error, (issues) => ({ values, errors: subscribeErrorMessages(issues), problem: null, sent: null }));
		}
		return { sent: { email: values.email.trim() } };
	}
} satisfies Actions;
