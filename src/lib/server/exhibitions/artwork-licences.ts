/*
 * The licences a work may carry: a small fixed list, so that every work page
 * and IIIF manifest can name it and link to its text. "All rights reserved" has
 * no licence address: the manifest then says nothing under `rights`.
 */

export const artworkLicences = ['all-rights-reserved', 'cc-by-4.0', 'cc-by-sa-4.0', 'cc-by-nc-4.0', 'cc0-1.0'] as const;
export type ArtworkLicence = (typeof artworkLicences)[number];

/** The licence's usual name, the same in every language (Creative Commons names are not translated). */
export const licenceNames: Record<ArtworkLicence, string> = {
	'all-rights-reserved': 'All rights reserved',
	'cc-by-4.0': 'CC BY 4.0',
	'cc-by-sa-4.0': 'CC BY-SA 4.0',
	'cc-by-nc-4.0': 'CC BY-NC 4.0',
	'cc0-1.0': 'CC0 1.0'
};

/** The licence's text, as IIIF `rights` wants it; none for all rights reserved. */
export const licenceUris: Record<ArtworkLicence, string | null> = {
	'all-rights-reserved': null,
	'cc-by-4.0': 'http://creativecommons.org/licenses/by/4.0/',
	'cc-by-sa-4.0': 'http://creativecommons.org/licenses/by-sa/4.0/',
	'cc-by-nc-4.0': 'http://creativecommons.org/licenses/by-nc/4.0/',
	'cc0-1.0': 'http://creativecommons.org/publicdomain/zero/1.0/'
};

export function isArtworkLicence(value: unknown): value is ArtworkLicence {
	return typeof value === 'string' && (artworkLicences as readonly string[]).includes(value);
}

/** A stored licence key read forgivingly: anything unknown counts as all rights reserved. */
export function licenceOf(value: string): ArtworkLicence {
	return isArtworkLicence(value) ? value : 'all-rights-reserved';
}
