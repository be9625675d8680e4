import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';

export type LinkPurpose = 'invitation' | 'password-reset';

export const linkLifetimeMs: Record<LinkPurpose, number> = {
	invitation: 7 * 24 * 60 * 60_000,
	'password-reset': 60 * 60_000
};

export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('base64url');
}

/** A new one-time link; earlier unused links of the same purpose for that person stop working. */
export async function createStaffLink(
	db: Kysely<Database>,
	input: { userId: string; purpose: LinkPurpose; createdBy?: string | null },
	now = Date.now()
): Promise<string> {
	const token = randomBytes(32).toString('base64url');
	await db
		.updateTable('staff_link')
		.set({ used_at: new Date(now).toISOString() })
		.where('user_id', '=', input.userId)
		.where('purpose', '=', input.purpose)
		.where('used_at', 'is', null)
		.execute();
	await db
		.insertInto('staff_link')
		.values({
			token_hash: hashToken(token),
			purpose: input.purpose,
			user_id: input.userId,
			expires_at: new Date(now + linkLifetimeMs[input.purpose]).toISOString(),
			used_at: null,
			created_by: input.createdBy ?? null,
			created_at: new Date(now).toISOString()
		})
		.execute();
	return token;
}

export type LinkState =
	| { state: 'valid'; userId: string; purpose: LinkPurpose }
	| { state: 'expired' | 'used'; userId: string; purpose: LinkPurpose }
	| { state: 'unknown' };

export async function inspectStaffLink(db: Kysely<Database>, token: string, now = Date.now()): Promise<LinkState> {
	if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { state: 'unknown' };
	const row = await db.selectFrom('staff_link').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
	if (!row) return { state: 'unknown' };
	const base = { userId: row.user_id, purpose: row.purpose };
	if (row.used_at) return { state: 'used', ...base };
	if (Date.parse(row.expires_at) <= now) return { state: 'expired', ...base };
	return { state: 'valid', ...base };
}

/** Marks the link used; false when someone else used it first (two tabs, a double submit). */
export async function consumeStaffLink(db: Kysely<Database>, token: string, now = Date.now()): Promise<boolean> {
	const result = await db
		.updateTable('staff_link')
		.set({ used_at: new Date(now).toISOString() })
		.where('token_hash', '=', hashToken(token))
		.where('used_at', 'is', null)
		.where('expires_at', '>', new Date(now).toISOString())
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}
