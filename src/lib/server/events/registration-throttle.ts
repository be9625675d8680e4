import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { recordAttempt, type ThrottleVerdict } from '$lib/server/platform/throttle';

/*
 * Every registration e-mails the address typed, whoever typed it. These limits
 * keep the public form from flooding one address or from mailing many strangers
 * from one network address: so many registrations per address and per network
 * address within the window, whatever their outcome (counted by
 * platform/throttle.ts, in the database, so every app process agrees).
 */
export const registrationThrottleRules = {
	windowMs: 60 * 60_000,
	/** Registrations for one e-mail address within the window: a person registering for a few sessions fits. */
	maxPerEmail: 5,
	/** Registrations from one network address within the window: generous, since a school or a café shares one. */
	maxPerIp: 60
};

/** Records one registration attempt and says whether it may go ahead; an empty address counts only against the network address. */
export function recordRegistrationAttempt(db: Kysely<Database>, attempt: { email: string; ip: string }, now = Date.now()): Promise<ThrottleVerdict> {
	const rules = registrationThrottleRules;
	const email = attempt.email.trim().toLowerCase().slice(0, 254);
	return recordAttempt(
		db,
		{
			scope: 'event-registration',
			windowMs: rules.windowMs,
			limits: [...(email ? [{ key: `email:${email}`, max: rules.maxPerEmail }] : []), { key: `ip:${attempt.ip}`, max: rules.maxPerIp }]
		},
		now
	);
}
