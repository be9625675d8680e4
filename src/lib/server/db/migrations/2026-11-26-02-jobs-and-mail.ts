import { sql, type Kysely } from 'kysely';
import { addAutoId } from '../migration-helpers';

// The durable jobs queue, and a record of every e-mail the app sends (the outbox view, and no message twice).
export async function up(db: Kysely<any>): Promise<void> {
	await addAutoId(db, db.schema.createTable('job'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
		// Unique but nullable: both engines let any number of rows leave it empty.
		.addColumn('idempotency_key', 'text', (c) => c.unique())
		.addColumn('status', 'text', (c) =>
			c.notNull().defaultTo('pending').check(sql`status in ('pending', 'running', 'done', 'failed')`)
		)
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(5).check(sql`max_attempts >= 1`))
		.addColumn('run_at', 'text', (c) => c.notNull())
		.addColumn('locked_by', 'text')
		.addColumn('locked_until', 'text')
		.addColumn('last_error', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('finished_at', 'text')
		.execute();
	// Claiming looks for due pending jobs and expired running ones; the admin lists by status.
	await db.schema.createIndex('job_status_run_at').on('job').columns(['status', 'run_at']).execute();

	await addAutoId(db, db.schema.createTable('mail_message'))
		.addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
		.addColumn('to_address', 'text', (c) => c.notNull())
		.addColumn('locale', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('text_body', 'text', (c) => c.notNull())
		.addColumn('html_body', 'text', (c) => c.notNull())
		.addColumn('headers', 'text', (c) => c.notNull().defaultTo('{}'))
		.addColumn('status', 'text', (c) =>
			c.notNull().defaultTo('queued').check(sql`status in ('queued', 'sent', 'failed')`)
		)
		.addColumn('message_id', 'text')
		.addColumn('transport', 'text', (c) => c.check(sql`transport in ('smtp', 'outbox')`))
		.addColumn('outbox_file', 'text')
		.addColumn('error', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('sent_at', 'text')
		.execute();
	// The outbox view lists the newest messages first.
	await db.schema.createIndex('mail_message_created_at').on('mail_message').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('mail_message').execute();
	await db.schema.dropTable('job').execute();
}
