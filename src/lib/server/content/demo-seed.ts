import type { Kysely } from 'kysely';
import type { Localized } from '$lib/i18n/locales';
import type { Database } from '$lib/server/db/schema';
import type { DemoContent } from './demo-content.types';
import { stringifyLocalized } from './localized-text';

const seededKey = 'demo_content_seeded_at';

/**
 * Fills an empty database with the demo content, once. The marker is written in
 * the same transaction, so a second start (or a second process) changes nothing
 * and never overwrites what staff edited since.
 */
export async function seedDemoContent(db: Kysely<Database>, content: DemoContent, now: string): Promise<boolean> {
	try {
		return await insertDemoContent(db, content, now);
	} catch (error) {
		// Another process seeded at the same moment and won: that is the same outcome.
		const marker = await db.selectFrom('app_meta').select('value').where('key', '=', seededKey).executeTakeFirst();
		if (marker) return false;
		throw error;
	}
}

function insertDemoContent(db: Kysely<Database>, content: DemoContent, now: string): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const marker = await trx.selectFrom('app_meta').select('value').where('key', '=', seededKey).executeTakeFirst();
		const existing = await trx.selectFrom('organization').select('id').executeTakeFirst();
		if (marker || existing) return false;

		// Claim the marker first: on PostgreSQL a concurrent seeder fails here on the primary key.
		await trx.insertInto('app_meta').values({ key: seededKey, value: now }).execute();

		const org = content.organization;
		await trx
			.insertInto('organization')
			.values({
				id: 1,
				name: org.name,
				tagline: json(org.tagline),
				intro: json(org.intro),
				email: org.email,
				location: json(org.location),
				founded_year: org.foundedYear,
				social_links: JSON.stringify(org.socialLinks),
				figure_initiatives: org.figures.initiatives,
				figure_countries: org.figures.countries,
				figure_years: org.figures.years,
				figure_participants: org.figures.participants,
				figures_year: org.figures.asOfYear,
				updated_at: now
			})
			.execute();

		for (const [key, page] of Object.entries(content.pages)) {
			await trx
				.insertInto('page')
				.values({ key, title: json(page.title), summary: json(page.summary), body: json(page.body), updated_at: now })
				.execute();
		}

		const lists = [
			['pillar', content.pillars],
			['activity', content.activities],
			['core_value', content.values]
		] as const;
		for (const [table, items] of lists) {
			for (const [position, item] of items.entries()) {
				await trx
					.insertInto(table)
					.values({ position, title: json(item.title), body: json(item.body), updated_at: now })
					.execute();
			}
		}

		for (const [position, t] of content.testimonials.entries()) {
			await trx
				.insertInto('testimonial')
				.values({
					position,
					quote: json(t.quote),
					person: json(t.person),
					role: json(t.role),
					place: json(t.place),
					featured: t.featured ? 1 : 0,
					is_example: t.isExample ? 1 : 0,
					updated_at: now
				})
				.execute();
		}
		return true;
	});
}

function json(value: Localized): string {
	return stringifyLocalized(value);
}
