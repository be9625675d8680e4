import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStripeClient, type StripeClient } from '../../src/lib/server/donations/stripe-client';

/**
 * A stand-in for Stripe's API on loopback. It answers the few calls the app makes
 * with objects shaped like Stripe's, and records every request (form-encoded
 * parameters decoded to "a[b][0]" → value) for the test to inspect.
 */
export interface RecordedRequest {
	method: string;
	path: string;
	params: Record<string, string>;
	headers: IncomingMessage['headers'];
}

/**
 * `pagesOnLoopback`: Checkout and portal URLs point at the stand-in itself (it
 * answers GET of them with a small page), for a browser that may not leave the
 * machine; otherwise they look like Stripe's own.
 */
export async function startStripeStandIn(options: { pagesOnLoopback?: boolean } = {}) {
	const requests: RecordedRequest[] = [];
	let portals = 0;
	/** payment intent → invoice, for GET /v1/invoice_payments. */
	const invoicesByPaymentIntent = new Map<string, string>();
	let sessions = 0;

	const server = createServer(async (req, res) => {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const url = new URL(req.url ?? '/', 'http://stand-in');
		const body = Buffer.concat(chunks).toString('utf8');
		const params = Object.fromEntries(new URLSearchParams(req.method === 'GET' ? url.search : body));
		requests.push({ method: req.method ?? '', path: url.pathname, params, headers: req.headers });
		const send = (status: number, value: unknown) => {
			res.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': `req_${requests.length}` });
			res.end(JSON.stringify(value));
		};

		const pageBase = options.pagesOnLoopback ? `http://127.0.0.1:${port}` : undefined;
		if (req.method === 'GET' && (url.pathname.startsWith('/c/pay/') || url.pathname.startsWith('/p/session/'))) {
			res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
			return res.end(`<!doctype html><html lang="en"><title>Stripe stand-in</title><h1>Stripe stand-in: ${url.pathname}</h1></html>`);
		}
		if (req.method === 'POST' && url.pathname === '/v1/billing_portal/sessions') {
			portals += 1;
			const id = `bps_test_${String(portals).padStart(6, '0')}`;
			return send(200, {
				id,
				object: 'billing_portal.session',
				configuration: 'bpc_test_standin',
				created: Math.floor(Date.now() / 1000),
				customer: params.customer,
				flow: null,
				livemode: false,
				locale: params.locale ?? null,
				on_behalf_of: null,
				return_url: params.return_url ?? null,
				url: `${pageBase ?? 'https://billing.stripe.com'}/p/session/${id}`
			});
		}
		if (req.method === 'POST' && url.pathname === '/v1/checkout/sessions') {
			if (req.headers.authorization !== 'Bearer sk_test_standin') {
				return send(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
			}
			sessions += 1;
			const id = `cs_test_${String(sessions).padStart(6, '0')}`;
			const metadata = Object.fromEntries(
				Object.entries(params)
					.filter(([k]) => k.startsWith('metadata['))
					.map(([k, v]) => [k.slice('metadata['.length, -1), v])
			);
			const amount = Number(params['line_items[0][price_data][unit_amount]']);
			return send(200, {
				id,
				object: 'checkout.session',
				url: `${pageBase ?? 'https://checkout.stripe.com'}/c/pay/${id}#stand-in`,
				mode: params.mode,
				status: 'open',
				payment_status: 'unpaid',
				amount_subtotal: amount,
				amount_total: amount,
				currency: params['line_items[0][price_data][currency]'],
				customer: null,
				customer_email: params.customer_email ?? null,
				locale: params.locale ?? null,
				metadata,
				payment_intent: null,
				subscription: null,
				invoice: null,
				submit_type: params.submit_type ?? null,
				success_url: params.success_url,
				cancel_url: params.cancel_url,
				created: Math.floor(Date.now() / 1000),
				expires_at: Math.floor(Date.now() / 1000) + 86400,
				livemode: false
			});
		}
		if (req.method === 'GET' && url.pathname === '/v1/invoice_payments') {
			const pi = url.searchParams.get('payment[payment_intent]') ?? '';
			const invoice = invoicesByPaymentIntent.get(pi);
			return send(200, {
				object: 'list',
				url: '/v1/invoice_payments',
				has_more: false,
				data: invoice
					? [{ id: `inpay_${pi}`, object: 'invoice_payment', invoice, payment: { type: 'payment_intent', payment_intent: pi }, status: 'paid' }]
					: []
			});
		}
		send(404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${url.pathname})` } });
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const port = (server.address() as AddressInfo).port;
	return {
		port,
		requests,
		invoicesByPaymentIntent,
		/** What the app needs to use this stand-in as Stripe: a test key, the webhook signing secret, and the API's address. */
		appEnv(webhookSecret: string): Record<string, string> {
			return { STRIPE_SECRET_KEY: 'sk_test_standin', STRIPE_WEBHOOK_SECRET: webhookSecret, STRIPE_API_BASE: `http://127.0.0.1:${port}` };
		},
		/** The real `stripe` package, pointed at this stand-in. */
		client(secretKey = 'sk_test_standin'): StripeClient {
			return createStripeClient(secretKey, { host: '127.0.0.1', port, protocol: 'http' });
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
