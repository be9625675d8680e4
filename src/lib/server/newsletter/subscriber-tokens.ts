import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, SubscriberTokenPurpose } from '$lib/server/db/schema';

/*
 * Links in newsletter e-mails. As for staff links, the token (32 random bytes,
 * base64url) is only in the e-mail; the database keeps its SHA-256 hash, so a
 * copy of the database opens no one's preferences.
 */

/** Confirmation links expire; preferences and unsubscribe links are in every e-mail and must keep working. */
export const tokenLifetimeMs: Record<SubscriberTokenPurpose, number | null> = {
	confirm: 7 * 24 * 60 * 60_000,
	preferences: null,
	unsubscribe: null
};

export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('base64url');
}

export function hashEmail(email: string): string {
	return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

/** A new link; earlier unused links of the same purpose for that subscriber stop working. */
export async function createSubscriberToken(
	db: Kysely<Database>,
	subscriberId: number,
	purpose: SubscriberTokenPurpose,
	now = Date.now()
): Promise<string> {
	const token = randomBytes(32).toString('base64url');
	const at = new Date(now).toISOString();
	const lifetime = tokenLifetimeMs[purpose];
	await db
		.updateTable('subscriber_token')
		.set({ used_at: at })
		.where('subscriber_id', '=', subscriberId)
		.where('purpose', '=', purpose)
		.where('used_at', 'is', null)
		.execute();
	await db
		.insertInto('subscriber_token')
		.values({
			hash: hashToken(token),
			subscriber_id: subscriberId,
			purpose,
			expires_at: lifetime === null ? null : new Date(now + lifetime).toISOString(),
			used_at: null,
			created_at: at
		})
		.execute();
	return token;
}

export type TokenState =
	| { state: 'valid'; subscriberId: number; purpose: SubscriberTokenPurpose }
	| { state: 'expired' | 'used'; subscriberId: number; purpose: SubscriberTokenPurpose }
	| { state: 'unknown' };

/** What a token is worth now. A malformed, altered or never-issued token is simply `unknown`. */
export async function inspectSubscriberToken(
	db: Kysely<Database>,
	token: string,
	purposes: readonly SubscriberTokenPurpose[],
	now = Date.now()
): Promise<TokenState> {
	if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { state: 'unknown' };
	const row = await db
		.selectFrom('subscriber_token')
		.selectAll()
		.where('hash', '=', hashToken(token))
		.executeTakeFirst();
	if (!row || !purposes.includes(row.purpose)) return { state: 'unknown' };
	const base = { subscriberId: row.subscriber_id, purpose: row.purpose };
	if (row.used_at) return { state: 'used', ...base };
	if (row.expires_at && Date.parse(row.expires_at) <= now) return { state: 'expired', ...base };
	return { state: 'valid', ...base };
}
