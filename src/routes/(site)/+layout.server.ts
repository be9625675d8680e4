import type { LayoutServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { currentConsentText } from '$lib/server/newsletter/newsletter-page';

/**
 * The consent text for the newsletter sign-up in every public page's footer.
 * Without it (no text published, or the database not answering) the footer
 * simply has no form: a page must not fail because of its footer.
 */
export const load: LayoutServerLoad = async () => {
	try {
		const locale = getLocale();
		return { newsletterConsent: await app().siteVersion.cached(`newsletter-consent:${locale}`, () => currentConsentText(app().db, locale)) };
	} catch (error) {
		app().log.warn({ err: error }, 'newsletter consent text unavailable');
		return { newsletterConsent: null };
	}
};
