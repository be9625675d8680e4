import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';

/**
 * The covers of the calls the public sees (open or closed, never a draft): what
 * makes those photos public (media/published-media.ts). A draft's cover stays private.
 */
export async function coversOfPublicCalls(db: Kysely<Database>): Promise<number[]> {
	const rows = await db.selectFrom('open_call').select('cover_media_id').where('status', '!=', 'draft').where('cover_media_id', 'is not', null).execute();
	return rows.map((row) => Number(row.cover_media_id));
}
