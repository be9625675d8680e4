import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { hashToken } from './subscriber-tokens';

/*
 * Preferences and unsubscribe links go into every e-mail, including every copy
 * of a campaign sent to 50,000 people. Storing a fresh random token per e-mail
 * would write a row per copy and make older e-mails' links stop working, so these
 * two links are derived instead: an HMAC of the subscriber's id and address under
 * the app's secret. They are the same in every e-mail, unguessable without the
 * secret, and stop working when the subscriber is deleted (their hashes go with
 * the row). The address is part of the input so that a reused id never opens
 * someone else's preferences. Lookups go through the same hashed `subscriber_token`
 * rows as confirm links, so `inspectSubscriberToken` treats them alike.
 */

export type SubscriberLinkPurpose = 'preferences' | 'unsubscribe';

export interface SubscriberLinks {
	preferences: string;
	unsubscribe: string;
}

export function deriveSubscriberToken(
	secret: string,
	subscriber: { id: number; email: string },
	purpose: SubscriberLinkPurpose
): string {
	return createHmac('sha256', secret)
		.update(`newsletter-link\u0000${purpose}\u0000${subscriber.id}\u0000${subscriber.email.toLowerCase()}`)
		.digest('base64url');
}

export function subscriberLinkTokens(secret: string, subscriber: { id: number; email: string }): SubscriberLinks {
	return {
		preferences: deriveSubscriberToken(secret, subscriber, 'preferences'),
		unsubscribe: deriveSubscriberToken(secret, subscriber, 'unsubscribe')
	};
}

/**
 * Makes sure the links of these subscribers open (one statement for any number of
 * them; rows already there are left alone) and returns their tokens by id.
 */
export async function ensureSubscriberLinks(
	db: Kysely<Database>,
	secret: string,
	subscribers: readonly { id: number; email: string }[],
	now = Date.now()
): Promise<Map<number, SubscriberLinks>> {
	const links = new Map<number, SubscriberLinks>();
	if (subscribers.length === 0) return links;
	const at = new Date(now).toISOString();
	const rows = [];
	for (const subscriber of subscribers) {
		const tokens = subscriberLinkTokens(secret, subscriber);
		links.set(subscriber.id, tokens);
		for (const purpose of ['preferences', 'unsubscribe'] as const) {
			rows.push({
				hash: hashToken(tokens[purpose]),
				subscriber_id: subscriber.id,
				purpose,
				expires_at: null,
				used_at: null,
				created_at: at
			});
		}
	}
	// Chunks keep each statement under SQLite's and PostgreSQL's parameter limits.
	for (let i = 0; i < rows.length; i += 500) {
		await db
			.insertInto('subscriber_token')
			.values(rows.slice(i, i + 500))
			.onConflict((oc) => oc.column('hash').doNothing())
			.execute();
	}
	return links;
}

/** The page path for a language: English at the root, the others under their prefix. */
function localePrefix(locale: string): string {
	return locale === 'en' ? '' : `/${locale}`;
}

/** The addresses of a subscriber's private pages, in their language, under the public ORIGIN. */
export function subscriberLinkUrls(origin: string, locale: string, tokens: SubscriberLinks) {
	const base = `${origin.replace(/\/$/, '')}${localePrefix(locale)}/newsletter`;
	return {
		preferences: `${base}/preferences/${tokens.preferences}`,
		unsubscribe: `${base}/unsubscribe/${tokens.unsubscribe}`
	};
}

/**
 * RFC 2369 and RFC 8058 headers for every newsletter e-mail: the https address
 * takes a one-click POST; the mailto (the sender's own mailbox, read by staff)
 * is for clients that only know mail.
 */
export function listUnsubscribeHeaders(unsubscribeUrl: string, mailbox: string | null): Record<string, string> {
	const targets = [`<${unsubscribeUrl}>`];
	if (mailbox) targets.push(`<mailto:${mailbox}?subject=unsubscribe>`);
	return {
		'List-Unsubscribe': targets.join(', '),
		'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
	};
}

/** The bare address in `Name <a@b.org>` or `a@b.org`; null when there is none. */
export function mailboxOf(from: string): string | null {
	const match = /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(from.trim()) ?? /^([^<>\s]+@[^<>\s]+)$/.exec(from.trim());
	return match?.[1] ?? null;
}
