import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { writeLiveItem, type RowData } from '$lib/server/content/content-items';
import { checkItemData, newItemKey } from '$lib/server/content/revisions.service';
import { artworkSchema } from '$lib/server/exhibitions/artwork.service';
import { stringifyLocalized } from '$lib/server/shared/localized-text';
import { queueDemoArtworks } from './demo-artwork-photos';
import { demoExhibitions } from './demo-content-exhibitions';

const dayMs = 24 * 60 * 60_000;

/**
 * The demo's works and exhibitions, in the seed's transaction: each work's
 * picture is drawn by the jobs queue after the start (when `photos`), each work
 * checked as staff's input is, each exhibition written by the content domain's
 * own writer. Artists are looked up by their address; a credit whose artist is
 * not in the collective (yet) is left out, so this seed needs no other.
 */
export async function seedDemoExhibitions(trx: Kysely<Database>, now: string, photos: boolean): Promise<void> {
	const works = demoExhibitions.flatMap((e) => e.works);
	const mediaIds = photos ? await queueDemoArtworks(trx, now, works.map((w) => ({ key: w.key, style: w.style, seed: w.seed, alt: w.alt }))) : new Map<string, number>();
	const slugs = [...new Set([...works.flatMap((w) => w.artists), ...demoExhibitions.flatMap((e) => e.curators)])];
	const artistIds = new Map((await trx.selectFrom('artist').select(['id', 'slug']).where('slug', 'in', slugs).execute()).map((a) => [a.slug, a.id]));
	const initiatives = new Map((await trx.selectFrom('initiative').select(['id', 'slug']).execute()).map((i) => [i.slug, i.id]));

	const artworkIds = new Map<string, number>();
	for (const work of works) {
		const mediaId = mediaIds.get(work.key);
		const checked = artworkSchema.parse({
			title: work.title,
			artistIds: work.artists.flatMap((slug) => (artistIds.has(slug) ? [artistIds.get(slug)!] : [])),
			year: work.year,
			medium: work.medium,
			dimensions: work.dimensions,
			description: work.description,
			images: mediaId ? [{ mediaId, alt: work.alt }] : [],
			credit: work.credit,
			licence: work.licence
		});
		const row = await trx
			.insertInto('artwork')
			.values({
				title: stringifyLocalized(checked.title),
				year: checked.year,
				medium: stringifyLocalized(checked.medium),
				dimensions: checked.dimensions,
				description: stringifyLocalized(checked.description),
				images: JSON.stringify(checked.images),
				credit: checked.credit,
				licence: checked.licence,
				created_by: null,
				created_at: now,
				updated_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		if (checked.artistIds.length > 0) {
			await trx
				.insertInto('artwork_artist')
				.values(checked.artistIds.map((artist_id, position) => ({ artwork_id: row.id, artist_id, position })))
				.execute();
		}
		artworkIds.set(work.key, row.id);
	}

	const seedMs = Date.parse(now);
	const day = (days: number) => new Date(seedMs + days * dayMs).toISOString().slice(0, 10);
	for (const exhibition of demoExhibitions) {
		const data = {
			title: exhibition.title,
			slug: exhibition.slug,
			summary: exhibition.summary,
			curatorial_text: exhibition.curatorialText,
			languages: ['en', 'ne', 'id', 'es'],
			curator_ids: exhibition.curators.flatMap((slug) => (artistIds.has(slug) ? [artistIds.get(slug)!] : [])),
			curator_names: exhibition.curatorNames,
			opens_on: exhibition.opensOn ?? day(exhibition.opensInDays ?? 0),
			closes_on: exhibition.closesInDays === null ? '' : day(exhibition.closesInDays),
			permanent: exhibition.permanent,
			cover_media_id: mediaIds.get(exhibition.works[0]!.key) ?? 0,
			initiative_id: (exhibition.initiativeSlug && initiatives.get(exhibition.initiativeSlug)) || 0,
			sections: exhibition.sections.map((s): RowData => ({ key: s.key, title: s.title })),
			works: exhibition.works.map((w): RowData => ({ artwork_id: artworkIds.get(w.key)!, caption: w.caption, section_key: w.section }))
		};
		await writeLiveItem(trx, 'exhibition', newItemKey(), checkItemData('exhibition', data), now);
	}
}
