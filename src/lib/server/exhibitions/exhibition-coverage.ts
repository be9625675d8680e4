import type { Kysely } from 'kysely';
import { locales, type Locale } from '$lib/i18n/locales';
import type { Database } from '$lib/server/db/schema';
import { parseArtworkImages } from '$lib/server/shared/exhibition-columns';
import { parseLocalized } from '$lib/server/shared/localized-text';

/*
 * How far an exhibition's works are described, per language: which lack alt
 * text (publishing in that language is refused) and which lack a long
 * description (allowed, but a screen reader user gets less). The admin shows it
 * as a table of languages by works.
 */

export interface CoverageWork {
	position: number;
	artworkId: number;
	title: string;
}

export interface LanguageCoverage {
	locale: Locale;
	/** The exhibition is published (or is to be) in this language. */
	published: boolean;
	lackingAlt: CoverageWork[];
	lackingDescription: CoverageWork[];
}

/** For an exhibition's works (by work id, in the walk's order) and the languages it is published in. */
export async function coverageReport(db: Kysely<Database>, artworkIds: readonly number[], languages: readonly string[]): Promise<LanguageCoverage[]> {
	const works = artworkIds.map((artworkId, i) => ({ position: i + 1, artworkId }));
	const ids = [...new Set(works.map((w) => w.artworkId).filter((id) => id > 0))];
	const rows = ids.length ? await db.selectFrom('artwork').select(['id', 'title', 'images', 'description']).where('id', 'in', ids).execute() : [];
	const byId = new Map(rows.map((r) => [r.id, { title: parseLocalized(r.title).en, images: parseArtworkImages(r.images), description: parseLocalized(r.description) }]));
	const published = new Set(languages);
	return locales.map((locale) => {
		const lackingAlt: CoverageWork[] = [];
		const lackingDescription: CoverageWork[] = [];
		for (const work of works) {
			const row = byId.get(work.artworkId);
			if (!row) continue;
			const entry = { position: work.position, artworkId: work.artworkId, title: row.title };
			if (row.images.length === 0 || row.images.some((image) => !image.alt[locale]?.trim())) lackingAlt.push(entry);
			if (!row.description[locale]?.trim()) lackingDescription.push(entry);
		}
		return { locale, published: locale === 'en' || published.has(locale), lackingAlt, lackingDescription };
	});
}
