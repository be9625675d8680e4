import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { parseArtworkImages } from '$lib/server/shared/exhibition-columns';

/**
 * The photos published exhibitions show (covers and every image of their
 * works): what makes them public (media/published-media.ts). A work in no
 * published exhibition keeps its images private.
 */
export async function mediaInExhibitions(db: Kysely<Database>): Promise<number[]> {
	const [covers, works] = await Promise.all([
		db.selectFrom('exhibition').select('cover_media_id').where('cover_media_id', 'is not', null).execute(),
		db
			.selectFrom('artwork')
			.select('images')
			.where('id', 'in', db.selectFrom('exhibition_work').select('artwork_id'))
			.execute()
	]);
	return [...covers.map((c) => Number(c.cover_media_id)), ...works.flatMap((w) => parseArtworkImages(w.images).map((i) => i.mediaId))];
}
