import Stripe from 'stripe';

/*
 * Stripe events as Stripe sends them (API 2026-10-28), trimmed to realistic
 * objects, and signed with the stripe package's own test-header helper.
 */

let counter = 0;
const nextId = (prefix: string) => `${prefix}_${Date.now().toString(36)}${(counter++).toString(36).padStart(6, '0')}`;

export interface DonorMetadata {
	kind?: 'one-off' | 'monthly';
	locale?: string;
	campaign?: string;
	donor_name?: string;
	message?: string;
	wall_consent?: '0' | '1';
}

function metadata(m: DonorMetadata = {}): Record<string, string> {
	return { source: 'donation', kind: m.kind ?? 'one-off', locale: m.locale ?? 'en', wall_consent: m.wall_consent ?? '0', ...m };
}

function event(type: string, object: Record<string, unknown>, created = Math.floor(Date.now() / 1000)) {
	return {
		id: nextId('evt'),
		object: 'event',
		api_version: '2026-10-28.endive',
		created,
		livemode: false,
		pending_webhooks: 1,
		request: { id: null, idempotency_key: null },
		type,
		data: { object }
	};
}

export function oneOffCompleted(o: { amount: number; currency: string; email?: string | null; metadata?: DonorMetadata; sessionId?: string; paymentIntent?: string }) {
	const id = o.sessionId ?? nextId('cs_test');
	return event('checkout.session.completed', {
		id,
		object: 'checkout.session',
		mode: 'payment',
		status: 'complete',
		payment_status: 'paid',
		amount_subtotal: o.amount,
		amount_total: o.amount,
		currency: o.currency.toLowerCase(),
		customer: null,
		customer_email: null,
		customer_details: { email: o.email === undefined ? 'donor@example.org' : o.email, name: 'Card Holder', address: null, phone: null, tax_exempt: 'none', tax_ids: [] },
		invoice: null,
		subscription: null,
		payment_intent: o.paymentIntent ?? nextId('pi'),
		metadata: metadata({ ...o.metadata, kind: 'one-off' }),
		livemode: false,
		created: Math.floor(Date.now() / 1000) - 60
	});
}

export function subscriptionCompleted(o: { amount: number; currency: string; subscription: string; invoice: string; customer: string; email?: string; metadata?: DonorMetadata }) {
	return event('checkout.session.completed', {
		id: nextId('cs_test'),
		object: 'checkout.session',
		mode: 'subscription',
		status: 'complete',
		payment_status: 'paid',
		amount_subtotal: o.amount,
		amount_total: o.amount,
		currency: o.currency.toLowerCase(),
		customer: o.customer,
		customer_details: { email: o.email ?? 'monthly@example.org', name: 'Card Holder' },
		invoice: o.invoice,
		subscription: o.subscription,
		payment_intent: null,
		metadata: metadata({ ...o.metadata, kind: 'monthly' }),
		livemode: false
	});
}

export function invoicePaid(o: { amount: number; currency: string; subscription: string; customer: string; invoice?: string; email?: string; metadata?: DonorMetadata; paidAt?: number }) {
	const paidAt = o.paidAt ?? Math.floor(Date.now() / 1000);
	return event('invoice.paid', {
		id: o.invoice ?? nextId('in'),
		object: 'invoice',
		status: 'paid',
		amount_due: o.amount,
		amount_paid: o.amount,
		amount_remaining: 0,
		currency: o.currency.toLowerCase(),
		customer: o.customer,
		customer_email: o.email ?? 'monthly@example.org',
		customer_name: 'Card Holder',
		billing_reason: 'subscription_cycle',
		parent: {
			type: 'subscription_details',
			quote_details: null,
			subscription_details: { subscription: o.subscription, metadata: metadata({ ...o.metadata, kind: 'monthly' }) }
		},
		status_transitions: { finalized_at: paidAt - 5, paid_at: paidAt, marked_uncollectible_at: null, voided_at: null },
		livemode: false
	});
}

export function chargeRefunded(o: { paymentIntent: string; amount: number; refunded: number; currency: string }) {
	return event('charge.refunded', {
		id: nextId('ch'),
		object: 'charge',
		amount: o.amount,
		amount_captured: o.amount,
		amount_refunded: o.refunded,
		refunded: o.refunded >= o.amount,
		currency: o.currency.toLowerCase(),
		payment_intent: o.paymentIntent,
		status: 'succeeded',
		livemode: false
	});
}

export function subscriptionDeleted(o: { subscription: string; customer: string; metadata?: DonorMetadata }) {
	const now = Math.floor(Date.now() / 1000);
	return event('customer.subscription.deleted', {
		id: o.subscription,
		object: 'subscription',
		customer: o.customer,
		status: 'canceled',
		currency: 'usd',
		canceled_at: now,
		ended_at: now,
		metadata: metadata({ ...o.metadata, kind: 'monthly' }),
		items: { object: 'list', data: [{ id: 'si_1', price: { id: 'price_1', unit_amount: 1000, currency: 'usd' } }] }
	});
}

const signer = new Stripe('sk_test_signer');

/** The body and Stripe-Signature header of a delivery, as Stripe would send them. */
export function signed(value: unknown, secret: string, options: { timestamp?: number } = {}) {
	const payload = JSON.stringify(value);
	return { payload, header: signer.webhooks.generateTestHeaderString({ payload, secret, timestamp: options.timestamp }) };
}

export const ids = { next: nextId };
