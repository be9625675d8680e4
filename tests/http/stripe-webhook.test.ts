/**
 * The Stripe webhook of the built server: signatures checked over the raw body,
 * replays answered 200 without a second donation, and no CSRF Origin needed.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/connect';
import { startServer, type RunningServer } from '../support/server';
import * as events from '../support/stripe-events';

const secret = 'whsec_test';
let server: RunningServer;
let database: DatabaseHandle;

beforeAll(async () => {
	server = await startServer({ STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_WEBHOOK_SECRET: secret });
	database = await openDatabase({ sqlitePath: join(server.dataDir, 'site.sqlite') });
});
afterAll(async () => {
	await database?.close();
	await server?.stop();
});

function post(body: string, headers: Record<string, string> = {}) {
	return fetch(`${server.origin}/api/stripe/webhook`, {
		method: 'POST',
		body,
		// As Stripe sends it: JSON, and no Origin header.
		headers: { 'Content-Type': 'application/json; charset=utf-8', 'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)', ...headers }
	});
}

const donationCount = async () =>
	Number((await database.db.selectFrom('donation').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('POST /api/stripe/webhook', () => {
	it('answers 400 and records nothing for a missing or bad signature, or a tampered body', async () => {
		const event = events.oneOffCompleted({ amount: 2500, currency: 'usd' });
		const { payload, header } = events.signed(event, secret);
		const missing = await post(payload);
		expect(missing.status).toBe(400);
		expect(await missing.json()).toEqual({ error: 'missing_signature' });
		const wrongSecret = await post(payload, { 'Stripe-Signature': events.signed(event, 'whsec_other').header });
		expect(wrongSecret.status).toBe(400);
		expect(await wrongSecret.json()).toEqual({ error: 'bad_signature' });
		const tampered = await post(payload.replace('"amount_total":2500', '"amount_total":1'), { 'Stripe-Signature': header });
		expect(tampered.status).toBe(400);
		const garbage = await post('{not json', { 'Stripe-Signature': events.signed('x', secret).header });
		expect(garbage.status).toBe(400);
		expect(await donationCount()).toBe(0);
		expect(await database.db.selectFrom('stripe_event').selectAll().execute()).toHaveLength(0);
	});

	it('answers 413 to a body that announces over 1 MB', async () => {
		const { header } = events.signed(events.oneOffCompleted({ amount: 2500, currency: 'usd' }), secret);
		const announced = await post('x'.repeat(2 * 1024 * 1024), { 'Stripe-Signature': header });
		expect(announced.status).toBe(413);
		expect(await announced.json()).toEqual({ error: 'too_large' });
	});

	it('answers 413 to a streamed body once it passes 1 MB', async () => {
		const { header } = events.signed(events.oneOffCompleted({ amount: 2500, currency: 'usd' }), secret);
		const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
		let sent = 0;
		const stream = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (sent++ < 40) controller.enqueue(chunk);
				else controller.close();
			}
		});
		const streamed = await fetch(`${server.origin}/api/stripe/webhook`, {
			method: 'POST',
			body: stream,
			duplex: 'half',
			headers: { 'Content-Type': 'application/json', 'Stripe-Signature': header }
		} as RequestInit);
		expect(streamed.status).toBe(413);
		expect(await donationCount()).toBe(0);
	});

	it('answers 400 for a signed event of a known type that is malformed, recording nothing', async () => {
		const event = events.oneOffCompleted({ amount: 2500, currency: 'usd' });
		(event.data.object as Record<string, unknown>).currency = 42;
		const { payload, header } = events.signed(event, secret);
		const response = await post(payload, { 'Stripe-Signature': header });
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({ error: 'malformed_event' });
		expect(await database.db.selectFrom('stripe_event').selectAll().execute()).toHaveLength(0);
	});

	it('records a signed event once: the replay answers 200 without a second donation', async () => {
		const event = events.oneOffCompleted({ amount: 2500, currency: 'usd', metadata: { locale: 'ne' } });
		const { payload, header } = events.signed(event, secret);
		for (let i = 0; i < 2; i++) {
			const response = await post(payload, { 'Stripe-Signature': header });
			expect(response.status).toBe(200);
			expect(response.headers.get('cache-control')).toBe('no-store');
			expect(await response.json()).toEqual({ received: true });
		}
		const rows = await database.db.selectFrom('donation').select(['amount_minor', 'currency', 'donor_locale']).execute();
		expect(rows.map((r) => [Number(r.amount_minor), r.currency, r.donor_locale])).toEqual([[2500, 'USD', 'ne']]);
		const receipts = await database.db.selectFrom('mail_message').select('locale').where('idempotency_key', 'like', 'donation-receipt:%').execute();
		expect(receipts).toEqual([{ locale: 'ne' }]);
	});

	it('acknowledges types it does not handle, and is POST only', async () => {
		const { payload, header } = events.signed({ ...events.oneOffCompleted({ amount: 1, currency: 'usd' }), type: 'payment_intent.created' }, secret);
		expect((await post(payload, { 'Stripe-Signature': header })).status).toBe(200);
		expect((await fetch(`${server.origin}/api/stripe/webhook`)).status).toBe(405);
	});
});

describe('without Stripe configured', () => {
	it('answers 503', async () => {
		const plain = await startServer();
		try {
			const { payload, header } = events.signed(events.oneOffCompleted({ amount: 1, currency: 'usd' }), secret);
			const response = await fetch(`${plain.origin}/api/stripe/webhook`, { method: 'POST', body: payload, headers: { 'Stripe-Signature': header, 'Content-Type': 'application/json' } });
			expect(response.status).toBe(503);
			expect(await response.json()).toEqual({ error: 'stripe_not_configured' });
		} finally {
			await plain.stop();
		}
	});
});
