import type { Kysely } from 'kysely';
import { addAutoId } from '../migration-helpers';

/*
 * Backups the app made (the daily job, staff's "Back up now", the command
 * line into the storage): when, where, how big, and how it went, for the
 * admin's page and for retention, which deletes old archives and marks their
 * rows deleted.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await addAutoId(db, db.schema.createTable('backup_run'))
		.addColumn('trigger', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('storage_key', 'text', (c) => c.notNull())
		.addColumn('started_at', 'text', (c) => c.notNull())
		.addColumn('finished_at', 'text')
		.addColumn('bytes', 'bigint')
		.addColumn('rows', 'bigint')
		.addColumn('files', 'bigint')
		.addColumn('error', 'text')
		.addColumn('deleted_at', 'text')
		.execute();
	await db.schema.createIndex('backup_run_started_idx').on('backup_run').column('started_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('backup_run').execute();
}
