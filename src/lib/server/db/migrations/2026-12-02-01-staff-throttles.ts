import type { Kysely } from 'kysely';

/*
 * A sign-in attempt is now recorded before its password is checked, as a
 * failure, and marked as a success afterwards: `id` finds it again (rows from
 * before have none; they only matter for fifteen minutes).
 * Password-reset requests, by address and by network address, so the form
 * cannot be used to flood someone's inbox. Old rows only matter for an hour;
 * the daily job clears them.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('sign_in_attempt').addColumn('id', 'text').execute();

	await db.schema
		.createTable('password_reset_request')
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('ip', 'text', (c) => c.notNull())
		.addColumn('at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('password_reset_request_email_idx').on('password_reset_request').columns(['email', 'at']).execute();
	await db.schema.createIndex('password_reset_request_ip_idx').on('password_reset_request').columns(['ip', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('password_reset_request').execute();
	await db.schema.alterTable('sign_in_attempt').dropColumn('id').execute();
}
