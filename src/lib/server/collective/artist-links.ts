import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { localizedPath } from '$lib/i18n/paths';

/*
 * An artist's private link, `/artists/profile/<token>`: the only key to their
 * profile (there is no password account). As for every private link here, the
 * token is only in the e-mail; the database keeps its SHA-256 hash. A new link
 * revokes the artist's older ones, so only the latest e-mail works.
 */

/** SHA-256 of a link's token, as stored (the same form as every private link's hash here). */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('base64url');
}

export const artistLinkLifetimeMs = 30 * 24 * 60 * 60_000;

/** Issues a new link for the artist, revoking the ones before it. */
export async function issueArtistLink(db: Kysely<Database>, artistId: number, now: Date): Promise<string> {
	const token = randomBytes(32).toString('base64url');
	const at = now.toISOString();
	await db.updateTable('artist_link').set({ revoked_at: at }).where('artist_id', '=', artistId).where('revoked_at', 'is', null).execute();
	await db
		.insertInto('artist_link')
		.values({ hash: hashToken(token), artist_id: artistId, expires_at: new Date(now.getTime() + artistLinkLifetimeMs).toISOString(), revoked_at: null, last_used_at: null, created_at: at })
		.execute();
	return token;
}

export type ArtistLinkState = { state: 'valid'; artistId: number } | { state: 'expired' | 'revoked' | 'unknown' };

/** What a link is worth now; a malformed, altered or never-issued token is `unknown`. */
export async function inspectArtistLink(db: Kysely<Database>, token: string, now: Date): Promise<ArtistLinkState> {
	if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { state: 'unknown' };
	const row = await db.selectFrom('artist_link').selectAll().where('hash', '=', hashToken(token)).executeTakeFirst();
	if (!row) return { state: 'unknown' };
	if (row.revoked_at) return { state: 'revoked' };
	if (Date.parse(row.expires_at) <= now.getTime()) return { state: 'expired' };
	return { state: 'valid', artistId: row.artist_id };
}

/** The private page's address, in the artist's language. */
export function artistProfileUrl(origin: string, locale: string, token: string): string {
	return `${origin.replace(/\/$/, '')}${localizedPath(`/artists/profile/${token}`, locale)}`;
}

/** A public profile's address in a language. */
export function artistPageUrl(origin: string, locale: string, slug: string): string {
	return `${origin.replace(/\/$/, '')}${localizedPath(`/artists/${slug}`, locale)}`;
}
