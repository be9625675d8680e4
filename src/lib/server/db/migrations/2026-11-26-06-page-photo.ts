import type { Kysely } from 'kysely';

// A photo for each page (the home page's hero, the others' header), from the media library.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('page').addColumn('image_id', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('page').dropColumn('image_id').execute();
}
