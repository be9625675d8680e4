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

/** One client per key for the running app, or undefined when Stripe is not configured. */
export function stripeFor(config: Pick<Config, 'stripe'>): StripeClient | undefined {
	if (!config.stripe) return undefined;
	let client = clients.get(config.stripe.secretKey);
	if (!client) {
		client = createStripeClient(config.stripe.secretKey);
		clients.set(config.stripe.secretKey, client);
	}
	return client;
}
