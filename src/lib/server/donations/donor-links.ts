import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isLocale, type Locale } from '$lib/i18n/locales';
import type { Database } from '$lib/server/db/schema';
import { activeSubscriptionsByEmail } from './donations.queries';
import type { DonationsContext } from './donations.wiring';

/*
 * Monthly donors' self-service: a donor asks for a link by e-mail; when the
 * address has an active monthly gift, a one-time link (valid for a day) is
 * e-mailed in the donor's language. Opening it and pressing the button creates a
 * Stripe customer portal session. Only a hash of the token is stored. The page
 * answers the same whether or not the address gives monthly, so it tells no one
 * who donates.
 */

export const donorLinkLifetimeMs = 24 * 60 * 60_000;
/** At most one link per address in this time, so the form cannot be used to flood someone's inbox. */
export const donorLinkCooldownMs = 5 * 60_000;

function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('base64url');
}

/**
 * Sends a portal link when `email` has an active monthly gift with a Stripe
 * customer. Returns what happened, for logs and tests only: the page never says.
 */
export async function requestDonorLink(donations: DonationsContext, input: { email: string }): Promise<'sent' | 'none' | 'recently-sent'> {
	const { db } = donations;
	const now = donations.clock().getTime();
	const email = input.email.trim().toLowerCase();
	const subscription = (await activeSubscriptionsByEmail(db, email)).find((s) => s.stripe_customer_id);
	if (!subscription?.stripe_customer_id) return 'none';
	const recent = await db
		.selectFrom('donor_link')
		.select('token_hash')
		.where('donor_email', '=', email)
		.where('created_at', '>', new Date(now - donorLinkCooldownMs).toISOString())
		.executeTakeFirst();
	if (recent) return 'recently-sent';

	const locale: Locale = isLocale(subscription.donor_locale) ? subscription.donor_locale : 'en';
	const token = randomBytes(32).toString('base64url');
	await donations.db.transaction().execute(async (trx) => {
		await trx
			.insertInto('donor_link')
			.values({
				token_hash: hashToken(token),
				donor_email: email,
				stripe_customer_id: subscription.stripe_customer_id!,
				locale,
				expires_at: new Date(now + donorLinkLifetimeMs).toISOString(),
				used_at: null,
				created_at: new Date(now).toISOString()
			})
			.execute();
		await donations.mail.donorLink(trx, { to: email, locale, token, key: `donor-link:${hashToken(token)}` });
	});
	return 'sent';
}

export type DonorLinkState = { state: 'valid'; customerId: string; locale: Locale } | { state: 'expired' | 'used' | 'unknown' };

/** What a link is now, without using it. */
export async function inspectDonorLink(db: Kysely<Database>, token: string, now = Date.now()): Promise<DonorLinkState> {
	if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { state: 'unknown' };
	const row = await db.selectFrom('donor_link').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
	if (!row) return { state: 'unknown' };
	if (row.used_at) return { state: 'used' };
	if (Date.parse(row.expires_at) <= now) return { state: 'expired' };
	return { state: 'valid', customerId: row.stripe_customer_id, locale: isLocale(row.locale) ? row.locale : 'en' };
}

/** Uses the link once: its customer, or the reason it cannot be used (someone else used it first, it expired). */
export async function consumeDonorLink(db: Kysely<Database>, token: string, now = Date.now()): Promise<DonorLinkState> {
	const state = await inspectDonorLink(db, token, now);
	if (state.state !== 'valid') return state;
	const result = await db
		.updateTable('donor_link')
		.set({ used_at: new Date(now).toISOString() })
		.where('token_hash', '=', hashToken(token))
		.where('used_at', 'is', null)
		.where('expires_at', '>', new Date(now).toISOString())
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1 ? state : { state: 'used' };
}
