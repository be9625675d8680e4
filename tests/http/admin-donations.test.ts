/**
 * The donations admin over HTTP against the built server: donations recorded
 * through signed webhooks appear in the list, filters narrow it and its totals,
 * the CSV export carries a BOM, a header and defused formulas, wall moderation
 * reaches the public wall, and bad settings keep what was typed.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/schema';
import { approvedWallEntries } from '../../src/lib/server/donations/donations.queries';
import { parseHtml, rowsOf, startTestServer, type TestServer } from '../support/http';
import { AdminClient, signedIn } from '../support/staff';
import * as events from '../support/stripe-events';

const webhookSecret = 'whsec_admin_donations';

let test: TestServer;
let db: Kysely<Database>;
let admin: AdminClient;
let editor: AdminClient;
let campaignId: number;

async function deliver(event: unknown) {
	const { payload, header } = events.signed(event, webhookSecret);
	const response = await fetch(`${test.origin}/api/stripe/webhook`, {
		method: 'POST',
		body: payload,
		headers: { 'Content-Type': 'application/json; charset=utf-8', 'Stripe-Signature': header }
	});
	expect(response.status, await response.clone().text()).toBe(200);
}

beforeAll(async () => {
	test = await startTestServer({ STRIPE_SECRET_KEY: 'sk_test_admin', STRIPE_WEBHOOK_SECRET: webhookSecret });
	db = (await test.openDatabase()).db;
	[admin, editor] = await Promise.all([signedIn(test, 'admin@example.org', 'admin'), signedIn(test, 'editor@example.org', 'editor')]);

	// A campaign, created through the admin's own form.
	const created = await admin.post('/admin/donations/settings/campaigns/new?/save', {
		slug: 'river-walls',
		goal: '5000',
		currency: 'USD',
		starts: '',
		ends: '',
		'title.en': 'Walls by the river',
		'title.es': 'Muros junto al río'
	});
	expect(created.status).toBe(303);
	campaignId = Number(/campaigns\/(\d+)/.exec(created.headers.get('location') ?? '')?.[1]);
	expect(campaignId).toBeGreaterThan(0);

	await deliver(events.oneOffCompleted({ amount: 2500, currency: 'usd', email: 'ana@example.org', metadata: { campaign: 'river-walls', donor_name: 'Ana Pérez', message: 'For the walls', wall_consent: '1' } }));
	await deliver(events.oneOffCompleted({ amount: 1000, currency: 'usd', email: 'formula@example.org', metadata: { donor_name: '=HYPERLINK("http://evil.example","x")', wall_consent: '1' } }));
	await deliver(events.oneOffCompleted({ amount: 700, currency: 'eur', paymentIntent: 'pi_admin_refund', metadata: { donor_name: 'Refunded Rita' } }));
	await deliver(events.chargeRefunded({ paymentIntent: 'pi_admin_refund', amount: 700, refunded: 700, currency: 'eur' }));
	await deliver(
		events.invoicePaid({
			amount: 1500,
			currency: 'jpy',
			subscription: 'sub_admin',
			customer: 'cus_admin',
			invoice: 'in_admin_first',
			paidAt: Date.parse('2025-06-15T12:00:00Z') / 1000,
			metadata: { donor_name: 'Kenji' }
		})
	);
}, 180_000);

afterAll(async () => {
	await test?.stop();
});

const month = () => new Date().toISOString().slice(0, 7);

describe('the donations list', () => {
	it('shows every donation recorded through the webhook, with totals by currency and month', async () => {
		const response = await admin.get('/admin/donations');
		expect(response.status).toBe(200);
		const html = await response.text();
		// Stripe is configured: no set-up box.
		expect(html).not.toContain('STRIPE_SECRET_KEY');
		const rows = rowsOf(html, 'donations');
		expect(rows).toHaveLength(4);
		expect(rows.join('\n')).toContain('Ana Pérez');
		expect(rows.join('\n')).toContain('ana@example.org');
		expect(rows.find((r) => r.includes('Ana Pérez'))).toMatch(/\$25\.00 \| one-off \| Walls by the river/);
		expect(rows.find((r) => r.includes('Rita'))).toMatch(/€7\.00 refunded/);
		expect(rows.find((r) => r.includes('Kenji'))).toMatch(/¥1,500 \| monthly/);

		expect(rowsOf(html, 'totals-by-currency')).toEqual(['EUR | 1 | €7.00 | €7.00 | €0.00', 'JPY | 1 | ¥1,500 | ¥0 | ¥1,500', 'USD | 2 | $35.00 | $0.00 | $35.00']);
		const monthName = new Date(`${month()}-01T00:00:00Z`).toLocaleString('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });
		expect(rowsOf(html, 'totals-by-month')).toEqual([
			`${monthName} | EUR | 1 | €7.00 | €7.00 | €0.00`,
			`${monthName} | USD | 2 | $35.00 | $0.00 | $35.00`,
			'June 2025 | JPY | 1 | ¥1,500 | ¥0 | ¥1,500'
		]);
	});

	it('narrows the list and the totals with each filter', async () => {
		const count = async (query: string) => rowsOf(await (await admin.get(`/admin/donations?${query}`)).text(), 'donations').filter((r) => !r.startsWith('No donations'));
		expect(await count(`campaign=${campaignId}`)).toHaveLength(1);
		expect(await count('currency=usd')).toHaveLength(2);
		expect(await count('kind=monthly')).toEqual([expect.stringContaining('Kenji')]);
		expect(await count('status=refunded')).toEqual([expect.stringContaining('Rita')]);
		expect(await count('status=paid')).toHaveLength(3);
		expect(await count('from=2025-06-01&to=2025-06-15')).toEqual([expect.stringContaining('Kenji')]);
		expect(await count('from=2025-06-01&to=2025-06-14')).toEqual([]);
		expect(await count(`currency=USD&kind=one-off&campaign=${campaignId}&from=${month()}-01`)).toEqual([expect.stringContaining('Ana Pérez')]);

		const html = await (await admin.get('/admin/donations?currency=USD')).text();
		expect(rowsOf(html, 'totals-by-currency')).toEqual(['USD | 2 | $35.00 | $0.00 | $35.00']);
		// The filters stay in the form, and the export link carries them.
		expect(html).toMatch(/<option value="USD" selected/);
		expect(html).toContain('href="/admin/donations/export.csv?currency=USD"');
	});

	it('pages on the server', async () => {
		// 4 donations; 50 a page: one page, no "Older" link.
		const html = await (await admin.get('/admin/donations?page=2')).text();
		expect(rowsOf(html, 'donations')).toEqual(['No donations on this page.']);
		expect(html).toContain('Page 2 of 1');
		expect(html).toContain('href="?page=1">Newer</a>');
		expect(await (await admin.get('/admin/donations?page=1')).text()).not.toContain('Page 1 of 1');
	});

	it('exports CSV with a byte-order mark, a header row, the donations, and formulas defused', async () => {
		const response = await admin.get('/admin/donations/export.csv');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="donations-\d{4}-\d{2}-\d{2}\.csv"$/);
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
		const lines = text.trimEnd().split('\r\n');
		expect(lines[0]).toBe(
			'id,paid_at,kind,amount,refunded,currency,status,campaign,donor_name,donor_email,donor_locale,message,wall_consent,wall_status,stripe_payment_intent,stripe_invoice,stripe_subscription'
		);
		expect(lines).toHaveLength(5);
		expect(text).toContain(',2500,0,USD,paid,river-walls,Ana Pérez,ana@example.org,en,For the walls,1,pending,');
		expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
		expect(text).not.toMatch(/(^|,)=HYPERLINK/m);

		const filtered = await (await admin.get('/admin/donations/export.csv?currency=EUR&status=refunded')).text();
		expect(filtered.replace(/^\uFEFF/, '').trimEnd().split('\r\n')).toHaveLength(2);
		expect(filtered).toContain(',700,700,EUR,refunded,');
		const audit = await db.selectFrom('audit_event').select(['action', 'actor_email']).where('action', '=', 'donation.exported').execute();
		expect(audit).toContainEqual({ action: 'donation.exported', actor_email: 'admin@example.org' });
	});

	it('is not for editors: donors’ e-mail addresses are personal data', async () => {
		expect((await editor.get('/admin/donations')).status).toBe(403);
		expect((await editor.get('/admin/donations/export.csv')).status).toBe(403);
	});
});

describe('the donor wall', () => {
	it('lets an editor approve and hide entries with consent, which the public wall follows', async () => {
		const page = await editor.get('/admin/donations/wall');
		expect(page.status).toBe(200);
		const html = await page.text();
		const pending = rowsOf(html, 'pending');
		expect(pending).toHaveLength(2);
		expect(pending.join('\n')).toContain('Ana Pérez');
		// Only what the wall would show: no e-mail addresses, no amounts; no entry without consent.
		expect(html).not.toContain('ana@example.org');
		expect(html).not.toContain('Kenji');
		expect(html).not.toContain('$25');

		const ana = await db.selectFrom('donation').select('id').where('donor_name', '=', 'Ana Pérez').executeTakeFirstOrThrow();
		const formula = await db.selectFrom('donation').select('id').where('donor_email', '=', 'formula@example.org').executeTakeFirstOrThrow();
		const kenji = await db.selectFrom('donation').select('id').where('donor_name', '=', 'Kenji').executeTakeFirstOrThrow();
		expect(await approvedWallEntries(db)).toEqual([]);

		expect((await editor.post('/admin/donations/wall?/approve', { id: String(ana.id) })).status).toBe(200);
		expect((await editor.post('/admin/donations/wall?/reject', { id: String(formula.id) })).status).toBe(200);
		// No consent: cannot be approved.
		expect((await editor.post('/admin/donations/wall?/approve', { id: String(kenji.id) })).status).toBe(404);
		expect((await editor.post('/admin/donations/wall?/approve', { id: 'x' })).status).toBe(400);

		expect(await approvedWallEntries(db)).toEqual([expect.objectContaining({ id: ana.id, name: 'Ana Pérez', message: 'For the walls', campaignSlug: 'river-walls' })]);
		const after = await (await editor.get('/admin/donations/wall')).text();
		expect(rowsOf(after, 'pending')).toEqual(['Nothing is waiting.']);
		expect(rowsOf(after, 'approved')).toEqual([expect.stringContaining('Ana Pérez')]);
		expect(rowsOf(after, 'rejected')).toEqual([expect.stringContaining('HYPERLINK')]);

		expect((await editor.post('/admin/donations/wall?/hide', { id: String(ana.id) })).status).toBe(200);
		expect(await approvedWallEntries(db)).toEqual([]);
		const audit = await db.selectFrom('audit_event').select(['action', 'subject', 'actor_email']).where('action', 'like', 'donation.wall-%').orderBy('id').execute();
		expect(audit).toEqual([
			{ action: 'donation.wall-approved', subject: `donation:${ana.id}`, actor_email: 'editor@example.org' },
			{ action: 'donation.wall-rejected', subject: `donation:${formula.id}`, actor_email: 'editor@example.org' },
			{ action: 'donation.wall-hidden', subject: `donation:${ana.id}`, actor_email: 'editor@example.org' }
		]);
	});
});

describe('donation settings', () => {
	const valid = {
		'currency.0': 'USD',
		'presets.0': '5 10 25',
		'min.0': '2',
		'max.0': '5000',
		'currency.1': 'NPR',
		'presets.1': '500 1000',
		'min.1': '100',
		'max.1': '500000',
		'currency.2': '',
		'presets.2': '',
		'min.2': '',
		'max.2': '',
		'receiptNote.en': 'No goods or services were provided in exchange for this gift.',
		'receiptNote.ne': 'यो दानको सट्टामा कुनै वस्तु वा सेवा दिइएको छैन।',
		'otherWays.en': 'Write to hello@example.org for bank details.',
		'otherWays.es': 'Escríbanos para los datos bancarios.'
	};

	it('keeps what was typed and says what is wrong beside the field, saving nothing', async () => {
		const before = await db.selectFrom('donation_settings').selectAll().executeTakeFirstOrThrow();
		const response = await admin.post('/admin/donations/settings?/save', { ...valid, 'currency.1': 'NPX', 'min.0': 'two', 'otherWays.en': '' });
		expect(response.status).toBe(400);
		const html = await response.text();
		const { all } = parseHtml(html);
		const input = (id: string) => all((e) => e.attribs?.id === id)[0];
		expect(input('currency-1')?.attribs.value).toBe('NPX');
		expect(input('currency-1')?.attribs['aria-invalid']).toBe('true');
		expect(input('min-0')?.attribs.value).toBe('two');
		expect(input('presets-0')?.attribs.value).toBe('5 10 25');
		expect(html).toContain('id="currency-1-error"');
		expect(html).toMatch(/id="min-0-error">Give the smallest as an amount in USD/);
		expect(html).toContain('id="otherWays-en-error"');
		expect(html).toContain('यो दानको सट्टामा');
		expect(html).toContain('Nothing was saved');
		expect(await db.selectFrom('donation_settings').selectAll().executeTakeFirstOrThrow()).toEqual(before);
	});

	it('saves good settings, with a new empty line to add a currency', async () => {
		const response = await admin.post('/admin/donations/settings?/save', valid);
		expect(response.status).toBe(200);
		const row = await db.selectFrom('donation_settings').selectAll().executeTakeFirstOrThrow();
		expect(JSON.parse(row.currencies)).toEqual(['USD', 'NPR']);
		expect(JSON.parse(row.currency_rules).NPR).toEqual({ presets: [50000, 100000], min: 10000, max: 50000000 });
		const html = await (await admin.get('/admin/donations/settings')).text();
		expect(html).toContain('id="currency-2"');
		expect(html).toContain('Walls by the river');
		expect(await db.selectFrom('audit_event').select('action').where('action', '=', 'donation.settings-changed').execute()).toHaveLength(1);
	});

	it('refuses a bad campaign, keeping the input, and edits a good one', async () => {
		const bad = await admin.post(`/admin/donations/settings/campaigns/${campaignId}?/save`, {
			slug: 'Bad Slug',
			goal: '5000',
			currency: 'USD',
			starts: '2026-05-10',
			ends: '2026-05-01',
			'title.en': 'Walls by the river, again'
		});
		expect(bad.status).toBe(400);
		const html = await bad.text();
		expect(html).toContain('value="Bad Slug"');
		expect(html).toContain('id="slug-error"');
		expect(html).toMatch(/id="ends-error">The last day is before the first day\./);
		expect(html).toContain('Walls by the river, again');
		const good = await admin.post(`/admin/donations/settings/campaigns/${campaignId}?/save`, {
			slug: 'river-walls',
			goal: '6000',
			currency: 'USD',
			starts: '',
			ends: '2099-12-31',
			'title.en': 'Walls by the river'
		});
		expect(good.status).toBe(200);
		const row = await db.selectFrom('donation_campaign').selectAll().where('id', '=', campaignId).executeTakeFirstOrThrow();
		expect([Number(row.goal_minor), row.ends_at]).toEqual([600000, '2100-01-01T00:00:00.000Z']);
		const actions = await db.selectFrom('audit_event').select('action').where('action', 'like', 'donation.campaign-%').orderBy('id').execute();
		expect(actions.map((a) => a.action)).toEqual(['donation.campaign-created', 'donation.campaign-changed']);
	});
});

describe('without Stripe', () => {
	it('says what to configure, with the webhook address and events', async () => {
		const plain = await startTestServer();
		try {
			const client = await signedIn(plain, 'solo@example.org', 'admin');
			const html = await (await client.get('/admin/donations')).text();
			for (const text of ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', `${plain.origin}/api/stripe/webhook`, 'checkout.session.completed', 'invoice.paid', 'charge.refunded', 'customer.subscription.deleted']) {
				expect(html).toContain(text);
			}
			expect(rowsOf(html, 'donations')).toEqual(['No donations yet.']);
		} finally {
			await plain.stop();
		}
	}, 60_000);
});
