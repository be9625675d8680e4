import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { recordAttempt, type ThrottleVerdict } from '$lib/server/platform/throttle';

/*
 * Every sign-up may e-mail the address typed, whoever typed it. The sign-up
 * cooldown keeps one address from being flooded; these limits keep the form from
 * mailing many strangers: so many sign-ups per hour from one network address,
 * and so many for the whole site, which no number of machines gets past (staff
 * set both: NEWSLETTER_SIGNUPS_PER_IP, NEWSLETTER_SIGNUPS_PER_HOUR). Every
 * sign-up counts, whatever it sends.
 */

export const signUpWindowMs = 60 * 60_000;

export interface SignUpLimits {
	/** Sign-ups per hour from one network address: a class on one school's network should fit. */
	perIp: number;
	/** Sign-ups per hour for the whole site. */
	site: number;
}

/** Records one sign-up from `ip` and says whether it may go ahead. */
export function recordSignUpAttempt(db: Kysely<Database>, ip: string, limits: SignUpLimits, now = Date.now()): Promise<ThrottleVerdict> {
	return recordAttempt(
		db,
		{
			scope: 'newsletter-sign-up',
			windowMs: signUpWindowMs,
			limits: [
				{ key: `ip:${ip}`, max: limits.perIp },
				{ key: 'site', max: limits.site }
			]
		},
		now
	);
}
