import type { Kysely } from 'kysely';

/*
 * What each staff member chooses for themselves: the time zone their admin
 * shows times in (null until they choose it at their first sign-in; their
 * language is `locale`, there since the accounts), when they last opened the
 * dashboard (for "new since your last visit"), and which e-mails about new
 * applications they want: none, one per application, or a daily digest.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('user').addColumn('timeZone', 'text').execute();
	await db.schema.alterTable('user').addColumn('dashboardSeenAt', 'text').execute();
	await db.schema
		.alterTable('user')
		.addColumn('notifyApplications', 'text', (c) => c.notNull().defaultTo('none'))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('user').dropColumn('notifyApplications').execute();
	await db.schema.alterTable('user').dropColumn('dashboardSeenAt').execute();
	await db.schema.alterTable('user').dropColumn('timeZone').execute();
}
