import type { Kysely } from 'kysely';

/*
 * A calendar entry carried by an e-mail (an event's confirmation, its change or
 * its cancellation): JSON { method, filename, content } with the iCalendar text,
 * stored with the message so that a resend after a restart carries the same one.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('mail_message').addColumn('calendar', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('mail_message').dropColumn('calendar').execute();
}
