import { sql } from 'kysely';
import type { Locale } from '$lib/i18n/locales';
import type { Db } from '$lib/server/db/schema';
import { pickJson } from '$lib/server/shared/localized-text';

/* The campaigns a staff member's dashboard shows. */

/** Campaigns scheduled, sending or paused, and any campaign with failed deliveries. */
export async function campaignsNeedingEyes(db: Db, locale: Locale) {
	const rows = await db
		.selectFrom('newsletter_campaign')
		.select([
			'id',
			'subject',
			'status',
			'scheduled_at',
			(eb) =>
				eb
					.selectFrom('newsletter_delivery')
					.select(eb.fn.countAll<number | string>().as('n'))
					.whereRef('newsletter_delivery.campaign_id', '=', 'newsletter_campaign.id')
					.where('newsletter_delivery.status', '=', 'failed')
					.as('failed')
		])
		.where((eb) =>
			eb.or([
				eb('status', 'in', ['scheduled', 'sending', 'paused']),
				eb.exists(
					eb
						.selectFrom('newsletter_delivery')
						.select('newsletter_delivery.id')
						.whereRef('newsletter_delivery.campaign_id', '=', 'newsletter_campaign.id')
						.where('newsletter_delivery.status', '=', 'failed')
				)
			])
		)
		.orderBy(sql`coalesce(scheduled_at, updated_at)`, 'desc')
		.limit(10)
		.execute();
	return rows.map((row) => ({
		id: row.id,
		subject: pickJson(row.subject, locale).text,
		status: row.status,
		scheduledAt: row.scheduled_at,
		failed: Number(row.failed ?? 0)
	}));
}
