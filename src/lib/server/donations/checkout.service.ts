import type { Kysely } from 'kysely';
import { type Locale } from '$lib/i18n/locales';
import { localizedPath } from '$lib/i18n/paths';
import { pick, parseLocalized } from '$lib/server/shared/localized-text';
import type { Database } from '$lib/server/db/schema';
import { ValidationError } from '$lib/server/platform/errors';
import { parseDonationForm, type DonationFormInput, type DonationRequest } from './donation-form';
import { getDonationSettings } from './donation-settings';
import { findOpenCampaign } from './donations.queries';
import type { StripeClient } from './stripe-client';

/*
 * Creating a Stripe Checkout Session from the public form. Nothing is recorded
 * here: a donation exists only once Stripe says it was paid (webhook.service.ts),
 * with the amount Stripe charged. The metadata carries what the donor chose that
 * Stripe does not know (campaign, language, wall consent, name, message).
 */

/** Stripe's limit for one metadata value. */
const metadataValueMax = 500;

/** Checkout's own languages; Nepali is not one of them, so Stripe picks from the browser. */
const checkoutLocales: Record<Locale, 'en' | 'es' | 'id' | 'auto'> = { en: 'en', es: 'es', id: 'id', ne: 'auto' };

export interface CheckoutContext {
	/** The site's public base URL, e.g. https://example.org. */
	origin: string;
	/** The language the donor used the form in: their receipts are written in it. */
	locale: Locale;
}

export interface CreatedCheckout {
	url: string;
	sessionId: string;
}

/**
 * Checks the form and creates a Checkout Session: payment mode for a one-off gift,
 * subscription mode with a monthly price for a monthly one. Returns where to send
 * the donor. Throws ValidationError with field → code for a form to show again.
 */
export async function createCheckout(
	db: Kysely<Database>,
	stripe: StripeClient,
	input: DonationFormInput,
	context: CheckoutContext
): Promise<CreatedCheckout> {
	const settings = await getDonationSettings(db);
	const parsed = parseDonationForm(input, settings);
	if (!parsed.ok) throw new ValidationError(parsed.issues);
	const request = parsed.request;
	const campaign = request.campaignSlug ? await findOpenCampaign(db, request.campaignSlug, new Date()) : undefined;
	if (request.campaignSlug && !campaign) throw new ValidationError({ campaign: 'campaign_unknown' });

	const { origin, locale } = context;
	const metadata = donationMetadata(request, locale);
	const productName = campaign ? pick(parseLocalized(campaign.title), locale).text : undefined;
	const lineItem = {
		quantity: 1,
		price_data: {
			currency: request.currency.toLowerCase(),
			unit_amount: request.amountMinor,
			product_data: { name: (productName ?? (request.kind === 'monthly' ? 'Monthly donation' : 'Donation')).slice(0, 250) },
			...(request.kind === 'monthly' ? { recurring: { interval: 'month' as const } } : {})
		}
	};
	const common = {
		line_items: [lineItem],
		success_url: `${origin}${localizedPath('/donate/thanks', locale)}?session_id={CHECKOUT_SESSION_ID}`,
		cancel_url: `${origin}${localizedPath('/donate/cancelled', locale)}`,
		locale: checkoutLocales[locale],
		metadata,
		...(request.email ? { customer_email: request.email } : {})
	};
	const session =
		request.kind === 'monthly'
			? await stripe.checkout.sessions.create({
					...common,
					mode: 'subscription',
					// Each invoice carries these, so a monthly payment is recorded right even before its session.
					subscription_data: { metadata }
				})
			: await stripe.checkout.sessions.create({
					...common,
					mode: 'payment',
					submit_type: 'donate',
					payment_intent_data: { metadata }
				});
	if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`);
	return { url: session.url, sessionId: session.id };
}

/** What the webhook needs back from Stripe, within Stripe's metadata limits. */
function donationMetadata(request: DonationRequest, locale: Locale): Record<string, string> {
	const metadata: Record<string, string> = {
		source: 'donation',
		kind: request.kind,
		locale,
		wall_consent: request.wallConsent ? '1' : '0'
	};
	if (request.campaignSlug) metadata.campaign = request.campaignSlug;
	if (request.name) metadata.donor_name = request.name.slice(0, metadataValueMax);
	if (request.message) metadata.message = request.message.slice(0, metadataValueMax);
	return metadata;
}
