/**
 * The public donation pages of the built server, with Stripe's API played by a
 * stand-in on loopback (STRIPE_API_BASE): the form in every language without
 * script and within budget, a valid gift sent on to Checkout with the amount in
 * minor units, refused forms shown again in the visitor's language with what was
 * typed, campaign progress and the transparency page after a webhook, the
 * monthly donors' portal link, and the state without Stripe.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomUtils } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locales } from '$lib/i18n/locales';
import type { DatabaseHandle } from '$lib/server/db/connect';
import { header, isInside, localized, parseHtml, rawRequest, relTokens, startTestServer, type TestServer } from '../support/http';
import { startStripeStandIn } from '../support/stripe-stand-in';
import * as events from '../support/stripe-events';
import en from '../../messages/en.json' with { type: 'json' };
import es from '../../messages/es.json' with { type: 'json' };
import id from '../../messages/id.json' with { type: 'json' };
import ne from '../../messages/ne.json' with { type: 'json' };

const messages = { en, ne, id, es };

const webhookSecret = 'whsec_test_donate';
let standIn: Awaited<ReturnType<typeof startStripeStandIn>>;
let site: TestServer;
let database: DatabaseHandle;

beforeAll(async () => {
	standIn = await startStripeStandIn();
	site = await startTestServer(standIn.appEnv(webhookSecret));
	database = await site.openDatabase();
	const now = new Date().toISOString();
	await database.db
		.insertInto('donation_campaign')
		.values({
			slug: 'bali-walls',
			title: JSON.stringify({ en: 'Walls in Bali', id: 'Dinding di Bali' }),
			goal_minor: 500000,
			currency: 'USD',
			ends_at: '2099-12-31T00:00:00.000Z',
			created_at: now,
			updated_at: now
		})
		.execute();
	await database.db
		.insertInto('donation_subscription')
		.values({
			stripe_subscription_id: 'sub_monthly',
			stripe_customer_id: 'cus_monthly',
			donor_email: 'monthly@example.org',
			donor_locale: 'id',
			amount_minor: 1000,
			currency: 'USD',
			campaign_id: null,
			created_at: now,
			updated_at: now
		})
		.execute();
}, 60_000);

afterAll(async () => {
	await site?.stop();
	await standIn?.close();
});

function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
	return fetch(site.origin + path, {
		method: 'POST',
		body: new URLSearchParams(fields),
		redirect: 'manual',
		// As a browser posts a form: SvelteKit answers others (fetch from script) with JSON.
		headers: { Origin: site.origin, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html', ...headers }
	});
}

const byId = (doc: ReturnType<typeof parseHtml>, value: string) => doc.all((e) => e.attribs.id === value)[0];
const text = (e: ReturnType<typeof byId>) => (e ? DomUtils.textContent(e).replace(/\s+/g, ' ').trim() : '');
const checkoutCalls = () => standIn.requests.filter((r) => r.path === '/v1/checkout/sessions');

describe.each(locales)('/donate in %s', (locale) => {
	it('is a form that posts, without script, within 35 000 bytes compressed', async () => {
		const url = localized('/donate', locale);
		const response = await rawRequest(site.origin, url, { headers: { 'accept-encoding': 'identity' } });
		expect(response.status).toBe(200);
		const doc = parseHtml(response.body.toString('utf8'));
		expect(doc.html?.attribs.lang).toBe(locale);
		expect(doc.byTag('script').filter((s) => s.attribs.type !== 'application/ld+json')).toEqual([]);
		const form = doc.all((e) => e.name === 'form' && (e.attribs.class ?? '').includes('donate-form'))[0];
		expect(form?.attribs.method).toBe('post');
		expect(byId(doc, 'custom_amount')?.attribs.inputmode).toBe('decimal');
		expect(doc.all((e) => e.name === 'input' && e.attribs.name === 'amount').length).toBeGreaterThan(1);
		expect(doc.all((e) => e.name === 'option' && e.attribs.value === 'bali-walls')).toHaveLength(1);
		expect(doc.all((e) => e.name === 'progress')).toHaveLength(1);
		// The public nav links to this page, marked as the current one.
		const nav = doc.all((e) => e.name === 'a' && e.attribs['aria-current'] === 'page');
		expect(nav.map((a) => a.attribs.href)).toContain(url);

		let total = (await rawRequest(site.origin, url, { headers: { 'accept-encoding': 'br' } })).body.byteLength;
		for (const link of doc.all((e) => e.name === 'link' && relTokens(e).includes('stylesheet'))) {
			total += (await rawRequest(site.origin, link.attribs.href!, { headers: { 'accept-encoding': 'br' } })).body.byteLength;
		}
		expect(total).toBeLessThanOrEqual(35_000);
	});
});

describe('giving', () => {
	it('sends a valid gift on to Stripe Checkout: 303, minor units, mode and the language’s return pages', async () => {
		standIn.requests.length = 0;
		const response = await post('/donate', { amount: '10', currency: 'USD', kind: 'monthly', campaign: 'bali-walls', email: 'Ana@Example.org' });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_\d+/);
		// A browser follows the redirect only when the page's form-action allows Stripe's pages.
		const csp = (await fetch(`${site.origin}/donate`)).headers.get('content-security-policy') ?? '';
		expect(csp).toMatch(/form-action 'self' https:\/\/checkout\.stripe\.com https:\/\/billing\.stripe\.com http:\/\/127\.0\.0\.1:\d+;/);
		const [call] = checkoutCalls();
		expect(call?.params['line_items[0][price_data][unit_amount]']).toBe('1000');
		expect(call?.params['line_items[0][price_data][currency]']).toBe('usd');
		expect(call?.params.mode).toBe('subscription');
		expect(call?.params.success_url).toBe(`${site.origin}/donate/thanks?session_id={CHECKOUT_SESSION_ID}`);
		expect(call?.params.cancel_url).toBe(`${site.origin}/donate/cancelled`);
		expect(call?.params.customer_email).toBe('ana@example.org');

		standIn.requests.length = 0;
		// A typed amount in another currency, from the Spanish page.
		const typed = await post('/es/donate', { amount: '5', custom_amount: '12.50', currency: 'EUR', kind: 'one-off' });
		expect(typed.status).toBe(303);
		const [second] = checkoutCalls();
		expect(second?.params['line_items[0][price_data][unit_amount]']).toBe('1250');
		expect(second?.params['line_items[0][price_data][currency]']).toBe('eur');
		expect(second?.params.mode).toBe('payment');
		expect(second?.params.success_url).toBe(`${site.origin}/es/donate/thanks?session_id={CHECKOUT_SESSION_ID}`);
		expect(second?.params['metadata[locale]']).toBe('es');
	});

	it('shows a refused form again in Indonesian, each error beside its field, with everything typed kept', async () => {
		standIn.requests.length = 0;
		const response = await post('/id/donate', {
			amount: '5',
			custom_amount: '12,345',
			currency: 'EUR',
			kind: 'monthly',
			campaign: 'bali-walls',
			name: 'Budi Santoso',
			email: 'budi@',
			message: 'Semoga bermanfaat',
			wall_consent: 'on'
		});
		expect(response.status).toBe(400);
		expect(response.headers.get('cache-control') ?? '').not.toMatch(/public/);
		const doc = parseHtml(await response.text());
		expect(doc.html?.attribs.lang).toBe('id');
		expect(text(byId(doc, 'amount-error'))).toBe(id.donate_error_amount_invalid);
		expect(text(byId(doc, 'email-error'))).toBe(id.donate_error_email_invalid);
		expect(byId(doc, 'custom_amount')?.attribs['aria-describedby']).toContain('amount-error');
		expect(byId(doc, 'custom_amount')?.attribs['aria-invalid']).toBe('true');
		expect(byId(doc, 'email')?.attribs['aria-describedby']).toContain('email-error');
		expect(text(byId(doc, 'error-summary-title'))).toBe(id.donate_errors_title);
		// Kept as typed.
		expect(byId(doc, 'custom_amount')?.attribs.value).toBe('12,345');
		expect(byId(doc, 'name')?.attribs.value).toBe('Budi Santoso');
		expect(byId(doc, 'email')?.attribs.value).toBe('budi@');
		expect(text(byId(doc, 'message'))).toBe('Semoga bermanfaat');
		expect(byId(doc, 'kind-monthly')?.attribs.checked).toBeDefined();
		expect(byId(doc, 'wall_consent')?.attribs.checked).toBeDefined();
		const selected = doc.all((e) => e.name === 'option' && e.attribs.selected !== undefined).map((o) => o.attribs.value);
		expect(selected).toEqual(expect.arrayContaining(['EUR', 'bali-walls']));
		expect(checkoutCalls()).toHaveLength(0);
	});

	it('refuses a tampered preset above the maximum, and one below the minimum, with the limit in the visitor’s language', async () => {
		standIn.requests.length = 0;
		const tampered = await post('/donate', { amount: '999999', currency: 'USD', kind: 'one-off' });
		expect(tampered.status).toBe(400);
		const doc = parseHtml(await tampered.text());
		expect(text(byId(doc, 'amount-error'))).toBe(en.donate_error_amount_above_maximum.replace('{max}', '$5,000.00'));
		const small = parseHtml(await (await post('/es/donate', { custom_amount: '0.5', currency: 'USD', kind: 'one-off' })).text());
		expect(text(byId(small, 'amount-error'))).toMatch(/^La donación mínima que podemos aceptar es de 2,00\sUS\$\.$/);
		const currency = await post('/donate', { custom_amount: '10', currency: 'GBP', kind: 'one-off' });
		expect(currency.status).toBe(400);
		expect(text(byId(parseHtml(await currency.text()), 'currency-error'))).toBe(en.donate_error_currency_unknown);
		expect(checkoutCalls()).toHaveLength(0);
	});

	it('refuses an absurd body without reading it all', async () => {
		const response = await post('/donate', { amount: '10', currency: 'USD', kind: 'one-off', message: 'x'.repeat(40_000) });
		expect(response.status).toBe(413);
		expect(await response.text()).toContain(en.donate_error_too_large);
	});

	it('needs the site’s own Origin (CSRF), as every form does', async () => {
		const response = await post('/donate', { amount: '10', currency: 'USD', kind: 'one-off' }, { Origin: 'https://evil.example' });
		expect(response.status).toBe(403);
	});
});

describe('after a gift', () => {
	it.each(locales)('thanks and cancelled pages answer in %s', async (locale) => {
		const thanks = await rawRequest(site.origin, `${localized('/donate/thanks', locale)}?session_id=cs_test_000001`);
		expect(thanks.status).toBe(200);
		expect(parseHtml(thanks.body.toString('utf8')).html?.attribs.lang).toBe(locale);
		const cancelled = await rawRequest(site.origin, localized('/donate/cancelled', locale));
		expect(cancelled.status).toBe(200);
		const doc = parseHtml(cancelled.body.toString('utf8'));
		expect(doc.all((e) => e.name === 'a' && e.attribs.href === localized('/donate', locale)).length).toBeGreaterThan(0);
	});

	it('shows a recorded gift in the campaign’s progress and on the transparency page, and the approved wall entry', async () => {
		const event = events.oneOffCompleted({
			amount: 2500,
			currency: 'usd',
			metadata: { campaign: 'bali-walls', donor_name: 'Ana', message: 'Untuk dinding!', wall_consent: '1', locale: 'id' }
		});
		const { payload, header: signature } = events.signed(event, webhookSecret);
		const delivered = await fetch(`${site.origin}/api/stripe/webhook`, {
			method: 'POST',
			body: payload,
			headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature }
		});
		expect(delivered.status).toBe(200);
		const donation = await database.db.selectFrom('donation').select('id').executeTakeFirstOrThrow();
		const { setWallStatus } = await import('$lib/server/donations/donations.queries');
		expect(await setWallStatus(database.db, donation.id, 'approved')).toBe(true);
		await new Promise((r) => setTimeout(r, 1100)); // another process's change is seen within a second

		const page = parseHtml(await (await fetch(`${site.origin}/donate`)).text());
		const progress = page.all((e) => e.name === 'progress')[0];
		expect(progress?.attribs).toMatchObject({ value: '2500', max: '500000' });
		expect(text(byId(page, 'campaign-bali-walls-raised'))).toBe('$25.00 raised of $5,000.00');
		const wall = page.all((e) => e.name === 'ul' && e.attribs.class === 'wall')[0];
		expect(text(wall)).toContain('Ana');
		expect(page.all((e) => e.name === 'p' && e.attribs.lang === 'id').map(text)).toContain('Untuk dinding!');

		for (const locale of locales) {
			const response = await rawRequest(site.origin, localized('/donate/transparency', locale));
			expect(response.status).toBe(200);
			const html = response.body.toString('utf8');
			expect(html).not.toContain('Ana');
			expect(html).not.toMatch(/ana@example|Untuk dinding/i);
			if (locale === 'en') {
				const doc = parseHtml(html);
				const rows = doc.all((e) => e.name === 'tr' && e.parent?.type === 'tag' && (e.parent as { name?: string }).name === 'tbody').map((tr) => tr.children.filter((c) => c.type === 'tag').map((c) => text(c as never)).join(' | '));
				expect(rows).toContain('Walls in Bali | USD | $25.00 | 1');
				const year = String(new Date().getUTCFullYear());
				expect(text(byId(doc, `year-${year}`))).toBe(en.transparency_year.replace('{year}', year));
			}
		}
	});
});

describe('monthly donors’ self-service', () => {
	const sentText = (html: string) => text(parseHtml(html).all((e) => e.name === 'p' && e.attribs.role === 'status')[0]);

	async function waitForLink(to: string): Promise<string> {
		const dir = join(site.server.dataDir, 'outbox');
		const deadline = Date.now() + 15_000;
		for (;;) {
			if (existsSync(dir)) {
				for (const file of readdirSync(dir).sort().reverse()) {
					const raw = readFileSync(join(dir, file), 'utf8');
					if (!raw.toLowerCase().includes(`to: ${to}`)) continue;
					const decoded = raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
					const link = /https?:\/\/[^\s"<>]+\/donate\/manage\/[\w-]+/.exec(decoded)?.[0];
					if (link) return link;
				}
			}
			if (Date.now() > deadline) throw new Error(`no donor link for ${to} in ${dir}`);
			await new Promise((r) => setTimeout(r, 100));
		}
	}

	it('answers the same for any address, e-mails a link in the donor’s language, and the link opens the portal once', async () => {
		const page = await fetch(`${site.origin}/donate/manage`);
		expect(page.status).toBe(200);
		const unknown = await post('/donate/manage', { email: 'nobody@example.org' });
		const known = await post('/donate/manage', { email: 'Monthly@Example.org' });
		expect(unknown.status).toBe(200);
		expect(known.status).toBe(200);
		const [a, b] = [sentText(await unknown.text()), sentText(await known.text())];
		expect(a).toBe(en.manage_sent);
		expect(b).toBe(a);
		const bad = await post('/id/donate/manage', { email: 'not-an-address' });
		expect(bad.status).toBe(400);
		expect(text(byId(parseHtml(await bad.text()), 'manage-email-error'))).toBe(id.donate_error_email_invalid);

		const link = await waitForLink('monthly@example.org');
		const path = new URL(link).pathname;
		expect(path).toMatch(/^\/id\/donate\/manage\/[\w-]{40,}$/);
		const eml = readdirSync(join(site.server.dataDir, 'outbox')).map((f) => readFileSync(join(site.server.dataDir, 'outbox', f), 'utf8'));
		expect(eml.some((raw) => raw.toLowerCase().includes('to: nobody@example.org'))).toBe(false);

		// Opening the link changes nothing (mail scanners follow links); the button uses it.
		for (let i = 0; i < 2; i++) {
			const opened = await fetch(site.origin + path);
			expect(opened.status).toBe(200);
			expect(opened.headers.get('cache-control')).toBe('private, no-store');
			expect(await opened.text()).toContain(id.manage_link_button);
		}
		standIn.requests.length = 0;
		const portal = await post(path, {});
		expect(portal.status).toBe(303);
		expect(portal.headers.get('location')).toMatch(/^https:\/\/billing\.stripe\.com\/p\/session\/bps_test_\d+$/);
		const call = standIn.requests.find((r) => r.path === '/v1/billing_portal/sessions');
		expect(call?.params.customer).toBe('cus_monthly');
		expect(call?.params.return_url).toBe(`${site.origin}/id/donate`);

		const reused = await post(path, {});
		expect(reused.status).toBe(410);
		expect(await reused.text()).toContain(id.manage_link_used);
		const reopened = await fetch(site.origin + path);
		expect(await reopened.text()).toContain(id.manage_link_used);
		expect(standIn.requests.filter((r) => r.path === '/v1/billing_portal/sessions')).toHaveLength(1);

		const nonsense = await fetch(`${site.origin}/donate/manage/not-a-real-token-at-all-xxxxxxxx`);
		expect(nonsense.status).toBe(200);
		expect(await nonsense.text()).toContain(en.manage_link_unknown);
	});
});

describe('without Stripe', () => {
	let plain: TestServer;
	beforeAll(async () => {
		plain = await startTestServer();
		const handle = await plain.openDatabase();
		await handle.db
			.updateTable('donation_settings')
			.set({ other_ways: JSON.stringify({ en: 'Bank transfer to account 123.\n\nOr give at our events.', es: 'Transferencia a la cuenta 123.' }) })
			.execute();
		await handle.close();
	}, 60_000);
	afterAll(async () => {
		await plain?.stop();
	});

	it.each(locales)('/donate shows other ways to give and no form (%s)', async (locale) => {
		const response = await rawRequest(plain.origin, localized('/donate', locale));
		expect(response.status).toBe(200);
		expect(header(response, 'content-type')).toMatch(/^text\/html/);
		const doc = parseHtml(response.body.toString('utf8'));
		// No donation form (the footer's newsletter sign-up is on every page).
		expect(doc.byTag('form').filter((f) => isInside(f, doc.byTag('main')[0]))).toHaveLength(0);
		expect(text(byId(doc, 'other-ways-title')).length).toBeGreaterThan(0);
		const main = text(doc.all((e) => e.name === 'main')[0]);
		expect(main).toContain(locale === 'es' ? 'Transferencia a la cuenta 123.' : 'Bank transfer to account 123.');
		if (locale !== 'es' && locale !== 'en') expect(doc.all((e) => e.attribs.lang === 'en' && e.attribs.class === 'prose')).toHaveLength(1);
		const posted = await fetch(plain.origin + localized('/donate', locale), {
			method: 'POST',
			body: new URLSearchParams({ amount: '10', currency: 'USD', kind: 'one-off' }),
			redirect: 'manual',
			headers: { Origin: plain.origin, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' }
		});
		expect(posted.status).toBe(503);
	});

	it.each(locales)('/donate says giving by card is not set up and links the organization’s address (%s)', async (locale) => {
		const doc = parseHtml((await rawRequest(plain.origin, localized('/donate', locale))).body.toString('utf8'));
		expect(text(byId(doc, 'donate-not-set-up'))).toBe(messages[locale].donate_card_not_set_up);
		const contact = byId(doc, 'donate-contact');
		const link = contact ? DomUtils.getElementsByTagName('a', contact)[0] : undefined;
		expect(link?.attribs.href).toBe('mailto:hello@example.org');
		expect(text(contact)).toBe(messages[locale].donate_write_to_us.replace('{email}', 'hello@example.org'));
	});

	it('makes an address in the other ways staff wrote a mailto: link', async () => {
		const handle = await plain.openDatabase();
		await handle.db.updateTable('donation_settings').set({ other_ways: JSON.stringify({ en: 'Bank transfer: write to gifts@example.org.' }) }).execute();
		await handle.close();
		// The page cache learns of the change from the site version, bumped by staff saves; read past it here.
		const doc = parseHtml((await rawRequest(plain.origin, '/donate', { headers: { cookie: 'arts.session_token=none' } })).body.toString('utf8'));
		const prose = doc.all((e) => e.attribs.class === 'prose')[0];
		expect(prose ? DomUtils.getElementsByTagName('a', prose).map((a) => a.attribs.href) : []).toEqual(['mailto:gifts@example.org']);
	});

	it.each([
		['/donate/thanks?session_id=cs_test_000001', 'GET'],
		['/donate/cancelled', 'GET'],
		['/donate/manage', 'GET'],
		['/donate/manage', 'POST'],
		['/donate/manage/some-token-of-a-monthly-donor-xxxxxxxxxxxx', 'GET'],
		['/donate/manage/some-token-of-a-monthly-donor-xxxxxxxxxxxx', 'POST']
	])('%s (%s) does not pretend payments work: 404, saying donations are not open here', async (path, method) => {
		for (const locale of ['en', 'ne'] as const) {
			const response = await fetch(plain.origin + localized(path, locale), {
				method,
				redirect: 'manual',
				...(method === 'POST'
					? { body: new URLSearchParams({ email: 'monthly@example.org' }), headers: { Origin: plain.origin, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' } }
					: {})
			});
			expect(response.status).toBe(404);
			const doc = parseHtml(await response.text());
			expect(doc.html?.attribs.lang).toBe(locale);
			expect(text(doc.byTag('h1')[0])).toBe(messages[locale].donations_closed_title);
			const contact = byId(doc, 'donations-closed-contact');
			expect(contact ? DomUtils.getElementsByTagName('a', contact)[0]?.attribs.href : undefined).toBe('mailto:hello@example.org');
			expect(text(doc.byTag('main')[0])).not.toContain(messages[locale].thanks_body);
		}
	});
});
