import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';

/*
 * How often one address and one network address may save or submit
 * applications. Every attempt counts, whatever its outcome: a person fixing a
 * form sends a handful, a script sends hundreds. Kept in the database, so every
 * app process agrees (the same pattern as people/sign-in-throttle.ts).
 */
export const applicationThrottleRules = {
	windowMs: 15 * 60_000,
	/** Attempts for one applicant address within the window. */
	maxPerEmail: 20,
	/** Attempts from one network address within the window: generous, since a library or school shares one. */
	maxPerIp: 120
};

export type ApplicationThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

async function countSince(db: Kysely<Database>, column: 'email' | 'ip', value: string, since: string): Promise<number> {
	const row = await db
		.selectFrom('application_attempt')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where(column, '=', value)
		.where('at', '>=', since)
		.executeTakeFirst();
	return Number(row?.count ?? 0);
}

/**
 * Records this attempt and says whether it may go ahead. An empty address (not
 * typed yet) counts only against the network address.
 */
export async function recordApplicationAttempt(
	db: Kysely<Database>,
	attempt: { email: string; ip: string },
	now = Date.now()
): Promise<ApplicationThrottleVerdict> {
	const rules = applicationThrottleRules;
	const since = new Date(now - rules.windowMs).toISOString();
	const email = attempt.email.trim().toLowerCase().slice(0, 254);
	const [byEmail, byIp] = await Promise.all([email ? countSince(db, 'email', email, since) : Promise.resolve(0), countSince(db, 'ip', attempt.ip, since)]);
	if (byEmail >= rules.maxPerEmail || byIp >= rules.maxPerIp) return { allowed: false, retryAfterMs: rules.windowMs };
	await db.insertInto('application_attempt').values({ email, ip: attempt.ip, at: new Date(now).toISOString() }).execute();
	return { allowed: true };
}

/** Attempts older than a day matter to nobody; the daily maintenance job clears them. */
export async function forgetOldApplicationAttempts(db: Kysely<Database>, now = Date.now()): Promise<void> {
	await db
		.deleteFrom('application_attempt')
		.where('at', '<', new Date(now - 24 * 60 * 60_000).toISOString())
		.execute();
}
