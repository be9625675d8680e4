import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { locales } from '$lib/i18n/locales';
import { demoContent } from '$lib/server/demo/demo-content';
import { seedDemoContent } from '$lib/server/demo/demo-seed';
import { createTestDatabase } from '$lib/server/db/test-database';
import { ValidationError } from '$lib/server/platform/errors';
import { createMailer } from '$lib/server/platform/mail/mailer';
import { createMailTransport } from '$lib/server/platform/mail/transports';
import { cellsReadAsFormulas, hostileCells } from '../../../../tests/support/csv-readings';
import { startSmtpSink } from '../../../../tests/support/smtp';
import { startStripeStandIn } from '../../../../tests/support/stripe-stand-in';
import * as events from '../../../../tests/support/stripe-events';
import { createCheckout } from './checkout.service';
import { formatMoney, toMinorUnits } from './currencies';
import { parseDonationForm } from './donation-form';
import { getDonationSettings, saveDonationSettings } from './donation-settings';
import {
	approvedWallEntries,
	campaignProgress,
	donationsCsv,
	listDonations,
	setWallStatus,
	totalsByCurrency,
	totalsByMonth,
	transparencyTotals
} from './donations.queries';
import { handleStripeEvent } from './webhook.service';
import { createDonationsMail } from './donations-mail';
import type { DonationsContext } from './donations.wiring';
import { donationsContext, testStaff } from '../../../../tests/support/domain-contexts';

const webhookSecret = 'whsec_test_donations';
const verifier = new Stripe('sk_test_verifier');

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let standIn: Awaited<ReturnType<typeof startStripeStandIn>>;
let outboxDir: string;
let context: DonationsContext;

beforeAll(async () => {
	handle = await createTestDatabase();
	await seedDemoContent(handle.db, demoContent, new Date().toISOString());
	standIn = await startStripeStandIn();
	outboxDir = mkdtempSync(join(tmpdir(), 'donations-outbox-'));
	const settings = await getDonationSettings(handle.db);
	await saveDonationSettings(donationsContext(handle.db), testStaff, {
		...settings,
		currencies: ['USD', 'JPY', 'EUR'],
		rules: {
			USD: { presets: [500, 1000, 2500], min: 200, max: 100000 },
			JPY: { presets: [500, 1000, 3000], min: 300, max: 100000 },
			EUR: { presets: [500, 1000], min: 200, max: 100000 }
		},
		receiptNote: { en: 'No goods or services were provided in exchange.', es: 'No se entregaron bienes ni servicios a cambio.' }
	});
	const now = new Date().toISOString();
	await handle.db
		.insertInto('donation_campaign')
		.values([
			{ slug: 'bali-walls', title: JSON.stringify({ en: 'Walls in Bali', id: 'Dinding di Bali' }), goal_minor: 500000, currency: 'USD', created_at: now, updated_at: now },
			{ slug: 'ended', title: JSON.stringify({ en: 'Over' }), goal_minor: 1000, currency: 'USD', ends_at: '2020-01-01T00:00:00.000Z', created_at: now, updated_at: now }
		])
		.execute();
	const mailer = createMailer({ transport: createMailTransport({ smtpUrl: undefined, dataDir: outboxDir }), from: 'MG <hello@example.org>' });
	context = donationsContext(handle.db, { mail: createDonationsMail({ mailer, origin: 'https://mg.example' }) });
});

afterAll(async () => {
	await standIn?.close();
	await handle?.dispose();
	if (outboxDir) rmSync(outboxDir, { recursive: true, force: true });
});

beforeEach(async () => {
	for (const table of ['donation', 'donation_subscription', 'stripe_event', 'job', 'mail_message'] as const) {
		await handle.db.deleteFrom(table).execute();
	}
	standIn.requests.length = 0;
});

/** Delivers an event as the route does: verify the signature over the raw body, then handle it. */
async function deliver(value: unknown, secret = webhookSecret) {
	const { payload, header } = events.signed(value, secret);
	const event = verifier.webhooks.constructEvent(payload, header, webhookSecret);
	return handleStripeEvent(context, event);
}

