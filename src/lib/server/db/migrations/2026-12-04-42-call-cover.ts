import type { Kysely } from 'kysely';

/*
 * A cover photo per open call, from the media library: shown on the call's
 * public page and in the list of calls, and shared as its image. Null for none.
 * No foreign key, as for the archive's covers: a photo deleted from the library
 * leaves the call without a cover (pages skip a photo that is gone).
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('open_call').addColumn('cover_media_id', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('open_call').dropColumn('cover_media_id').execute();
}
