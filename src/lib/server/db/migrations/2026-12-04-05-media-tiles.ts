import type { Kysely } from 'kysely';

/*
 * A photo's image service (IIIF Image API 3, level 0): static tiles and an
 * info.json made at processing time, so that a deep-zoom viewer can show the
 * photo at full size. The columns say that the tiles exist and what info.json
 * describes, so that a manifest can be written without reading files. Null
 * until the tiles are stored: photos made before this get theirs from a
 * backfill job, made from their largest variant.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('media').addColumn('iiif_width', 'integer').execute();
	await db.schema.alterTable('media').addColumn('iiif_height', 'integer').execute();
	await db.schema.alterTable('media').addColumn('iiif_tile_size', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('media').dropColumn('iiif_tile_size').execute();
	await db.schema.alterTable('media').dropColumn('iiif_height').execute();
	await db.schema.alterTable('media').dropColumn('iiif_width').execute();
}
