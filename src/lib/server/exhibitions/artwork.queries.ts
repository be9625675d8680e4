import type { Kysely } from 'kysely';
import type { Localized } from '$lib/i18n/locales';
import type { Database } from '$lib/server/db/schema';
import { parseArtworkImages, type ArtworkImage } from '$lib/server/shared/exhibition-columns';
import { parseLocalized } from '$lib/server/shared/localized-text';
import { licenceOf, type ArtworkLicence } from './artwork-licences';
import type { ArtistNaming, ExhibitionsContext } from './exhibitions.wiring';

export type { ArtworkImage };

export interface Artwork {
	id: number;
	title: Localized;
	artistIds: number[];
	year: number | null;
	medium: Localized;
	dimensions: string;
	description: Localized;
	images: ArtworkImage[];
	credit: string;
	licence: ArtworkLicence;
	updatedAt: string;
}

export const parseImages = parseArtworkImages;

export async function readArtwork(db: Kysely<Database>, id: number): Promise<Artwork | undefined> {
	const row = await db.selectFrom('artwork').selectAll().where('id', '=', id).executeTakeFirst();
	if (!row) return undefined;
	const artists = await db.selectFrom('artwork_artist').select('artist_id').where('artwork_id', '=', id).orderBy('position').execute();
	return {
		id: row.id,
		title: parseLocalized(row.title),
		artistIds: artists.map((a) => a.artist_id),
		year: row.year,
		medium: parseLocalized(row.medium),
		dimensions: row.dimensions,
		description: parseLocalized(row.description),
		images: parseImages(row.images),
		credit: row.credit,
		licence: licenceOf(row.licence),
		updatedAt: row.updated_at
	};
}

export interface ArtworkListItem {
	id: number;
	title: string;
	year: number | null;
	artists: string[];
	images: number;
	firstMediaId: number | null;
}

/** Every work for the admin, newest first, with its artists' names (staff see names whatever the consent). */
export async function listArtworks(db: Kysely<Database>, query = ''): Promise<ArtworkListItem[]> {
	const rows = await db.selectFrom('artwork').select(['id', 'title', 'year', 'images']).orderBy('id', 'desc').limit(500).execute();
	const links = rows.length
		? await db
				.selectFrom('artwork_artist')
				.innerJoin('artist', 'artist.id', 'artwork_artist.artist_id')
				.select(['artwork_artist.artwork_id', 'artist.name'])
				.where(
					'artwork_artist.artwork_id',
					'in',
					rows.map((r) => r.id)
				)
				.orderBy('artwork_artist.position')
				.execute()
		: [];
	const wanted = query.trim().toLowerCase();
	return rows
		.map((row) => {
			const images = parseImages(row.images);
			return {
				id: row.id,
				title: parseLocalized(row.title).en,
				year: row.year,
				artists: links.filter((l) => l.artwork_id === row.id).map((l) => l.name),
				images: images.length,
				firstMediaId: images[0]?.mediaId ?? null
			};
		})
		.filter((w) => wanted === '' || w.title.toLowerCase().includes(wanted));
}

/** The artists of the collective staff may credit, by name. */
export async function artistChoices(db: Kysely<Database>): Promise<{ id: number; name: string; slug: string }[]> {
	return db.selectFrom('artist').select(['id', 'name', 'slug']).orderBy('name').execute();
}

/** How the public sees each artist named (the collective's rule, wired in), by artist id. */
export async function artistCreditsOf(context: Pick<ExhibitionsContext, 'db' | 'artistCredit'>, ids: readonly number[]): Promise<Map<number, ArtistNaming>> {
	if (ids.length === 0) return new Map();
	const rows = await context.db
		.selectFrom('artist')
		.select(['id', 'name', 'slug', 'credit_wording', 'consent_directory', 'consent_photo', 'consent_city', 'consent_contact', 'consent_credit_name', 'consent_guardian', 'minor', 'hidden'])
		.where('id', 'in', [...new Set(ids)])
		.execute();
	return new Map(rows.map((row) => [row.id, context.artistCredit(row)]));
}

/** The artists of several works, in order, by work id. */
export async function artistIdsOfWorks(db: Kysely<Database>, artworkIds: readonly number[]): Promise<Map<number, number[]>> {
	const result = new Map<number, number[]>();
	if (artworkIds.length === 0) return result;
	const rows = await db.selectFrom('artwork_artist').select(['artwork_id', 'artist_id']).where('artwork_id', 'in', [...new Set(artworkIds)]).orderBy('position').execute();
	for (const row of rows) result.set(row.artwork_id, [...(result.get(row.artwork_id) ?? []), row.artist_id]);
	return result;
}