const donations = () => handle.db.selectFrom('donation').selectAll().orderBy('id').execute();

describe('amounts in minor units', () => {
	it('reads typed amounts exactly, per the currency’s decimals', () => {
		expect(toMinorUnits('10', 'USD')).toBe(1000);
		expect(toMinorUnits('10.5', 'usd')).toBe(1050);
		expect(toMinorUnits('0.29', 'USD')).toBe(29);
		expect(toMinorUnits('10.505', 'USD')).toBeUndefined();
		expect(toMinorUnits('500', 'JPY')).toBe(500);
		expect(toMinorUnits('500.5', 'JPY')).toBeUndefined();
		expect(toMinorUnits('150000', 'IDR')).toBe(15000000);
		expect(toMinorUnits('500', 'ISK')).toBe(50000);
		expect(toMinorUnits('1.25', 'KWD')).toBe(1250);
		expect(toMinorUnits('-5', 'USD')).toBeUndefined();
		expect(toMinorUnits('1e3', 'USD')).toBeUndefined();
		expect(formatMoney(50000, 'ISK', 'en')).toMatch(/500/);
		expect(formatMoney(500, 'JPY', 'en')).toBe('¥500');
	});

	it('refuses amounts outside the limits and unknown currencies with codes', async () => {
		const settings = await getDonationSettings(handle.db);
		const base = { currency: 'USD', kind: 'one-off' };
		expect(parseDonationForm({ ...base, amount: '1' }, settings)).toEqual({ ok: false, issues: { amount: 'amount_below_minimum' } });
		expect(parseDonationForm({ ...base, amount: 'other', custom_amount: '1000.01' }, settings)).toEqual({ ok: false, issues: { amount: 'amount_above_maximum' } });
		expect(parseDonationForm({ ...base, amount: 'other', custom_amount: '' }, settings)).toEqual({ ok: false, issues: { amount: 'amount_required' } });
		expect(parseDonationForm({ ...base, amount: 'ten' }, settings)).toEqual({ ok: false, issues: { amount: 'amount_invalid' } });
		expect(parseDonationForm({ ...base, currency: 'GBP', amount: '10' }, settings)).toEqual({ ok: false, issues: { currency: 'currency_unknown' } });
		expect(parseDonationForm({ ...base, kind: 'weekly', amount: '10' }, settings)).toEqual({ ok: false, issues: { kind: 'kind_invalid' } });
		expect(parseDonationForm({ ...base, amount: '10', name: 'x'.repeat(81), message: 'y'.repeat(281), email: 'nope' }, settings)).toEqual({
			ok: false,
			issues: { name: 'name_too_long', message: 'message_too_long', email: 'email_invalid' }
		});
		const ok = parseDonationForm({ ...base, amount: '10', name: '  Ana  ', wall_consent: 'on', extra: 'dropped' }, settings);
		expect(ok).toEqual({
			ok: true,
			request: { amountMinor: 1000, currency: 'USD', kind: 'one-off', campaignSlug: null, name: 'Ana', email: null, message: null, wallConsent: true }
		});
	});
});

