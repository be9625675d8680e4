import { json } from '@sveltejs/kit';
import { ZodError } from 'zod';
import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import { handleStripeEvent, readStripeEvent } from '$lib/server/donations/webhook.service';
import { stripeFor, webhookSecretOf } from '$lib/server/donations/stripe-client';
import { readBoundedBody, readUnreadBody } from '$lib/server/platform/http/request-body';

const noStore = { 'Cache-Control': 'no-store' };
/** Far above any event Stripe sends (they are a few kilobytes), far below BODY_SIZE_LIMIT. */
const maxEventBytes = 1024 * 1024;

/**
 * Stripe's webhook. The signature is checked against the raw body before
 * anything is read from it; a verified event is handled once (replays answer 200
 * and change nothing). Stripe posts JSON, so SvelteKit's CSRF check (form
 * content types only) does not apply, and POSTs are never cached.
 */
export const POST: RequestHandler = async ({ request }) => {
	const { config, log, donations } = app();
	const stripe = stripeFor(config);
	const secret = webhookSecretOf(config);
	if (!stripe || !secret) return json({ error: 'stripe_not_configured' }, { status: 503, headers: noStore });

	const signature = request.headers.get('stripe-signature');
	if (!signature) return json({ error: 'missing_signature' }, { status: 400, headers: noStore });
	// Stripe's events are a few kilobytes; nothing larger is read, let alone hashed.
	const bytes = await readBoundedBody(request, maxEventBytes);
	if (bytes === undefined) {
		readUnreadBody(request);
		return json({ error: 'too_large' }, { status: 413, headers: noStore });
	}
	const body = new TextDecoder().decode(bytes);
	let verified;
	try {
		verified = stripe.webhooks.constructEvent(body, signature, secret);
	} catch {
		return json({ error: 'bad_signature' }, { status: 400, headers: noStore });
	}
	const read = readStripeEvent(body, verified);
	if (!read.ok) {
		// Signed, yet not an event (or absurdly deep): nothing of it is logged but why.
		log.warn({ problem: read.problem }, 'malformed stripe event');
		return json({ error: 'malformed_event' }, { status: 400, headers: noStore });
	}
	const { event } = read;

	try {
		const outcome = await handleStripeEvent(donations, event);
		log.info({ event: event.id, type: event.type, outcome }, 'stripe event');
	} catch (error) {
		// Signed by Stripe but not the shape we read: nothing was recorded (the transaction rolled back).
		if (error instanceof ZodError) {
			log.warn({ event: event.id, type: event.type, issues: error.issues.slice(0, 5) }, 'malformed stripe event');
			return json({ error: 'malformed_event' }, { status: 400, headers: noStore });
		}
		throw error;
	}
	return json({ received: true }, { headers: noStore });
};
