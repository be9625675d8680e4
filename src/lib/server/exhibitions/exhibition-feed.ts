import type { Kysely } from 'kysely';
import type { Locale, Text } from '$lib/i18n/locales';
import type { Database } from '$lib/server/db/schema';
import { parseExhibitionLanguages } from '$lib/server/shared/exhibition-columns';
import { parseLocalized } from '$lib/server/shared/localized-text';
import { exhibitionText } from './exhibition-pages';

/** A published exhibition as the site's Atom feed carries it: newest published first. */
export interface FeedExhibition {
	id: number;
	slug: string;
	title: Text;
	summary: Text;
	/** Sanitized rich text, as the overview shows it. */
	curatorialText: Text;
	publishedAt: string;
	updatedAt: string;
}

export async function feedExhibitions(db: Kysely<Database>, locale: Locale, limit: number): Promise<FeedExhibition[]> {
	const rows = await db.selectFrom('exhibition').selectAll().orderBy('published_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
	return rows.map((row) => {
		const languages = parseExhibitionLanguages(row.languages);
		const text = (json: string) => exhibitionText(parseLocalized(json), locale, languages);
		return {
			id: row.id,
			slug: row.slug,
			title: text(row.title),
			summary: text(row.summary),
			curatorialText: text(row.curatorial_text),
			publishedAt: row.published_at,
			updatedAt: row.updated_at
		};
	});
}