describe('checkout', () => {
	const context = { origin: 'https://mg.example', locale: 'es' as const };

	it('creates a payment-mode session for a one-off gift, in minor units, with the choices in metadata', async () => {
		const created = await createCheckout(
			handle.db,
			standIn.client(),
			{ amount: 'other', custom_amount: '12.50', currency: 'usd', kind: 'one-off', campaign: 'bali-walls', name: 'Ana', message: 'For the walls', email: 'Ana@Example.org', wall_consent: 'on' },
			context
		);
		expect(created.url).toMatch(/^https:\/\/checkout\.stripe\.com\//);
		const [request] = standIn.requests;
		expect(request!.path).toBe('/v1/checkout/sessions');
		const p = request!.params;
		expect(p.mode).toBe('payment');
		expect(p.submit_type).toBe('donate');
		expect(p['line_items[0][price_data][unit_amount]']).toBe('1250');
		expect(p['line_items[0][price_data][currency]']).toBe('usd');
		expect(p['line_items[0][price_data][recurring][interval]']).toBeUndefined();
		expect(p['line_items[0][price_data][product_data][name]']).toBe('Walls in Bali');
		expect(p.success_url).toBe('https://mg.example/es/donate/thanks?session_id={CHECKOUT_SESSION_ID}');
		expect(p.cancel_url).toBe('https://mg.example/es/donate/cancelled');
		expect(p.customer_email).toBe('ana@example.org');
		expect(p.locale).toBe('es');
		for (const where of ['metadata', 'payment_intent_data[metadata]']) {
			expect(p[`${where}[kind]`]).toBe('one-off');
			expect(p[`${where}[campaign]`]).toBe('bali-walls');
			expect(p[`${where}[locale]`]).toBe('es');
			expect(p[`${where}[wall_consent]`]).toBe('1');
			expect(p[`${where}[donor_name]`]).toBe('Ana');
			expect(p[`${where}[message]`]).toBe('For the walls');
		}
	});

	it('creates a subscription-mode session with a monthly price for a monthly gift, in a zero-decimal currency', async () => {
		await createCheckout(handle.db, standIn.client(), { amount: '1000', currency: 'JPY', kind: 'monthly' }, { origin: 'https://mg.example', locale: 'en' });
		const p = standIn.requests[0]!.params;
		expect(p.mode).toBe('subscription');
		expect(p['line_items[0][price_data][unit_amount]']).toBe('1000');
		expect(p['line_items[0][price_data][currency]']).toBe('jpy');
		expect(p['line_items[0][price_data][recurring][interval]']).toBe('month');
		expect(p['subscription_data[metadata][kind]']).toBe('monthly');
		expect(p.submit_type).toBeUndefined();
		expect(p.customer_email).toBeUndefined();
		expect(p.success_url).toBe('https://mg.example/donate/thanks?session_id={CHECKOUT_SESSION_ID}');
	});

	it.each([
		[{ amount: '1000000', currency: 'USD', kind: 'one-off' }, { amount: 'amount_above_maximum' }],
		[{ amount: '0.5', currency: 'USD', kind: 'one-off' }, { amount: 'amount_below_minimum' }],
		[{ amount: '1000.5', currency: 'JPY', kind: 'one-off' }, { amount: 'amount_invalid' }],
		[{ amount: '10', currency: 'XYZ', kind: 'one-off' }, { currency: 'currency_unknown' }],
		[{ amount: '10', currency: 'USD', kind: 'one-off', campaign: 'no-such-campaign' }, { campaign: 'campaign_unknown' }],
		[{ amount: '10', currency: 'USD', kind: 'one-off', campaign: 'ended' }, { campaign: 'campaign_unknown' }]
	])('refuses %j without calling Stripe', async (input, issues) => {
		const error = await createCheckout(handle.db, standIn.client(), input, context).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ValidationError);
		expect((error as ValidationError).issues).toEqual(issues);
		expect(standIn.requests).toHaveLength(0);
	});
});

