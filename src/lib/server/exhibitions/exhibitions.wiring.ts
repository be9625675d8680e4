import type { Locale, Localized } from '$lib/i18n/locales';
import type { ArtistRow } from '$lib/server/db/schema';
import type { DomainContext } from '$lib/server/platform/domain-context';
import type { PictureData, PictureOptions } from '$lib/server/shared/picture';

/** An artist's row as the rule of what the public sees of an artist reads it. */
export type ArtistCreditRow = Pick<
	ArtistRow,
	'name' | 'slug' | 'credit_wording' | 'consent_directory' | 'consent_photo' | 'consent_city' | 'consent_contact' | 'consent_credit_name' | 'consent_guardian' | 'minor' | 'hidden'
>;

/** How a credit names an artist: linked to the profile, by name, or in neutral wording (null: the site's own). */
export type ArtistNaming = { kind: 'profile'; name: string; slug: string } | { kind: 'name'; name: string } | { kind: 'neutral'; wording: Localized | null };

/** What the exhibitions domain works with, wired once in app.ts; routes pass `app().exhibitions`. */
export interface ExhibitionsContext extends DomainContext {
	/** The collective's one rule for naming an artist (collective/artist-visibility.ts `artistCredit`). */
	readonly artistCredit: (row: ArtistCreditRow) => ArtistNaming;
	/** The <picture> of a photo of the media library, nothing while it is not ready (media/page-picture.ts). */
	readonly picture: (mediaId: number | null | undefined, locale: Locale, options: PictureOptions) => Promise<PictureData | undefined>;
}

export function createExhibitionsContext(base: DomainContext, others: Pick<ExhibitionsContext, 'artistCredit' | 'picture'>): ExhibitionsContext {
	return { ...base, artistCredit: others.artistCredit, picture: others.picture };
}
