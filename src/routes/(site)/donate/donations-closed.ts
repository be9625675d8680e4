import { error } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { isConfigured } from '$lib/server/donations/stripe-client';

/**
 * Without Stripe the site takes no gifts (/donate says so and how to give
 * instead): the pages that follow a payment (thanks, cancelled, a monthly
 * donor's link) answer 404 with a page that says donations are not open here,
 * rather than thanking for a payment that cannot have happened.
 */
export function refuseUnlessDonationsOpen(): void {
	if (!isConfigured(app().config)) error(404, { message: 'Donations are not open on this site', reason: 'donations-closed' });
}
