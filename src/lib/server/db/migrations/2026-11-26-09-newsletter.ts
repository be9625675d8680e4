import { sql, type Kysely } from 'kysely';
import { addAutoId } from '../migration-helpers';

/*
 * The newsletter's domain: topics, versioned consent texts, subscribers, their
 * one-time and private links, and the consent ledger.
 *
 * The ledger (`consent_event`) must outlive the person's data: after a deletion
 * the organization still has to show when consent was given and withdrawn. So
 * each event carries `email_hash` (SHA-256 of the lower-cased address) and a
 * nullable `subscriber_id` that becomes null when the subscriber is deleted. The
 * hash holds no readable address, yet answers "did this address consent, and
 * when?" when someone presents the address later.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await addAutoId(db, db.schema.createTable('newsletter_topic'))
		.addColumn('key', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();

	await addAutoId(db, db.schema.createTable('newsletter_consent_text'))
		.addColumn('version', 'integer', (c) => c.notNull().unique())
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	await addAutoId(db, db.schema.createTable('subscriber'))
		.addColumn('email', 'text', (c) => c.notNull().unique().check(sql`email = lower(email)`))
		.addColumn('name', 'text')
		.addColumn('locale', 'text', (c) => c.notNull().defaultTo('en'))
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('pending', 'confirmed', 'unsubscribed', 'bounced')`)
		)
		.addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
		/** JSON array of topic keys. */
		.addColumn('topics', 'text', (c) => c.notNull().defaultTo('[]'))
		/** The consent text the person agreed to when they last subscribed. */
		.addColumn('consent_text_version', 'integer', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('confirmed_at', 'text')
		.addColumn('unsubscribed_at', 'text')
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	// Audiences are chosen among confirmed subscribers; the purge looks for old pending ones.
	await db.schema.createIndex('subscriber_status').on('subscriber').columns(['status', 'updated_at']).execute();

	await db.schema
		.createTable('subscriber_token')
		.addColumn('hash', 'text', (c) => c.primaryKey())
		.addColumn('subscriber_id', 'integer', (c) => c.notNull().references('subscriber.id').onDelete('cascade'))
		.addColumn('purpose', 'text', (c) =>
			c.notNull().check(sql`purpose in ('confirm', 'preferences', 'unsubscribe')`)
		)
		.addColumn('expires_at', 'text')
		.addColumn('used_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('subscriber_token_subscriber')
		.on('subscriber_token')
		.columns(['subscriber_id', 'purpose'])
		.execute();

	await addAutoId(db, db.schema.createTable('consent_event'))
		.addColumn('subscriber_id', 'integer', (c) => c.references('subscriber.id').onDelete('set null'))
		.addColumn('email_hash', 'text', (c) => c.notNull())
		.addColumn('action', 'text', (c) =>
			c
				.notNull()
				.check(
					sql`action in ('subscribed', 'confirmed', 'preferences-changed', 'unsubscribed', 'imported', 'deleted')`
				)
		)
		.addColumn('consent_text_version', 'integer')
		.addColumn('source_page', 'text')
		.addColumn('method', 'text', (c) => c.notNull())
		.addColumn('at', 'text', (c) => c.notNull())
		.addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
		.execute();
	await db.schema.createIndex('consent_event_subscriber').on('consent_event').column('subscriber_id').execute();
	await db.schema.createIndex('consent_event_email_hash').on('consent_event').column('email_hash').execute();

	// A working start: a first consent text and three topics, which staff can change.
	const now = new Date().toISOString();
	await db
		.insertInto('newsletter_consent_text')
		.values({
			version: 1,
			text: JSON.stringify({
				en: 'I would like to receive the newsletter. My address is used for nothing else, and I can leave at any time.'
			}),
			created_at: now
		})
		.execute();
	await db
		.insertInto('newsletter_topic')
		.values([
			{ key: 'news', name: JSON.stringify({ en: 'News' }), position: 0 },
			{ key: 'open-calls', name: JSON.stringify({ en: 'Open calls' }), position: 1 },
			{ key: 'events', name: JSON.stringify({ en: 'Events' }), position: 2 }
		])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('consent_event').execute();
	await db.schema.dropTable('subscriber_token').execute();
	await db.schema.dropTable('subscriber').execute();
	await db.schema.dropTable('newsletter_consent_text').execute();
	await db.schema.dropTable('newsletter_topic').execute();
}
