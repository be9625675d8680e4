import type { Kysely } from 'kysely';

/*
 * The events job asks every five minutes which sessions have holds or offers
 * that ran out. Only unconfirmed and offered registrations can, a small part of
 * all: by status first, that question reads those rows and not the whole table.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.createIndex('registration_status_session').on('registration').columns(['status', 'session_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('registration_status_session').execute();
}
