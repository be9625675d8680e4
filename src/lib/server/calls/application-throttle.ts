import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { recordAttempt, type ThrottleVerdict } from '$lib/server/platform/throttle';

/*
 * How often one address and one network address may post anything that stores
 * something: save, submit, remove a file (which keeps the uploads and answers
 * sent with it), edit and withdraw. Every attempt counts, whatever its outcome:
 * a person fixing a form sends a handful, a script sends hundreds. Counted by
 * platform/throttle.ts, in the database, so every app process agrees.
 */
export const applicationThrottleRules = {
	windowMs: 15 * 60_000,
	/** Attempts for one applicant address within the window. */
	maxPerEmail: 20,
	/** Attempts from one network address within the window: generous, since a library or school shares one. */
	maxPerIp: 120
};

export type ApplicationThrottleVerdict = ThrottleVerdict;

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
	const email = attempt.email.trim().toLowerCase().slice(0, 254);
	return recordAttempt(
		db,
		{
			scope: 'application',
			windowMs: rules.windowMs,
			limits: [...(email ? [{ key: `email:${email}`, max: rules.maxPerEmail }] : []), { key: `ip:${attempt.ip}`, max: rules.maxPerIp }]
		},
		now
	);
}
