import { sql, type Kysely } from 'kysely';
import { addAutoId } from '../migration-helpers';

/*
 * Campaigns and their deliveries. A delivery is one recipient of one campaign,
 * unique on (campaign, subscriber): that key is what makes "exactly one copy each"
 * hold when sending is interrupted and resumed, or done by two processes at once.
 * Deliveries are created when sending starts (the audience is fixed then), claimed
 * in batches with a lease, and marked sent in the same moment the message is handed
 * over (see campaign-sender.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
	await addAutoId(db, db.schema.createTable('newsletter_campaign'))
		/** Localized JSON: the subject, the preview text (the line mail apps show after it) and the sanitized HTML body. */
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('preview_text', 'text', (c) => c.notNull().defaultTo('{}'))
		.addColumn('body_html', 'text', (c) => c.notNull().defaultTo('{}'))
		/** JSON arrays; empty means every topic / every language. */
		.addColumn('topics', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('locales', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('draft', 'scheduled', 'sending', 'paused', 'sent', 'cancelled')`)
		)
		/** Messages per minute. */
		.addColumn('send_rate', 'integer', (c) => c.notNull())
		.addColumn('scheduled_at', 'text')
		.addColumn('started_at', 'text')
		.addColumn('finished_at', 'text')
		.addColumn('recipient_count', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_by', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('newsletter_campaign_status').on('newsletter_campaign').columns(['status', 'created_at']).execute();

	await addAutoId(db, db.schema.createTable('newsletter_delivery'))
		.addColumn('campaign_id', 'integer', (c) => c.notNull().references('newsletter_campaign.id').onDelete('cascade'))
		/** Null once the subscriber is deleted: the count stays, the person goes. */
		.addColumn('subscriber_id', 'integer', (c) => c.references('subscriber.id').onDelete('set null'))
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('queued', 'sending', 'sent', 'failed', 'bounced', 'skipped')`)
		)
		/** The version sent: the subscriber's language, or English. */
		.addColumn('locale', 'text')
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		/** Who holds a `sending` delivery: one attempt of one send job. */
		.addColumn('claimed_by', 'text')
		.addColumn('lease_until', 'text')
		.addColumn('next_attempt_at', 'text')
		.addColumn('message_id', 'text')
		.addColumn('error', 'text')
		.addColumn('sent_at', 'text')
		.execute();
	await db.schema
		.createIndex('newsletter_delivery_recipient')
		.unique()
		.on('newsletter_delivery')
		.columns(['campaign_id', 'subscriber_id'])
		.execute();
	await db.schema.createIndex('newsletter_delivery_status').on('newsletter_delivery').columns(['campaign_id', 'status']).execute();
	await db.schema.createIndex('newsletter_delivery_subscriber').on('newsletter_delivery').column('subscriber_id').execute();

	/** When the address last bounced, and why (the SMTP server's answer). */
	await db.schema.alterTable('subscriber').addColumn('bounced_at', 'text').execute();
	await db.schema.alterTable('subscriber').addColumn('bounce_reason', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('subscriber').dropColumn('bounce_reason').execute();
	await db.schema.alterTable('subscriber').dropColumn('bounced_at').execute();
	await db.schema.dropTable('newsletter_delivery').execute();
	await db.schema.dropTable('newsletter_campaign').execute();
}
