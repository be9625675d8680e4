import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { recordAttempt, type ThrottleVerdict } from '$lib/server/platform/throttle';

/*
 * The collective's two public forms mail someone whoever fills them in: asking
 * for a new private link (to the address typed) and the relay form (to an
 * artist). These limits, counted by platform/throttle.ts in the database, keep
 * either from flooding one mailbox or from being a mail cannon for one network.
 */
export const artistThrottleRules = {
	windowMs: 60 * 60_000,
	/** New links asked for one address: a person who lost a few mails fits. */
	linkPerEmail: 3,
	linkPerIp: 30,
	/** Messages from one visitor's address, and to one artist, within the window. */
	relayPerEmail: 3,
	relayPerArtist: 10,
	relayPerIp: 20
};

export function recordLinkRequest(db: Kysely<Database>, attempt: { email: string; ip: string }, now = Date.now()): Promise<ThrottleVerdict> {
	const r = artistThrottleRules;
	const email = attempt.email.trim().toLowerCase().slice(0, 254);
	return recordAttempt(db, { scope: 'artist-link', windowMs: r.windowMs, limits: [...(email ? [{ key: `email:${email}`, max: r.linkPerEmail }] : []), { key: `ip:${attempt.ip}`, max: r.linkPerIp }] }, now);
}

export function recordRelayAttempt(db: Kysely<Database>, attempt: { email: string; ip: string; artistSlug: string }, now = Date.now()): Promise<ThrottleVerdict> {
	const r = artistThrottleRules;
	const email = attempt.email.trim().toLowerCase().slice(0, 254);
	return recordAttempt(
		db,
		{
			scope: 'artist-relay',
			windowMs: r.windowMs,
			limits: [
				...(email ? [{ key: `email:${email}`, max: r.relayPerEmail }] : []),
				{ key: `artist:${attempt.artistSlug}`, max: r.relayPerArtist },
				{ key: `ip:${attempt.ip}`, max: r.relayPerIp }
			]
		},
		now
	);
}
