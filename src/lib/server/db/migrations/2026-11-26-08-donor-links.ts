import type { Kysely } from 'kysely';

/*
 * One-time links that take a monthly donor to Stripe's customer portal. Only a
 * hash of the token is stored (as for staff links): the e-mail holds the token.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('donor_link')
		.addColumn('token_hash', 'text', (c) => c.primaryKey())
		.addColumn('donor_email', 'text', (c) => c.notNull())
		.addColumn('stripe_customer_id', 'text', (c) => c.notNull())
		.addColumn('locale', 'text', (c) => c.notNull().defaultTo('en'))
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('used_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('donor_link_email').on('donor_link').columns(['donor_email', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('donor_link').execute();
}
