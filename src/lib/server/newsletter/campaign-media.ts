import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { parseLocalized } from '$lib/server/shared/localized-text';

/**
 * The photos of the media library that campaigns show, once sending has
 * started (their web version is public then, and their e-mails load them):
 * what makes those photos public (media/published-media.ts). A draft's photos
 * stay private.
 */
export async function photosInSentCampaigns(db: Kysely<Database>): Promise<number[]> {
	const rows = await db.selectFrom('newsletter_campaign').select('body_html').where('status', 'in', ['sending', 'paused', 'sent']).execute();
	const keys = new Set<string>();
	for (const row of rows) {
		for (const html of Object.values(parseLocalized(row.body_html))) {
			for (const match of (html ?? '').matchAll(/<img src="\/media\/([A-Za-z0-9_-]+)\//g)) keys.add(match[1]!);
		}
	}
	if (keys.size === 0) return [];
	const ids: number[] = [];
	const all = [...keys];
	// In slices, within both engines' limits of bound parameters.
	for (let start = 0; start < all.length; start += 500) {
		const found = await db.selectFrom('media').select('id').where('public_key', 'in', all.slice(start, start + 500)).execute();
		ids.push(...found.map((row) => Number(row.id)));
	}
	return ids;
}