describe('webhooks', () => {
	it('records a one-off gift from Stripe’s amount, once however often the event is delivered', async () => {
		const event = events.oneOffCompleted({ amount: 2500, currency: 'usd', metadata: { campaign: 'bali-walls', donor_name: 'Ana', wall_consent: '1' } });
		expect(await deliver(event)).toBe('recorded');
		expect(await deliver(event)).toBe('replay');
		const rows = await donations();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ kind: 'one-off', amount_minor: expect.anything(), currency: 'USD', status: 'paid', donor_name: 'Ana', wall_consent: 1, wall_status: 'pending' });
		expect(Number(rows[0]!.amount_minor)).toBe(2500);
		expect(await handle.db.selectFrom('mail_message').select('idempotency_key').execute()).toEqual([
			{ idempotency_key: `donation-receipt:${(event.data.object as { id: string }).id}` }
		]);
		// A second event about the same session (a different id) does not add a payment either.
		expect(await deliver({ ...event, id: `${event.id}_again` })).toBe('updated');
		expect(await donations()).toHaveLength(1);
	});

	it('records nothing for a bad signature', async () => {
		const event = events.oneOffCompleted({ amount: 2500, currency: 'usd' });
		await expect(deliver(event, 'whsec_someone_else')).rejects.toThrow(/signature/i);
		const { payload, header } = events.signed(event, webhookSecret);
		expect(() => verifier.webhooks.constructEvent(payload.replace('2500', '9999'), header, webhookSecret)).toThrow();
		expect(await donations()).toHaveLength(0);
		expect(await handle.db.selectFrom('stripe_event').selectAll().execute()).toHaveLength(0);
	});

	it('records nothing half for a malformed event of a known type', async () => {
		const event = events.oneOffCompleted({ amount: 2500, currency: 'usd' });
		(event.data.object as Record<string, unknown>).amount_total = 'lots';
		await expect(deliver(event)).rejects.toThrow();
		expect(await handle.db.selectFrom('stripe_event').selectAll().execute()).toHaveLength(0);
		expect(await donations()).toHaveLength(0);
	});

	it('records a monthly payment from invoice.paid before its session, and the session adds no second one', async () => {
		const ids = { subscription: 'sub_1', customer: 'cus_1', invoice: 'in_first' };
		const invoice = events.invoicePaid({ amount: 1000, currency: 'usd', ...ids, metadata: { locale: 'id', donor_name: 'Budi', wall_consent: '1' } });
		const session = events.subscriptionCompleted({ amount: 1000, currency: 'usd', ...ids, metadata: { locale: 'id', donor_name: 'Budi', wall_consent: '1' } });
		expect(await deliver(invoice)).toBe('recorded');
		expect(await deliver(session)).toBe('updated');
		const next = events.invoicePaid({ amount: 1000, currency: 'usd', subscription: 'sub_1', customer: 'cus_1', metadata: { locale: 'id', wall_consent: '1' } });
		expect(await deliver(next)).toBe('recorded');
		await deliver(next);
		const rows = await donations();
		expect(rows.map((r) => [r.kind, r.stripe_invoice_id, r.stripe_subscription_id, r.donor_locale, r.wall_status])).toEqual([
			['monthly', 'in_first', 'sub_1', 'id', 'pending'],
			['monthly', (next.data.object as { id: string }).id, 'sub_1', 'id', 'none']
		]);
		expect(rows[0]!.stripe_checkout_session_id).toBe((session.data.object as { id: string }).id);
		const subscription = await handle.db.selectFrom('donation_subscription').selectAll().executeTakeFirstOrThrow();
		expect(subscription).toMatchObject({ stripe_customer_id: 'cus_1', donor_email: 'monthly@example.org', status: 'active' });

		expect(await deliver(events.subscriptionDeleted({ subscription: 'sub_1', customer: 'cus_1' }))).toBe('updated');
		expect(await handle.db.selectFrom('donation_subscription').select('status').executeTakeFirstOrThrow()).toEqual({ status: 'ended' });
		// A late session for it does not start it again.
		await deliver(events.subscriptionCompleted({ amount: 1000, currency: 'usd', ...ids }));
		expect(await handle.db.selectFrom('donation_subscription').select('status').executeTakeFirstOrThrow()).toEqual({ status: 'ended' });
		expect(await handle.db.selectFrom('mail_message').select('idempotency_key').orderBy('id').execute()).toHaveLength(2);
	});

	it('marks refunds, partial then full, and keeps the larger refund when they arrive out of order', async () => {
		await deliver(events.oneOffCompleted({ amount: 5000, currency: 'eur', paymentIntent: 'pi_refund' }));
		const partial = events.chargeRefunded({ paymentIntent: 'pi_refund', amount: 5000, refunded: 2000, currency: 'eur' });
		const full = events.chargeRefunded({ paymentIntent: 'pi_refund', amount: 5000, refunded: 5000, currency: 'eur' });
		await deliver(partial);
		let [row] = await donations();
		expect([row!.status, Number(row!.refunded_minor)]).toEqual(['paid', 2000]);
		await deliver(full);
		await deliver({ ...partial, id: `${partial.id}_late` });
		[row] = await donations();
		expect([row!.status, Number(row!.refunded_minor)]).toEqual(['refunded', 5000]);
		expect(await totalsByCurrency(handle.db)).toEqual([{ currency: 'EUR', grossMinor: 5000, refundedMinor: 5000, netMinor: 0, donations: 1 }]);
	});

	it('finds the monthly payment of a refunded charge through Stripe’s invoice payments', async () => {
		await deliver(events.invoicePaid({ amount: 700, currency: 'usd', subscription: 'sub_r', customer: 'cus_r', invoice: 'in_r' }));
		standIn.invoicesByPaymentIntent.set('pi_of_in_r', 'in_r');
		const withStripe = { ...context, stripe: standIn.client() };
		const { payload, header } = events.signed(events.chargeRefunded({ paymentIntent: 'pi_of_in_r', amount: 700, refunded: 700, currency: 'usd' }), webhookSecret);
		expect(await handleStripeEvent(withStripe, verifier.webhooks.constructEvent(payload, header, webhookSecret))).toBe('updated');
		const [row] = await donations();
		expect([row!.status, row!.stripe_payment_intent_id]).toEqual(['refunded', 'pi_of_in_r']);
	});

	it('ignores events that are not donations and types it does not handle, but remembers them', async () => {
		const other = events.oneOffCompleted({ amount: 100, currency: 'usd' });
		(other.data.object as { metadata: Record<string, string> }).metadata = { order: '42' };
		expect(await deliver(other)).toBe('ignored');
		expect(await deliver({ ...other, id: 'evt_other_type', type: 'customer.created' })).toBe('ignored');
		expect(await donations()).toHaveLength(0);
		expect(await handle.db.selectFrom('stripe_event').select('id').execute()).toHaveLength(2);
	});

	it('leaves exactly the right totals after 1,000 shuffled deliveries of 500 payments', async () => {
		const deliveries: ReturnType<typeof events.oneOffCompleted>[] = [];
		const expected = new Map<string, number>();
		for (let i = 0; i < 500; i++) {
			const currency = ['usd', 'eur', 'jpy'][i % 3]!;
			const amount = 100 + ((i * 37) % 9000);
			const event =
				i % 5 === 0
					? events.invoicePaid({ amount, currency, subscription: `sub_bulk_${i % 40}`, customer: `cus_${i}`, email: `d${i}@example.org` })
					: events.oneOffCompleted({ amount, currency, email: `d${i}@example.org`, metadata: { locale: locales[i % 4] } });
			deliveries.push(event as ReturnType<typeof events.oneOffCompleted>, event as ReturnType<typeof events.oneOffCompleted>);
			expected.set(currency.toUpperCase(), (expected.get(currency.toUpperCase()) ?? 0) + amount);
		}
		// Fisher–Yates with a fixed seed, so a failure can be replayed.
		let seed = 42;
		const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
		for (let i = deliveries.length - 1; i > 0; i--) {
			const j = Math.floor(random() * (i + 1));
			[deliveries[i], deliveries[j]] = [deliveries[j]!, deliveries[i]!];
		}
		const outcomes = { recorded: 0, replay: 0 } as Record<string, number>;
		// Ten at a time, as Stripe delivers concurrently.
		for (let i = 0; i < deliveries.length; i += 10) {
			const results = await Promise.all(deliveries.slice(i, i + 10).map((e) => deliver(e)));
			for (const r of results) outcomes[r] = (outcomes[r] ?? 0) + 1;
		}
		expect(outcomes).toEqual({ recorded: 500, replay: 500 });
		const totals = await totalsByCurrency(handle.db);
		expect(Object.fromEntries(totals.map((t) => [t.currency, t.netMinor]))).toEqual(Object.fromEntries(expected));
		expect(totals.reduce((n, t) => n + t.donations, 0)).toBe(500);
		expect(await handle.db.selectFrom('stripe_event').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).toEqual({ n: expect.anything() });
		const mails = await handle.db.selectFrom('mail_message').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
		expect(Number(mails.n)).toBe(500);
		const jobs = await handle.db.selectFrom('job').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
		expect(Number(jobs.n)).toBe(500);
	});
});

