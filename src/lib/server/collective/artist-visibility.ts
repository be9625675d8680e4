import type { Localized } from '$lib/i18n/locales';
import type { ArtistRow } from '$lib/server/db/schema';
import { parseLocalized } from '$lib/server/shared/localized-text';

/*
 * What the public may see of an artist, from the consent the artist (and, for a
 * minor, a guardian) gave and from staff hiding. Every public page, feed, search
 * document, sitemap entry and credit asks here, so one rule decides.
 */

export type ArtistConsentColumns = Pick<
	ArtistRow,
	'consent_directory' | 'consent_photo' | 'consent_city' | 'consent_contact' | 'consent_credit_name' | 'consent_guardian' | 'minor' | 'hidden'
>;

/** A minor's choices count only with a guardian's consent. */
function choicesCount(row: ArtistConsentColumns): boolean {
	return Number(row.minor) === 0 || Number(row.consent_guardian) === 1;
}

/** The profile has its own public page and is in the directory, sitemap, search and feeds. */
export function isPublicProfile(row: ArtistConsentColumns): boolean {
	return Number(row.consent_directory) === 1 && Number(row.hidden) === 0 && choicesCount(row);
}

/** What a public profile shows beyond name, bio, practice, links and works. */
export function publicProfileParts(row: ArtistConsentColumns): { photo: boolean; city: boolean; contact: boolean } {
	const open = isPublicProfile(row);
	return {
		photo: open && Number(row.consent_photo) === 1,
		city: open && Number(row.consent_city) === 1,
		contact: open && Number(row.consent_contact) === 1
	};
}

/**
 * How credits (an initiative's, a work's, an exhibition's) name the artist:
 * linked to the profile when it is public; by name alone when the artist allows
 * being named though not listed; otherwise in the neutral wording staff chose
 * (`wording`, per language), or the site's own when staff chose none (null).
 */
export type ArtistCredit =
	| { kind: 'profile'; name: string; slug: string }
	| { kind: 'name'; name: string }
	| { kind: 'neutral'; wording: Localized | null };

export function artistCredit(row: ArtistConsentColumns & Pick<ArtistRow, 'name' | 'slug' | 'credit_wording'>): ArtistCredit {
	if (isPublicProfile(row)) return { kind: 'profile', name: row.name, slug: row.slug };
	if (Number(row.consent_credit_name) === 1 && choicesCount(row)) return { kind: 'name', name: row.name };
	const wording = parseLocalized(row.credit_wording);
	return { kind: 'neutral', wording: wording.en ? wording : null };
}
