import { sql, type Kysely } from 'kysely';
import { addAutoId } from '../migration-helpers';

/*
 * Donations through Stripe Checkout. Amounts are integers in the currency's minor
 * unit as Stripe counts it (cents; yen for JPY), always beside their currency code.
 * One `donation` row is one payment: a one-off gift, or one month of a monthly gift.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await addAutoId(db, db.schema.createTable('donation_campaign'))
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo('{"en":""}'))
		.addColumn('goal_minor', 'bigint', (c) => c.notNull().check(sql`goal_minor >= 0`))
		.addColumn('currency', 'text', (c) => c.notNull())
		.addColumn('starts_at', 'text')
		.addColumn('ends_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await addAutoId(db, db.schema.createTable('donation'))
		// Unique but nullable: a monthly payment recorded from its invoice has no session.
		.addColumn('stripe_checkout_session_id', 'text', (c) => c.unique())
		.addColumn('stripe_payment_intent_id', 'text')
		.addColumn('stripe_invoice_id', 'text', (c) => c.unique())
		.addColumn('stripe_subscription_id', 'text')
		.addColumn('stripe_customer_id', 'text')
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('one-off', 'monthly')`))
		.addColumn('amount_minor', 'bigint', (c) => c.notNull().check(sql`amount_minor >= 0`))
		.addColumn('currency', 'text', (c) => c.notNull())
		.addColumn('campaign_id', 'integer', (c) => c.references('donation_campaign.id').onDelete('set null'))
		.addColumn('donor_name', 'text')
		.addColumn('donor_email', 'text')
		.addColumn('donor_locale', 'text', (c) => c.notNull().defaultTo('en'))
		.addColumn('message', 'text')
		.addColumn('wall_consent', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('wall_status', 'text', (c) =>
			c.notNull().defaultTo('none').check(sql`wall_status in ('none', 'pending', 'approved', 'rejected')`)
		)
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('paid').check(sql`status in ('paid', 'refunded')`))
		.addColumn('refunded_minor', 'bigint', (c) => c.notNull().defaultTo(0))
		.addColumn('paid_at', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	// Totals by month and the admin list go by payment date; refunds find a payment by its intent.
	await db.schema.createIndex('donation_paid_at').on('donation').column('paid_at').execute();
	await db.schema.createIndex('donation_campaign_id').on('donation').column('campaign_id').execute();
	await db.schema.createIndex('donation_payment_intent').on('donation').column('stripe_payment_intent_id').execute();
	await db.schema.createIndex('donation_subscription_id').on('donation').column('stripe_subscription_id').execute();

	// A monthly gift as a whole: what the self-service portal link and "ended" need.
	await db.schema
		.createTable('donation_subscription')
		.addColumn('stripe_subscription_id', 'text', (c) => c.primaryKey())
		.addColumn('stripe_customer_id', 'text')
		.addColumn('donor_email', 'text')
		.addColumn('donor_locale', 'text', (c) => c.notNull().defaultTo('en'))
		.addColumn('amount_minor', 'bigint', (c) => c.notNull())
		.addColumn('currency', 'text', (c) => c.notNull())
		.addColumn('campaign_id', 'integer', (c) => c.references('donation_campaign.id').onDelete('set null'))
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status in ('active', 'ended')`))
		.addColumn('ended_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('donation_subscription_email').on('donation_subscription').column('donor_email').execute();

	// Every Stripe event handled, by Stripe's id: a delivery seen before changes nothing.
	await db.schema
		.createTable('stripe_event')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('type', 'text', (c) => c.notNull())
		.addColumn('received_at', 'text', (c) => c.notNull())
		.addColumn('processed_at', 'text')
		.execute();

	// One row of staff-edited settings (id = 1).
	await db.schema
		.createTable('donation_settings')
		.addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
		/** JSON array of ISO 4217 codes, upper case, in the order the form offers them. */
		.addColumn('currencies', 'text', (c) => c.notNull())
		/** JSON object: code → { presets: minor[], min: minor, max: minor }. */
		.addColumn('currency_rules', 'text', (c) => c.notNull())
		.addColumn('receipt_note', 'text', (c) => c.notNull().defaultTo('{"en":""}'))
		/** Shown on /donate when Stripe is not configured: bank transfer, other ways to give. */
		.addColumn('other_ways', 'text', (c) => c.notNull().defaultTo('{"en":""}'))
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	const now = new Date().toISOString();
	await db
		.insertInto('donation_settings')
		.values({
			id: 1,
			currencies: JSON.stringify(['USD', 'EUR', 'AUD']),
			currency_rules: JSON.stringify({
				USD: { presets: [500, 1000, 2500, 5000], min: 200, max: 500000 },
				EUR: { presets: [500, 1000, 2500, 5000], min: 200, max: 500000 },
				AUD: { presets: [500, 1000, 2500, 5000], min: 200, max: 500000 }
			}),
			receipt_note: JSON.stringify({ en: '' }),
			other_ways: JSON.stringify({ en: '' }),
			updated_at: now
		})
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('donation_settings').execute();
	await db.schema.dropTable('stripe_event').execute();
	await db.schema.dropTable('donation_subscription').execute();
	await db.schema.dropTable('donation').execute();
	await db.schema.dropTable('donation_campaign').execute();
}
