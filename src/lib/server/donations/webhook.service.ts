import type { Kysely } from 'kysely';
import { z } from 'zod';
import { isLocale, type Locale } from '$lib/i18n/locales';
import type { Database, NewDonation } from '$lib/server/db/schema';
import { runCommand } from '$lib/server/shared/command';
import { normalizeCurrency } from './currencies';
import { findCampaignBySlug } from './donations.queries';
import type { DonationsContext } from './donations.wiring';

/*
 * Recording what Stripe reports. Each event is handled in one transaction that
 * first records its id in stripe_event: a delivery seen before finds the id and
 * changes nothing. Payments are keyed by Stripe's ids (session for a one-off gift,
 * invoice for each month), so events arriving in any order, or two different
 * events about the same payment, make one donation. Amounts and currencies come
 * from Stripe's objects; only the donor's choices (campaign, language, wall
 * consent, name, message) come from the metadata set at checkout.
 */

export type WebhookOutcome = 'recorded' | 'updated' | 'replay' | 'ignored';

/** The part of a Stripe event this app reads; checked with zod, other fields dropped. */
export interface StripeEventLike {
	id: string;
	type: string;
	created: number;
	data: { object: unknown };
}

/** What every event has, whatever its type; the object inside is checked by its type's schema. */
const eventSchema = z.object({
	id: z.string().min(1).max(255),
	type: z.string().min(1).max(255),
	created: z.number(),
	data: z.object({ object: z.unknown() })
});

/**
 * Far deeper than anything Stripe sends (an event's objects nest a few levels).
 * A body nested 200,000 levels deep parses, but overflows the stack of code that
 * walks it recursively: the PostgreSQL driver encoding such an array as an id did.
 */
export const maxEventDepth = 64;

/**
 * A verified delivery, read: the event when it has an event's shape and a sane
 * depth, else why not (for the log; the answer is a 400 that Stripe shows in its
 * dashboard). `body` is the raw text, `parsed` what the signature check parsed.
 */
