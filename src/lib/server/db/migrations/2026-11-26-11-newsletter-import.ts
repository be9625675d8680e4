import { sql, type Kysely } from 'kysely';
import { addAutoId } from '../migration-helpers';

/*
 * Staff imports of subscribers from a CSV file, run as a job in chunks.
 *
 * The uploaded text is kept in the row while the import runs, so a process that
 * dies half-way resumes from `processed_rows` (each chunk and that counter are
 * committed together); it is emptied when the import finishes, so the file's
 * addresses are not kept beyond the report. The report keeps one line per row
 * that was not imported (`subscriber_import_issue`), unique per row so a chunk
 * that runs twice cannot report a row twice.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await addAutoId(db, db.schema.createTable('subscriber_import'))
		.addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('queued', 'running', 'done', 'failed')`))
		.addColumn('file_name', 'text', (c) => c.notNull())
		/** The file as UTF-8 text; '' once the import is done. */
		.addColumn('csv', 'text', (c) => c.notNull())
		/** For rows without a language, and JSON array of topic keys for rows without topics. */
		.addColumn('default_locale', 'text', (c) => c.notNull())
		.addColumn('default_topics', 'text', (c) => c.notNull().defaultTo('[]'))
		/** Staff's account of how and when these people agreed to receive the newsletter. */
		.addColumn('consent_statement', 'text', (c) => c.notNull())
		.addColumn('total_rows', 'integer', (c) => c.notNull())
		.addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('imported_count', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('skipped_count', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
		/** Why a failed import stopped, in words for staff. */
		.addColumn('failure', 'text')
		.addColumn('created_by', 'text')
		.addColumn('created_by_email', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('started_at', 'text')
		.addColumn('finished_at', 'text')
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await addAutoId(db, db.schema.createTable('subscriber_import_issue'))
		.addColumn('import_id', 'integer', (c) => c.notNull().references('subscriber_import.id').onDelete('cascade'))
		/** The row as a spreadsheet numbers it: the header is row 1. */
		.addColumn('row_number', 'integer', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('error', 'skipped')`))
		/** The address as written in the file. */
		.addColumn('email', 'text', (c) => c.notNull())
		/** The value that was wrong (an address, a topic, a language). */
		.addColumn('value', 'text', (c) => c.notNull())
		.addColumn('reason', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('subscriber_import_issue_row')
		.unique()
		.on('subscriber_import_issue')
		.columns(['import_id', 'row_number'])
		.execute();

	// The admin's subscriber list filters by language and pages newest first within a status.
	await db.schema.createIndex('subscriber_locale').on('subscriber').columns(['locale', 'id']).execute();
	await db.schema.createIndex('subscriber_status_id').on('subscriber').columns(['status', 'paused', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('subscriber_status_id').execute();
	await db.schema.dropIndex('subscriber_locale').execute();
	await db.schema.dropTable('subscriber_import_issue').execute();
	await db.schema.dropTable('subscriber_import').execute();
}