describe('receipts', () => {
	it.each(locales)('writes the receipt in %s, delivered once per payment over SMTP', async (locale) => {
		const sink = await startSmtpSink();
		try {
			const mailer = createMailer({ transport: createMailTransport({ smtpUrl: sink.url, dataDir: outboxDir }), from: 'Micro Galleries <hello@example.org>' });
			const local = { ...context, mail: createDonationsMail({ mailer, origin: 'https://mg.example' }) };
			const event = events.oneOffCompleted({ amount: 2500, currency: 'usd', email: `${locale}@example.org`, metadata: { locale, donor_name: 'Maya', campaign: 'bali-walls' } });
			const monthly = events.invoicePaid({ amount: 1500, currency: 'eur', subscription: `sub_${locale}`, customer: 'cus_x', email: `${locale}@example.org`, metadata: { locale } });
			for (const e of [event, event, monthly, monthly]) {
				const { payload, header } = events.signed(e, webhookSecret);
				await handleStripeEvent(local, verifier.webhooks.constructEvent(payload, header, webhookSecret));
			}
			const queued = await handle.db.selectFrom('mail_message').selectAll().orderBy('id').execute();
			expect(queued).toHaveLength(2);
			for (const row of queued) {
				await mailer.sendQueuedMail(handle.db, row.id);
				await mailer.sendQueuedMail(handle.db, row.id);
			}
			expect(sink.messages).toHaveLength(2);
			const [oneOff, month] = sink.messages.map((m) => m.parsed);
			const amount = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(25);
			expect(oneOff!.text).toContain(amount);
			expect(oneOff!.text).toContain(new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date()));
			expect(oneOff!.subject).toContain('Micro Galleries');
			expect(oneOff!.text).toContain('Maya');
			expect(oneOff!.html).toContain(`lang="${locale}"`);
			expect(month!.text).toContain(new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(15));
			expect(month!.text).toContain(`https://mg.example${locale === 'en' ? '' : `/${locale}`}/donate/manage`);
			expect((oneOff!.subject ?? '').includes('Thank you for your donation')).toBe(locale === 'en');
			if (locale === 'ne') expect(oneOff!.text ?? '').toMatch(/[\u0900-\u097F]/);
			if (locale === 'es') expect(oneOff!.text).toContain('No se entregaron bienes ni servicios a cambio.');
			if (locale === 'id') expect(oneOff!.text).toContain('Dinding di Bali');
			if (locale !== 'es') expect(oneOff!.text).toContain('No goods or services were provided in exchange.');
		} finally {
			await sink.close();
		}
	});

	it('sends no receipt when Stripe gave no e-mail address', async () => {
		await deliver(events.oneOffCompleted({ amount: 2500, currency: 'usd', email: null }));
		expect(await donations()).toHaveLength(1);
		expect(await handle.db.selectFrom('mail_message').selectAll().execute()).toHaveLength(0);
	});
});

