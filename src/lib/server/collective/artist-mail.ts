import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { baseLocale, isLocale, type Locale } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages';
import type { ArtistRow, Database } from '$lib/server/db/schema';
import type { SiteMail } from '$lib/server/platform/domain-context';
import { composeMail } from '$lib/server/platform/mail/mail-blocks';
import { findOrganization } from '$lib/server/shared/organization';
import { artistPageUrl, artistProfileUrl, hashToken } from './artist-links';

/*
 * The collective's e-mails to an artist, in the artist's language, queued in
 * the caller's transaction through the jobs queue (so each goes out once): the
 * private link to their profile, and a visitor's message relayed from the
 * public profile (with Reply-To the visitor, so the artist's address stays theirs).
 */

export interface ArtistMail {
	/** The private link; `why` says whether staff invited them or they asked for it. */
	profileLink(db: Kysely<Database>, artist: ArtistRow, token: string, why: 'invite' | 'asked'): Promise<void>;
	/** A visitor's message, relayed. */
	relay(db: Kysely<Database>, artist: ArtistRow, message: { name: string; email: string; text: string }): Promise<void>;
}

function localeOf(artist: ArtistRow): Locale {
	return isLocale(artist.locale) ? artist.locale : baseLocale;
}

async function siteName(db: Kysely<Database>): Promise<string> {
	return (await findOrganization(db))?.name ?? 'Community arts';
}

export function createArtistMail({ mailer, origin }: SiteMail): ArtistMail {
	return {
		async profileLink(db, artist, token, why) {
			const locale = localeOf(artist);
			const o = { locale };
			const site = await siteName(db);
			const footer = m.mail_artist_footer({ site }, o);
			const message = composeMail(locale, m.mail_artist_link_subject({ site }, o), footer, [
				{ text: m.mail_artist_link_greeting({ name: artist.name }, o) },
				{ text: why === 'invite' ? m.mail_artist_link_invite({ site }, o) : m.mail_artist_link_asked({ site }, o) },
				{ button: m.mail_artist_link_button({}, o), href: artistProfileUrl(origin, locale, token) },
				{ text: m.mail_artist_link_expiry({}, o) }
			]);
			// One message per link: the token's hash names it, so a retried command never sends it twice.
			await mailer.queue(db, { idempotencyKey: `artist-link:${hashToken(token)}`, to: artist.email, locale, ...message });
		},

		async relay(db, artist, visitor) {
			const locale = localeOf(artist);
			const o = { locale };
			const site = await siteName(db);
			const footer = m.mail_artist_footer({ site }, o);
			const message = composeMail(locale, m.mail_artist_relay_subject({ name: visitor.name }, o), footer, [
				{ text: m.mail_artist_relay_intro({ name: visitor.name, site }, o) },
				{ text: visitor.text },
				{ text: m.mail_artist_relay_reply({}, o) },
				{ lines: [{ label: m.mail_artist_relay_profile({}, o), href: artistPageUrl(origin, locale, artist.slug) }] }
			]);
			await mailer.queue(db, { idempotencyKey: `artist-relay:${artist.id}:${randomUUID()}`, to: artist.email, replyTo: visitor.email, locale, ...message });
		}
	};
}
