import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { lockKeysForTransaction } from '$lib/server/db/row-lock';
import type { Database } from '$lib/server/db/schema';

/**
 * Repeated failed sign-ins lock an address for a while, and one network address
 * may only try so often. Kept in the database, so every app process agrees.
 * The same counts hold for every check of a person's password (the sign-in
 * form, and the account page when changing the password or two-step sign-in).
 */
export const throttleRules = {
	windowMs: 15 * 60_000,
	/** Failures for one e-mail address within the window before it is locked. */
	maxFailuresPerEmail: 5,
	/** Attempts (any outcome) from one network address within the window. */
	maxAttemptsPerIp: 30
};

export type ThrottleVerdict =
	| { allowed: true; attemptId: string }
	| { allowed: false; reason: 'locked' | 'too-many'; retryAfterMs: number };

const normalized = (email: string) => email.trim().toLowerCase();

/**
 * Records an attempt before its password is checked, as a failure until
 * `markAttemptSucceeded` says otherwise, and says whether the check may go
 * ahead. Attempts for the same address or from the same network address take
 * turns here, so however many arrive at once, no more passwords are checked
 * than the limits allow.
 */
export async function reserveSignInAttempt(
	db: Kysely<Database>,
	attempt: { email: string; ip: string },
	now = Date.now()
): Promise<ThrottleVerdict> {
	const email = normalized(attempt.email);
	return db.transaction().execute(async (trx) => {
		await lockKeysForTransaction(trx, [`sign-in:email:${email}`, `sign-in:ip:${attempt.ip}`]);
		const refusal = await refusalFor(trx, email, attempt.ip, now);
		if (refusal) return refusal;
		const attemptId = randomUUID();
		await trx
			.insertInto('sign_in_attempt')
			.values({ id: attemptId, email, ip: attempt.ip, succeeded: 0, at: new Date(now).toISOString() })
			.execute();
		return { allowed: true as const, attemptId };
	});
}

async function refusalFor(trx: Transaction<Database>, email: string, ip: string, now: number) {
	const since = new Date(now - throttleRules.windowMs).toISOString();
	const attempts = await trx
		.selectFrom('sign_in_attempt')
		.select(['at', 'succeeded'])
		.where('email', '=', email)
		.where('at', '>=', since)
		.orderBy('at', 'desc')
		.execute();
	// Only failures since the last success count.
	const lastSuccess = attempts.findIndex((a) => a.succeeded === 1);
	const recentFailures = (lastSuccess === -1 ? attempts : attempts.slice(0, lastSuccess)).map((a) => a.at);
	if (recentFailures.length >= throttleRules.maxFailuresPerEmail) {
		const oldestCounted = recentFailures[throttleRules.maxFailuresPerEmail - 1]!;
		return { allowed: false as const, reason: 'locked' as const, retryAfterMs: Date.parse(oldestCounted) + throttleRules.windowMs - now };
	}
	const fromIp = await trx
		.selectFrom('sign_in_attempt')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('ip', '=', ip)
		.where('at', '>=', since)
		.executeTakeFirst();
	if (Number(fromIp?.count ?? 0) >= throttleRules.maxAttemptsPerIp) {
		return { allowed: false as const, reason: 'too-many' as const, retryAfterMs: throttleRules.windowMs };
	}
	return undefined;
}

/** The password was right: the failures of this address before it no longer count. */
export async function markAttemptSucceeded(db: Kysely<Database>, attemptId: string): Promise<void> {
	await db.updateTable('sign_in_attempt').set({ succeeded: 1 }).where('id', '=', attemptId).execute();
}

/**
 * The "forgot your password" form sends e-mail, so one address gets at most one
 * link every few minutes and a handful an hour, and one network address may ask
 * for so many an hour, whatever the addresses it types.
 */
export const resetRules = {
	windowMs: 60 * 60_000,
	minIntervalPerEmailMs: 5 * 60_000,
	maxPerEmailPerHour: 3,
	maxPerIpPerHour: 10
};

/** `address-waits`: this address asked recently enough; `too-many`: this network address asked too often. */
export type ResetVerdict = 'allowed' | 'address-waits' | 'too-many';

/**
 * Records a reset request when it may go ahead. It counts whether or not the
 * address has an account, so the limits behave the same for both.
 */
export async function reservePasswordResetRequest(
	db: Kysely<Database>,
	request: { email: string; ip: string },
	now = Date.now()
): Promise<ResetVerdict> {
	const email = normalized(request.email);
	return db.transaction().execute(async (trx) => {
		await lockKeysForTransaction(trx, [`reset:email:${email}`, `reset:ip:${request.ip}`]);
		const since = new Date(now - resetRules.windowMs).toISOString();
		const fromIp = await trx
			.selectFrom('password_reset_request')
			.select((eb) => eb.fn.countAll<number>().as('count'))
			.where('ip', '=', request.ip)
			.where('at', '>=', since)
			.executeTakeFirst();
		if (Number(fromIp?.count ?? 0) >= resetRules.maxPerIpPerHour) return 'too-many';
		const forEmail = await trx
			.selectFrom('password_reset_request')
			.select('at')
			.where('email', '=', email)
			.where('at', '>=', since)
			.orderBy('at', 'desc')
			.execute();
		const latest = forEmail[0] ? Date.parse(forEmail[0].at) : -Infinity;
		if (forEmail.length >= resetRules.maxPerEmailPerHour || now - latest < resetRules.minIntervalPerEmailMs) return 'address-waits';
		await trx.insertInto('password_reset_request').values({ email, ip: request.ip, at: new Date(now).toISOString() }).execute();
		return 'allowed';
	});
}

/** Old attempts and reset requests only matter for their window; the daily job clears them. */
export async function forgetOldAttempts(db: Kysely<Database>, now = Date.now()): Promise<void> {
	const dayAgo = new Date(now - 24 * 60 * 60_000).toISOString();
	await db.deleteFrom('sign_in_attempt').where('at', '<', dayAgo).execute();
	await db.deleteFrom('password_reset_request').where('at', '<', dayAgo).execute();
}