describe('reading donations', () => {
	it('gives totals, campaign progress, the wall (approved only), the admin list and CSV', async () => {
		await deliver(events.oneOffCompleted({ amount: 3000, currency: 'usd', metadata: { campaign: 'bali-walls', donor_name: 'Ana', message: 'Yes!', wall_consent: '1' } }));
		await deliver(events.oneOffCompleted({ amount: 2000, currency: 'usd', metadata: { campaign: 'bali-walls', donor_name: '=HYPERLINK("x")', wall_consent: '1' } }));
		await deliver(events.oneOffCompleted({ amount: 1000, currency: 'jpy', metadata: { campaign: 'bali-walls', donor_name: 'Kenji' } }));
		await deliver(events.oneOffCompleted({ amount: 700, currency: 'eur', paymentIntent: 'pi_gone' }));
		await deliver(events.chargeRefunded({ paymentIntent: 'pi_gone', amount: 700, refunded: 700, currency: 'eur' }));
		const rows = await donations();

		expect(await approvedWallEntries(handle.db)).toEqual([]);
		expect(await setWallStatus(handle.db, rows[0]!.id, 'approved')).toBe(true);
		expect(await setWallStatus(handle.db, rows[1]!.id, 'rejected')).toBe(true);
		expect(await setWallStatus(handle.db, rows[2]!.id, 'approved')).toBe(false); // no consent
		expect(await approvedWallEntries(handle.db)).toEqual([
			{ id: rows[0]!.id, name: 'Ana', message: 'Yes!', paidAt: rows[0]!.paid_at, campaignSlug: 'bali-walls', locale: 'en' }
		]);

		const progress = await campaignProgress(handle.db);
		expect(progress.find((c) => c.slug === 'bali-walls')).toMatchObject({ raisedMinor: 5000, donations: 2, goalMinor: 500000, currency: 'USD' });
		expect(progress.find((c) => c.slug === 'ended')).toMatchObject({ raisedMinor: 0, donations: 0 });

		const month = new Date().toISOString().slice(0, 7);
		expect(await totalsByMonth(handle.db)).toEqual([
			{ month, currency: 'EUR', grossMinor: 700, refundedMinor: 700, netMinor: 0, donations: 1 },
			{ month, currency: 'JPY', grossMinor: 1000, refundedMinor: 0, netMinor: 1000, donations: 1 },
			{ month, currency: 'USD', grossMinor: 5000, refundedMinor: 0, netMinor: 5000, donations: 2 }
		]);
		const year = month.slice(0, 4);
		const transparency = await transparencyTotals(handle.db);
		expect(transparency).toContainEqual({ year, campaignSlug: 'bali-walls', campaignTitle: expect.stringContaining('Walls in Bali'), currency: 'USD', netMinor: 5000, donations: 2 });
		expect(JSON.stringify(transparency)).not.toMatch(/Ana|@example/);

		const page1 = await listDonations(handle.db, { currency: 'usd' }, { page: 1, perPage: 1 });
		expect([page1.total, page1.rows.length, page1.rows[0]!.amountMinor]).toEqual([2, 1, 2000]);
		expect((await listDonations(handle.db, { status: 'refunded' })).rows.map((r) => r.stripePaymentIntentId)).toEqual(['pi_gone']);
		expect((await listDonations(handle.db, { kind: 'monthly' })).total).toBe(0);
		expect((await listDonations(handle.db, { from: '2000-01-01', to: '2001-01-01' })).total).toBe(0);

		const csv = await donationsCsv(handle.db, { campaignId: progress.find((c) => c.slug === 'bali-walls')!.id });
		expect(csv.donations).toBe(3);
		const parsed = parse(csv.text, { bom: true }) as string[][];
		expect(parsed).toHaveLength(4);
		expect(parsed[0]![3]).toBe('amount');
		expect(parsed.flat()).toContain(`'=HYPERLINK("x")`);
	});

	it('exports no cell a spreadsheet could read as a formula, whether it splits on commas or semicolons', async () => {
		for (const [i, text] of hostileCells.entries()) {
			await deliver(events.oneOffCompleted({ amount: 1000 + i, currency: 'usd', paymentIntent: `pi_hostile_${i}`, metadata: { donor_name: text, message: text, wall_consent: '1' } }));
		}
		expect(await donations()).toHaveLength(hostileCells.length);
		const csv = await donationsCsv(handle.db);
		expect(csv.donations).toBe(hostileCells.length);
		expect(cellsReadAsFormulas(csv.text)).toEqual([]);
	});
});
