import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';

/*
 * How often something may be done within a window: applications saved, sign-up
 * e-mails sent. Kept in the database, so every app process agrees. An attempt
 * counts against several limits at once (the address it is for, the network
 * address it came from, the whole site), each a `key` within the limit's `scope`.
 *
 * The attempt is written first and counted after, each statement on its own:
 * whatever runs at the same moment, an attempt counts every one written before
 * its count, so no number of simultaneous requests gets past a limit. One that
 * is refused takes its rows back, so refusals never lock anyone out for longer.
 */

export interface ThrottleLimit {
	/** Whose attempts: `ip:192.0.2.7`, `email:ana@example.org`, `site`. */
	key: string;
	/** Attempts allowed within the window. */
	max: number;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/** Keys longer than this are cut: an address typed by anyone must not make rows of any size. */
const maxKeyLength = 300;

/** Records one attempt against each limit and says whether it may go ahead. */
export async function recordAttempt(
	db: Kysely<Database>,
	/** `windowMs`: at most a day, since older attempts are cleared. */
	attempt: { scope: string; windowMs: number; limits: readonly ThrottleLimit[] },
	now = Date.now()
): Promise<ThrottleVerdict> {
	const { scope, windowMs } = attempt;
	const limits = attempt.limits.map((limit) => ({ ...limit, key: limit.key.slice(0, maxKeyLength) }));
	if (limits.length === 0) return { allowed: true };
	const at = new Date(now).toISOString();
	const since = new Date(now - windowMs).toISOString();
	const written = await db
		.insertInto('throttle_attempt')
		.values(limits.map((limit) => ({ scope, key: limit.key, at })))
		.returning('id')
		.execute();
	const counts = await Promise.all(
		limits.map(async (limit) => {
			const row = await db
				.selectFrom('throttle_attempt')
				.select((eb) => eb.fn.countAll<number>().as('count'))
				.where('scope', '=', scope)
				.where('key', '=', limit.key)
				.where('at', '>=', since)
				.executeTakeFirst();
			return Number(row?.count ?? 0);
		})
	);
	if (limits.every((limit, i) => counts[i]! <= limit.max)) return { allowed: true };
	await db
		.deleteFrom('throttle_attempt')
		.where('id', 'in', written.map((row) => row.id))
		.execute();
	return { allowed: false, retryAfterMs: windowMs };
}

/** Attempts older than a day matter to no limit (no window is longer); the daily maintenance job clears them. */
export async function forgetOldThrottleAttempts(db: Kysely<Database>, now = Date.now()): Promise<void> {
	await db
		.deleteFrom('throttle_attempt')
		.where('at', '<', new Date(now - 24 * 60 * 60_000).toISOString())
		.execute();
}
