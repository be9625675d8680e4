import type { Kysely } from 'kysely';
import { locales } from '$lib/i18n/locales';
import type { Database } from '$lib/server/db/schema';
import { removeSearchDocuments, replaceSearchDocuments } from '$lib/server/db/search';
import { countryName } from '$lib/server/shared/countries';
import { parseLocalized } from '$lib/server/shared/localized-text';
import { isPublicProfile, publicProfileParts } from './artist-visibility';

/*
 * What the site's search finds of an artist: a public profile's name, bio,
 * practice and (with consent) city, one document per language its bio is
 * written in. Rewritten in every transaction that changes the profile or its
 * consent, so a withdrawn profile leaves the search with the withdrawal.
 */
export async function indexArtist(db: Kysely<Database>, artistId: number): Promise<void> {
	const row = await db.selectFrom('artist').selectAll().where('id', '=', artistId).executeTakeFirst();
	const key = String(artistId);
	if (!row || !isPublicProfile(row)) return removeSearchDocuments(db, 'artist', key);
	const bio = parseLocalized(row.bio);
	const mediums = JSON.parse(row.mediums) as string[];
	const parts = publicProfileParts(row);
	const written = locales.filter((l) => l === 'en' || (bio[l] ?? '').trim() !== '');
	await replaceSearchDocuments(
		db,
		'artist',
		key,
		written.map((locale) => ({
			locale,
			path: `/artists/${row.slug}`,
			title: row.name,
			text: [bio[locale] || bio.en, mediums.join(' '), parts.city ? row.city : '', row.country ? countryName(row.country, locale) : ''].filter(Boolean).join('\n')
		}))
	);
}
