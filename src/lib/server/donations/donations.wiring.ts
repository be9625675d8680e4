import type { DomainContext, SiteMail } from '$lib/server/platform/domain-context';
import type { Logger } from '$lib/server/platform/logger';
import { createDonationsMail, type DonationsMail } from './donations-mail';
import type { StripeClient } from './stripe-client';

/** What the donations' commands work with, wired once when the app starts; routes pass `app().donations`. */
export interface DonationsContext extends DomainContext {
	/** Receipts and donors' self-service links. */
	readonly mail: DonationsMail;
	/** Stripe's API when it is configured: a refund of a monthly payment asks it for the invoice. */
	readonly stripe: StripeClient | undefined;
	readonly log: Pick<Logger, 'info' | 'warn'>;
}

export function createDonationsContext(
	base: DomainContext,
	options: SiteMail & { stripe: StripeClient | undefined; log: Pick<Logger, 'info' | 'warn'> }
): DonationsContext {
	return { ...base, mail: createDonationsMail(options), stripe: options.stripe, log: options.log };
}
