import type { Kysely } from 'kysely';

/*
 * Attempts to save or submit an application, by address and by network address,
 * so every app process can tell when one person or one machine sends too many.
 * Old rows only matter for the window; the daily job may clear them.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('application_attempt')
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('ip', 'text', (c) => c.notNull())
		.addColumn('at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('application_attempt_email_idx').on('application_attempt').columns(['email', 'at']).execute();
	await db.schema.createIndex('application_attempt_ip_idx').on('application_attempt').columns(['ip', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('application_attempt').execute();
}