export function readStripeEvent(body: string, parsed: unknown): { ok: true; event: StripeEventLike } | { ok: false; problem: string } {
	if (jsonDepthExceeds(body, maxEventDepth)) return { ok: false, problem: `nested deeper than ${maxEventDepth} levels` };
	const envelope = eventSchema.safeParse(parsed);
	if (!envelope.success) return { ok: false, problem: envelope.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'event'}: ${i.message}`).join('; ') };
	return { ok: true, event: envelope.data };
}

/** Whether JSON text opens more than `max` arrays or objects inside each other; brackets inside strings do not count. */
function jsonDepthExceeds(text: string, max: number): boolean {
	let depth = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 0x5c) i++; // a backslash escapes the next character
			else if (c === 0x22) inString = false;
		} else if (c === 0x22) inString = true;
		else if (c === 0x5b || c === 0x7b) {
			if (++depth > max) return true;
		} else if (c === 0x5d || c === 0x7d) depth--;
	}
	return false;
}

const idOrObject = z
	.union([z.string(), z.object({ id: z.string() })])
	.nullish()
	.transform((v) => (v == null ? null : typeof v === 'string' ? v : v.id));
const metadataSchema = z.record(z.string(), z.string()).nullish().transform((m) => m ?? {});

const sessionSchema = z.object({
	id: z.string(),
	mode: z.string(),
	payment_status: z.string(),
	amount_total: z.number().int().nonnegative().nullable(),
	currency: z.string().nullable(),
	payment_intent: idOrObject,
	invoice: idOrObject,
	subscription: idOrObject,
	customer: idOrObject,
	customer_email: z.string().nullish(),
	customer_details: z.object({ email: z.string().nullish(), name: z.string().nullish() }).nullish(),
	metadata: metadataSchema
});

const invoiceSchema = z.object({
	id: z.string(),
	amount_paid: z.number().int().nonnegative(),
	currency: z.string(),
	customer: idOrObject,
	customer_email: z.string().nullish(),
	customer_name: z.string().nullish(),
	status_transitions: z.object({ paid_at: z.number().nullish() }).nullish(),
	parent: z
		.object({ subscription_details: z.object({ subscription: idOrObject, metadata: metadataSchema }).nullish() })
		.nullish(),
	// Present when the event was expanded, or in older API versions.
	payments: z
		.object({ data: z.array(z.object({ payment: z.object({ payment_intent: idOrObject }).partial() })) })
		.nullish(),
	subscription: idOrObject.optional(),
	payment_intent: idOrObject.optional()
});

const chargeSchema = z.object({
	id: z.string(),
	payment_intent: idOrObject,
	amount: z.number().int().nonnegative(),
	amount_refunded: z.number().int().nonnegative(),
	refunded: z.boolean(),
	currency: z.string(),
	invoice: idOrObject.optional()
});

const subscriptionSchema = z.object({
	id: z.string(),
	customer: idOrObject,
	currency: z.string().nullish(),
	ended_at: z.number().nullish(),
	canceled_at: z.number().nullish(),
	metadata: metadataSchema,
	items: z
		.object({ data: z.array(z.object({ price: z.object({ unit_amount: z.number().nullish() }).nullish() })) })
		.nullish()
});

/** What the donor chose at checkout, read back from the metadata. */
interface DonorChoices {
	isDonation: boolean;
	campaignSlug: string | null;
	locale: Locale;
	wallConsent: boolean;
	name: string | null;
	message: string | null;
}

function choicesFrom(metadata: Record<string, string>): DonorChoices {
	const text = (v: string | undefined, max: number) => (v && v.trim() !== '' ? v.trim().slice(0, max) : null);
	return {
		isDonation: metadata.source === 'donation',
		campaignSlug: text(metadata.campaign, 100),
		locale: isLocale(metadata.locale) ? metadata.locale : 'en',
		wallConsent: metadata.wall_consent === '1',
		name: text(metadata.donor_name, 80),
		message: text(metadata.message, 280)
	};
}

const iso = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString();

/**
 * Handles one verified event; safe to call again with the same event, or with
 * events in any order. What it records shows on cached public pages (campaign
 * progress, the donor wall, the transparency page), so the site version changes
 * in the same transaction. Stripe acts here, not a staff member: no audit entry.
 */
export async function handleStripeEvent(donations: DonationsContext, event: StripeEventLike): Promise<WebhookOutcome> {
	// A refund of a monthly payment names only its payment intent: ask Stripe for the
	// invoice before the transaction, so no network call holds the database.
	const refundInvoice = event.type === 'charge.refunded' ? await invoiceOfRefund(donations.db, donations, event) : undefined;

	return runCommand(donations, null, async ({ trx, now, publicPagesChanged }) => {
		const first = await trx
			.insertInto('stripe_event')
			.values({ id: event.id, type: event.type, received_at: now.toISOString(), processed_at: null })
			.onConflict((oc) => oc.column('id').doNothing())
			.returning('id')
			.executeTakeFirst();
		if (!first) return 'replay';

		let outcome: WebhookOutcome;
		switch (event.type) {
			case 'checkout.session.completed':
			case 'checkout.session.async_payment_succeeded':
				outcome = await onSessionCompleted(trx, donations, event, sessionSchema.parse(event.data.object), now);
				break;
			case 'invoice.paid':
				outcome = await onInvoicePaid(trx, donations, event, invoiceSchema.parse(event.data.object), now);
				break;
			case 'charge.refunded':
				outcome = await onChargeRefunded(trx, chargeSchema.parse(event.data.object), refundInvoice ?? null);
				break;
			case 'customer.subscription.deleted':
				outcome = await onSubscriptionDeleted(trx, event, subscriptionSchema.parse(event.data.object), now);
				break;
			default:
				outcome = 'ignored';
		}
		await trx.updateTable('stripe_event').set({ processed_at: now.toISOString() }).where('id', '=', event.id).execute();
		if (outcome === 'recorded' || outcome === 'updated') await publicPagesChanged();
		return outcome;
	});
}

async function campaignIdOf(trx: Kysely<Database>, slug: string | null): Promise<number | null> {
	return slug ? ((await findCampaignBySlug(trx, slug))?.id ?? null) : null;
}

/** Inserts a payment once (by its Stripe key) and queues its receipt with it. */
async function recordPayment(trx: Kysely<Database>, donations: DonationsContext, donation: NewDonation, paymentKey: string): Promise<boolean> {
	const inserted = await trx
		.insertInto('donation')
		.values(donation)
		// Untargeted: whichever of the Stripe ids is already there, the payment is.
		.onConflict((oc) => oc.doNothing())
		.returning('id')
		.executeTakeFirst();
	if (!inserted) return false;
	if (donation.donor_email) await donations.mail.receipt(trx, { donationId: inserted.id, paymentKey });
	return true;
}

async function onSessionCompleted(
	trx: Kysely<Database>,
	donations: DonationsContext,
	event: StripeEventLike,
	session: z.infer<typeof sessionSchema>,
	now: Date
): Promise<WebhookOutcome> {
	const choices = choicesFrom(session.metadata);
	if (!choices.isDonation) return 'ignored';
	const email = (session.customer_details?.email ?? session.customer_email ?? null)?.toLowerCase() ?? null;
	const campaignId = await campaignIdOf(trx, choices.campaignSlug);

	if (session.mode === 'subscription') {
		if (!session.subscription) return 'ignored';
		await upsertSubscription(trx, {
			subscriptionId: session.subscription,
			customerId: session.customer,
			email,
			locale: choices.locale,
			amountMinor: session.amount_total ?? 0,
			currency: normalizeCurrency(session.currency ?? ''),
			campaignId,
			now
		});
		// The first month is recorded from its invoice.paid; if that came first, link it to this session.
		if (session.invoice) {
			await trx
				.updateTable('donation')
				.set({ stripe_checkout_session_id: session.id })
				.where('stripe_invoice_id', '=', session.invoice)
				.where('stripe_checkout_session_id', 'is', null)
				.execute();
		}
		return 'updated';
	}

	// One-off: recorded once paid (card payments are paid now; delayed methods send async_payment_succeeded).
	if (session.mode !== 'payment' || session.payment_status !== 'paid') return 'ignored';
	if (session.amount_total === null || !session.currency) return 'ignored';
	const recorded = await recordPayment(
		trx,
		donations,
		{
			stripe_checkout_session_id: session.id,
			stripe_payment_intent_id: session.payment_intent,
			stripe_customer_id: session.customer,
			kind: 'one-off',
			amount_minor: session.amount_total,
			currency: normalizeCurrency(session.currency),
			campaign_id: campaignId,
			donor_name: choices.name ?? session.customer_details?.name?.slice(0, 80) ?? null,
			donor_email: email,
			donor_locale: choices.locale,
			message: choices.message,
			wall_consent: choices.wallConsent ? 1 : 0,
			wall_status: choices.wallConsent ? 'pending' : 'none',
			paid_at: iso(event.created),
			created_at: now.toISOString()
		},
		session.id
	);
	return recorded ? 'recorded' : 'updated';
}

async function onInvoicePaid(
	trx: Kysely<Database>,
	donations: DonationsContext,
	event: StripeEventLike,
	invoice: z.infer<typeof invoiceSchema>,
	now: Date
): Promise<WebhookOutcome> {
	const details = invoice.parent?.subscription_details;
	const subscriptionId = details?.subscription ?? invoice.subscription ?? null;
	const choices = choicesFrom(details?.metadata ?? {});
	if (!subscriptionId || !choices.isDonation || invoice.amount_paid === 0) return 'ignored';
	const email = invoice.customer_email?.toLowerCase() ?? null;
	const currency = normalizeCurrency(invoice.currency);
	const campaignId = await campaignIdOf(trx, choices.campaignSlug);
	const paymentIntent = invoice.payments?.data.find((p) => p.payment.payment_intent)?.payment.payment_intent ?? invoice.payment_intent ?? null;

	// invoice.paid may come before checkout.session.completed: it knows enough to start the subscription.
	await upsertSubscription(trx, {
		subscriptionId,
		customerId: invoice.customer,
		email,
		locale: choices.locale,
		amountMinor: invoice.amount_paid,
		currency,
		campaignId,
		now
	});
	const recorded = await recordPayment(
		trx,
		donations,
		{
			stripe_invoice_id: invoice.id,
			stripe_payment_intent_id: paymentIntent,
			stripe_subscription_id: subscriptionId,
			stripe_customer_id: invoice.customer,
			kind: 'monthly',
			amount_minor: invoice.amount_paid,
			currency,
			campaign_id: campaignId,
			donor_name: choices.name ?? invoice.customer_name?.slice(0, 80) ?? null,
			donor_email: email,
			donor_locale: choices.locale,
			message: choices.message,
			wall_consent: choices.wallConsent ? 1 : 0,
			// One wall entry per monthly gift, not one a month: only the first payment asks for it.
			wall_status: choices.wallConsent && !(await hasEarlierPayment(trx, subscriptionId)) ? 'pending' : 'none',
			paid_at: iso(invoice.status_transitions?.paid_at ?? event.created),
			created_at: now.toISOString()
		},
		invoice.id
	);
	return recorded ? 'recorded' : 'updated';
}

async function hasEarlierPayment(trx: Kysely<Database>, subscriptionId: string): Promise<boolean> {
	const row = await trx.selectFrom('donation').select('id').where('stripe_subscription_id', '=', subscriptionId).executeTakeFirst();
	return row !== undefined;
}

async function onChargeRefunded(
	trx: Kysely<Database>,
	charge: z.infer<typeof chargeSchema>,
	invoiceId: string | null
): Promise<WebhookOutcome> {
	let query = trx.selectFrom('donation').select(['id', 'refunded_minor', 'currency']);
	if (charge.payment_intent) query = query.where('stripe_payment_intent_id', '=', charge.payment_intent);
	let donation = charge.payment_intent ? await query.executeTakeFirst() : undefined;
	const invoice = invoiceId ?? charge.invoice ?? null;
	if (!donation && invoice) {
		donation = await trx
			.selectFrom('donation')
			.select(['id', 'refunded_minor', 'currency'])
			.where('stripe_invoice_id', '=', invoice)
			.executeTakeFirst();
	}
	if (!donation || donation.currency !== normalizeCurrency(charge.currency)) return 'ignored';
	// amount_refunded is the charge's running total, so an older partial refund arriving late changes nothing.
	const refunded = Math.max(Number(donation.refunded_minor), charge.amount_refunded);
	await trx
		.updateTable('donation')
		.set({
			refunded_minor: refunded,
			...(charge.refunded || refunded >= charge.amount ? { status: 'refunded' as const } : {}),
			...(charge.payment_intent ? { stripe_payment_intent_id: charge.payment_intent } : {})
		})
		.where('id', '=', donation.id)
		.execute();
	return 'updated';
}

async function invoiceOfRefund(db: Kysely<Database>, donations: DonationsContext, event: StripeEventLike): Promise<string | undefined> {
	const parsed = chargeSchema.safeParse(event.data.object);
	if (!parsed.success || !parsed.data.payment_intent || !donations.stripe) return undefined;
	const known = await db
		.selectFrom('donation')
		.select('id')
		.where('stripe_payment_intent_id', '=', parsed.data.payment_intent)
		.executeTakeFirst();
	if (known) return undefined;
	try {
		const payments = await donations.stripe.invoicePayments.list({
			payment: { type: 'payment_intent', payment_intent: parsed.data.payment_intent },
			limit: 1
		});
		const invoice = payments.data[0]?.invoice;
		return typeof invoice === 'string' ? invoice : invoice?.id;
	} catch (error) {
		donations.log.warn({ err: error, event: event.id }, 'could not look up the invoice of a refunded charge');
		return undefined;
	}
}

async function onSubscriptionDeleted(
	trx: Kysely<Database>,
	event: StripeEventLike,
	subscription: z.infer<typeof subscriptionSchema>,
	now: Date
): Promise<WebhookOutcome> {
	const endedAt = iso(subscription.ended_at ?? subscription.canceled_at ?? event.created);
	const updated = await trx
		.updateTable('donation_subscription')
		.set({ status: 'ended', ended_at: endedAt, updated_at: now.toISOString() })
		.where('stripe_subscription_id', '=', subscription.id)
		.executeTakeFirst();
	if (Number(updated.numUpdatedRows) > 0) return 'updated';
	const choices = choicesFrom(subscription.metadata);
	if (!choices.isDonation) return 'ignored';
	// Ended before we heard of it: keep the record, so a late invoice or session cannot revive it.
	await trx
		.insertInto('donation_subscription')
		.values({
			stripe_subscription_id: subscription.id,
			stripe_customer_id: subscription.customer,
			donor_email: null,
			donor_locale: choices.locale,
			amount_minor: subscription.items?.data[0]?.price?.unit_amount ?? 0,
			currency: normalizeCurrency(subscription.currency ?? ''),
			campaign_id: await campaignIdOf(trx, choices.campaignSlug),
			status: 'ended',
			ended_at: endedAt,
			created_at: now.toISOString(),
			updated_at: now.toISOString()
		})
		.onConflict((oc) => oc.column('stripe_subscription_id').doNothing())
		.execute();
	return 'updated';
}

interface SubscriptionFacts {
	subscriptionId: string;
	customerId: string | null;
	email: string | null;
	locale: Locale;
	amountMinor: number;
	currency: string;
	campaignId: number | null;
	now: Date;
}

/** Creates the monthly gift's record, or fills in what an earlier event did not know. Never revives an ended one. */
async function upsertSubscription(trx: Kysely<Database>, facts: SubscriptionFacts): Promise<void> {
	const at = facts.now.toISOString();
	await trx
		.insertInto('donation_subscription')
		.values({
			stripe_subscription_id: facts.subscriptionId,
			stripe_customer_id: facts.customerId,
			donor_email: facts.email,
			donor_locale: facts.locale,
			amount_minor: facts.amountMinor,
			currency: facts.currency,
			campaign_id: facts.campaignId,
			created_at: at,
			updated_at: at
		})
		.onConflict((oc) => oc.column('stripe_subscription_id').doNothing())
		.execute();
	await trx
		.updateTable('donation_subscription')
		.set((eb) => ({
			stripe_customer_id: eb.fn.coalesce('stripe_customer_id', eb.val(facts.customerId)),
			donor_email: eb.fn.coalesce('donor_email', eb.val(facts.email)),
			campaign_id: eb.fn.coalesce('campaign_id', eb.val(facts.campaignId)),
			...(facts.amountMinor > 0 ? { amount_minor: facts.amountMinor, currency: facts.currency } : {}),
			updated_at: at
		}))
		.where('stripe_subscription_id', '=', facts.subscriptionId)
		.execute();
}
