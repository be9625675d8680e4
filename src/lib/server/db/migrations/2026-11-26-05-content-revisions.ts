import { sql, type Kysely } from 'kysely';
import { addAutoId } from '../migration-helpers';

/*
 * Revisions of site content: every saved draft is a whole-item snapshot (the
 * item's editable fields as JSON), so drafts, scheduled publishing, history,
 * diffs and restore all work on one table. The live tables keep serving the
 * public pages; publishing copies a revision into them.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await addAutoId(db, db.schema.createTable('content_revision'))
		.addColumn('item_type', 'text', (c) => c.notNull())
		.addColumn('item_key', 'text', (c) => c.notNull())
		.addColumn('data', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('base_revision_id', 'integer')
		.addColumn('author_id', 'text')
		.addColumn('author_email', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('publish_at', 'text')
		.addColumn('published_at', 'text')
		.execute();
	await db.schema
		.createIndex('content_revision_item_idx')
		.on('content_revision')
		.columns(['item_type', 'item_key', 'id'])
		.execute();
	// At most one revision per item starts from a given base: of two editors who
	// started from the same revision and save at the same moment, the second
	// insert finds this and is told, on both engines and under any isolation level.
	await sql`create unique index content_revision_base_idx on content_revision (item_type, item_key, (coalesce(base_revision_id, 0)))`.execute(
		db
	);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('content_revision').execute();
}
