import Stripe from 'stripe';
import type { Config } from '$lib/server/platform/config';

export type StripeClient = Stripe;

/** Where the client sends API requests; only tests change it (a stand-in for Stripe on loopback). */
export interface StripeEndpoint {
	host?: string;
	port?: number;
	protocol?: 'http' | 'https';
}

/** Donations need at least the secret key; without it /donate shows the other ways to give. */
export function isConfigured(config: Pick<Config, 'stripe'>): config is { stripe: NonNullable<Config['stripe']> } {
	return config.stripe !== undefined;
}

/** Webhooks also need the signing secret. */
export function webhookSecretOf(config: Pick<Config, 'stripe'>): string | undefined {
	return config.stripe?.webhookSecret;
}

export function createStripeClient(secretKey: string, endpoint: StripeEndpoint = {}): StripeClient {
	return new Stripe(secretKey, {
		// Checkout must answer while the donor waits; the client retries with an idempotency key.
		timeout: 15_000,
		maxNetworkRetries: 2,
		appInfo: { name: 'community-arts-platform' },
		...endpoint
	});
}

const clients = new Map<string, StripeClient>();

/** STRIPE_API_BASE ("http://127.0.0.1:12111") as the client's host, port and protocol. */
export function endpointOf(apiBase: string | undefined): StripeEndpoint {
	if (!apiBase) return {};
	const url = new URL(apiBase);
	const protocol = url.protocol === 'http:' ? 'http' : 'https';
	return { host: url.hostname, port: url.port ? Number(url.port) : protocol === 'http' ? 80 : 443, protocol };
}

/** One client per key (and API base) for the running app, or undefined when Stripe is not configured. */
export function stripeFor(config: Pick<Config, 'stripe'>): StripeClient | undefined {
	if (!config.stripe) return undefined;
	const key = `${config.stripe.secretKey} ${config.stripe.apiBase ?? ''}`;
	let client = clients.get(key);
	if (!client) {
		client = createStripeClient(config.stripe.secretKey, endpointOf(config.stripe.apiBase));
		clients.set(key, client);
	}
	return client;
}

/**
 * Where the donation forms send the browser on (a 303 after the POST): Stripe
 * Checkout and the customer portal, or the stand-in at STRIPE_API_BASE. The
 * Content-Security-Policy's form-action covers redirects after a form is posted,
 * so the donation pages allow these as well as 'self'.
 */
export function stripePageOrigins(config: Pick<Config, 'stripe'>): string[] {
	const origins = ['https://checkout.stripe.com', 'https://billing.stripe.com'];
	if (config.stripe?.apiBase) origins.push(new URL(config.stripe.apiBase).origin);
	return origins;
}
