import { sql, type Kysely } from 'kysely';
import { addAutoId } from '../migration-helpers';

// The media library: uploaded photos (alt text and caption per language) and the
// files made from each, one row per format and width. A photo is recorded as
// 'processing' when uploaded; a job makes its variants and sets it 'ready', or
// 'failed' with a short error for staff. Only 'ready' photos appear on pages.
export async function up(db: Kysely<any>): Promise<void> {
	await addAutoId(db, db.schema.createTable('media'))
		.addColumn('original_name', 'text', (c) => c.notNull())
		.addColumn('mime_type', 'text', (c) => c.notNull())
		.addColumn('width', 'integer', (c) => c.notNull())
		.addColumn('height', 'integer', (c) => c.notNull())
		.addColumn('bytes', 'integer', (c) => c.notNull())
		.addColumn('alt', 'text', (c) => c.notNull())
		.addColumn('caption', 'text')
		.addColumn('color', 'text')
		.addColumn('status', 'text', (c) =>
			c.notNull().defaultTo('processing').check(sql`status in ('processing', 'ready', 'failed')`)
		)
		.addColumn('error', 'text')
		.addColumn('created_by', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema.createIndex('media_created_at_idx').on('media').columns(['created_at', 'id']).execute();

	await db.schema
		.createTable('media_variant')
		.addColumn('media_id', 'integer', (c) => c.notNull().references('media.id').onDelete('cascade'))
		.addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('avif', 'webp', 'jpeg')`))
		.addColumn('width', 'integer', (c) => c.notNull())
		.addColumn('height', 'integer', (c) => c.notNull())
		.addColumn('bytes', 'integer', (c) => c.notNull())
		.addColumn('path', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('media_variant_pk', ['media_id', 'format', 'width'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('media_variant').execute();
	await db.schema.dropTable('media').execute();
}
