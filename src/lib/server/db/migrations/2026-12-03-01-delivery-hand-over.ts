import type { Kysely } from 'kysely';

/*
 * When a campaign delivery's message was last handed to the mail server (written
 * whole, its final dot about to go) without the server's answer being recorded.
 * A `sending` or `queued` delivery with it set is in doubt: the server may or may
 * not have that copy, so it is sent again and may arrive twice, but it is never
 * taken for sent. See newsletter/campaign-sender.ts.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('newsletter_delivery').addColumn('handed_over_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('newsletter_delivery').dropColumn('handed_over_at').execute();
}
