import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';

/**
 * Repeated failed sign-ins lock an address for a while, and one network address
 * may only try so often. Kept in the database, so every app process agrees.
 */
export const throttleRules = {
	windowMs: 15 * 60_000,
	/** Failures for one e-mail address within the window before it is locked. */
	maxFailuresPerEmail: 5,
	/** Attempts (any outcome) from one network address within the window. */
	maxAttemptsPerIp: 30
};

export type ThrottleVerdict = { allowed: true } | { allowed: false; reason: 'locked' | 'too-many'; retryAfterMs: number };

export async function checkSignInAllowed(
	db: Kysely<Database>,
	email: string,
	ip: string,
	now = Date.now()
): Promise<ThrottleVerdict> {
	const since = new Date(now - throttleRules.windowMs).toISOString();
	const normalized = email.trim().toLowerCase();
	const failures = await db
		.selectFrom('sign_in_attempt')
		.select(['at', 'succeeded'])
		.where('email', '=', normalized)
		.where('at', '>=', since)
		.orderBy('at', 'desc')
		.execute();
	// Only failures since the last success count.
	const lastSuccess = failures.findIndex((a) => a.succeeded === 1);
	const recentFailures = (lastSuccess === -1 ? failures : failures.slice(0, lastSuccess)).map((a) => a.at);
	if (recentFailures.length >= throttleRules.maxFailuresPerEmail) {
		const oldestCounted = recentFailures[throttleRules.maxFailuresPerEmail - 1]!;
		return { allowed: false, reason: 'locked', retryAfterMs: Date.parse(oldestCounted) + throttleRules.windowMs - now };
	}
	const fromIp = await db
		.selectFrom('sign_in_attempt')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('ip', '=', ip)
		.where('at', '>=', since)
		.executeTakeFirst();
	if (Number(fromIp?.count ?? 0) >= throttleRules.maxAttemptsPerIp) {
		return { allowed: false, reason: 'too-many', retryAfterMs: throttleRules.windowMs };
	}
	return { allowed: true };
}

export async function recordSignInAttempt(
	db: Kysely<Database>,
	attempt: { email: string; ip: string; succeeded: boolean },
	at = new Date().toISOString()
): Promise<void> {
	await db
		.insertInto('sign_in_attempt')
		.values({ email: attempt.email.trim().toLowerCase(), ip: attempt.ip, succeeded: attempt.succeeded ? 1 : 0, at })
		.execute();
}

/** Old attempts only matter for the window; a job may clear them. */
export async function forgetOldAttempts(db: Kysely<Database>, now = Date.now()): Promise<void> {
	await db
		.deleteFrom('sign_in_attempt')
		.where('at', '<', new Date(now - 24 * 60 * 60_000).toISOString())
		.execute();
}
