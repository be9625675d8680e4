import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { localizedPath } from '$lib/i18n/paths';
import { m } from '$lib/paraglide/messages';
import { app } from '$lib/server/app';
import { consumeDonorLink, inspectDonorLink } from '$lib/server/donations/donor-links';
import { stripeFor } from '$lib/server/donations/stripe-client';
import { refuseUnlessDonationsOpen } from '../../donations-closed';

/*
 * A monthly donor's one-time link. Opening it (GET) changes nothing: mail
 * scanners that follow links would otherwise use it up. The button posts, which
 * uses the link and sends the donor to a new Stripe customer portal session.
 * The answer depends on the link, so it is never cached.
 */
export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'Cache-Control': 'private, no-store' });
	refuseUnlessDonationsOpen();
	const link = await inspectDonorLink(app().db, params.token);
	return { state: link.state };
};

export const actions = {
	// The load function (run after a refused action too) sets Cache-Control.
	default: async ({ params }) => {
		refuseUnlessDonationsOpen();
		const { db, config, log } = app();
		const stripe = stripeFor(config);
		if (!stripe) return fail(503, { state: 'unknown' as const, problem: m.donate_error_unavailable() });
		const link = await consumeDonorLink(db, params.token);
		if (link.state !== 'valid') return fail(410, { state: link.state, problem: null });
		let url: string;
		try {
			const session = await stripe.billingPortal.sessions.create({
				customer: link.customerId,
				return_url: `${config.origin}${localizedPath('/donate', getLocale())}`,
				locale: link.locale === 'ne' ? 'auto' : link.locale
			});
			url = session.url;
		} catch (error) {
			log.error({ err: error }, 'stripe billing portal failed');
			return fail(502, { state: 'used' as const, problem: m.donate_error_unavailable() });
		}
		redirect(303, url);
	}
} satisfies Actions;
