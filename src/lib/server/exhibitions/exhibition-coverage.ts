import type { Kysely } from 'kysely';
import { locales, type Locale } from '$lib/i18n/locales';
import type { Database } from '$lib/server/db/schema';
import { parseLocalized } from '$lib/server/shared/localized-text';
import type { ItemData, RowData } from '$lib/server/content/content-items';
import { parseImages } from './artwork.queries';

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

export async function coverageReport(db: Kysely<Database>, data: ItemData): Promise<LanguageCoverage[]> {
	const works = ((data.works ?? []) as RowData[]).map((w, i) => ({ position: i + 1, artworkId: Number(w.artwork_id) }));
	const ids = [...new Set(works.map((w) => w.artworkId).filter((id) => id > 0))];
	const rows = ids.length ? await db.selectFrom('artwork').select(['id', 'title', 'images', 'description']).where('id', 'in', ids).execute() : [];
	const byId = new Map(rows.map((r) => [r.id, { title: parseLocalized(r.title).en, images: parseImages(r.images), description: parseLocalized(r.description) }]));
	const published = new Set((data.languages as string[] | undefined) ?? ['en']);
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
