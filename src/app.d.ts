// adapter-node's App.Platform: the Node request, whose socket has the connection's address.
/// <reference types="@sveltejs/adapter-node" />
import type { Role } from '$lib/people/roles';
import type { Locale } from '$lib/i18n/locales';

declare global {
	namespace App {
		interface Locals {
			/** The signed-in staff member on /admin routes; null when nobody is signed in. */
			staff: {
				id: string;
				name: string;
				email: string;
				role: Role;
				/** The language the admin speaks to them (and their staff e-mails). */
				locale: Locale;
				/** The zone their admin shows times in; null until they chose it (first sign-in). */
				timeZone: string | null;
				twoFactorEnabled: boolean;
				sessionToken: string;
			} | null;
			/** Set when this request's session was just ended for being unused too long (the sign-in page says so). */
			staffSessionIdle?: boolean;
		}
		interface Error {
			message: string;
			/**
			 * cross-site-form: a form refused by the cross-site check (routes/(site)/form-refused), the page says why
			 * and what to set; donations-closed: a page that follows a payment on a site without Stripe.
			 */
			reason?: 'cross-site-form' | 'donations-closed';
			/** The site's own address (ORIGIN), to open it at. */
			siteAddress?: string;
			/** The origin the refused form came from, when it sent one. */
			from?: string;
		}
	}
}

export {};
