import type { Kysely } from 'kysely';
import { addAutoId } from '../migration-helpers';

/*
 * One table for every limit on how often something may be done
 * (platform/throttle.ts): each attempt is a row per thing it counts against
 * (`scope` says which limit, `key` whose: an address, a network address, or the
 * whole site), so every app process agrees. It replaces application_attempt,
 * whose rows only mattered for fifteen minutes.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await addAutoId(db, db.schema.createTable('throttle_attempt'))
		.addColumn('scope', 'text', (c) => c.notNull())
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('throttle_attempt_key_idx').on('throttle_attempt').columns(['scope', 'key', 'at']).execute();
	await db.schema.createIndex('throttle_attempt_at_idx').on('throttle_attempt').column('at').execute();
	await db.schema.dropTable('application_attempt').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('application_attempt')
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('ip', 'text', (c) => c.notNull())
		.addColumn('at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('application_attempt_email_idx').on('application_attempt').columns(['email', 'at']).execute();
	await db.schema.createIndex('application_attempt_ip_idx').on('application_attempt').columns(['ip', 'at']).execute();
	await db.schema.dropTable('throttle_attempt').execute();
}
