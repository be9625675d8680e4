import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';

/** How often a session's last use is written down: often enough for the idle limit, not on every click. */
const markUseEveryMs = 60_000;

/**
 * A staff session left unused for longer than the idle limit ends: it is
 * deleted, so it cannot be used again. One still in use is marked as used now.
 * Its `updatedAt` is its last use (better-auth sets it too, when it renews a
 * session); better-auth's own expiry stays the upper bound.
 */
export async function keepSessionAlive(
	db: Kysely<Database>,
	session: { token: string; updatedAt: Date },
	idleLimitMs: number,
	now = Date.now()
): Promise<'active' | 'idle'> {
	const unusedFor = now - session.updatedAt.getTime();
	if (unusedFor > idleLimitMs) {
		await db.deleteFrom('session').where('token', '=', session.token).execute();
		return 'idle';
	}
	if (unusedFor > markUseEveryMs) {
		await db.updateTable('session').set({ updatedAt: new Date(now) }).where('token', '=', session.token).execute();
	}
	return 'active';
}
