import type { Locale, Text } from '$lib/i18n/locales';
import type { PictureData } from '$lib/server/shared/picture';
import { parseArtworkImages, parseExhibitionLanguages, parseIds } from '$lib/server/shared/exhibition-columns';
import { parseLocalized } from '$lib/server/shared/localized-text';
import { exhibitionText } from './exhibition-pages';
import type { ExhibitionsContext } from './exhibitions.wiring';

/*
 * An artist's part in the published exhibitions, for their public profile:
 * their works (each once, linked to its page in the newest exhibition showing
 * it) and the exhibitions they are in or curated. Only published exhibitions
 * count, so a work in drafts alone shows nowhere. The route asks only for a
 * profile the public may see.
 */

export interface ArtistWork {
	title: Text;
	/** `/exhibitions/<slug>/<position>`. */
	path: string;
	exhibition: Text;
	thumbnail: PictureData | undefined;
}

export interface ArtistExhibition {
	slug: string;
	title: Text;
	curated: boolean;
	showsWorks: boolean;
}

export async function artistInExhibitions(
	context: ExhibitionsContext,
	artistId: number,
	locale: Locale,
	options: { saveData?: boolean } = {}
): Promise<{ works: ArtistWork[]; exhibitions: ArtistExhibition[] }> {
	const { db } = context;
	const rows = await db
		.selectFrom('exhibition_work')
		.innerJoin('artwork_artist', 'artwork_artist.artwork_id', 'exhibition_work.artwork_id')
		.innerJoin('artwork', 'artwork.id', 'exhibition_work.artwork_id')
		.innerJoin('exhibition', 'exhibition.id', 'exhibition_work.exhibition_id')
		.select(['artwork.id', 'artwork.title', 'artwork.images', 'exhibition_work.position', 'exhibition.slug', 'exhibition.title as exhibition_title', 'exhibition.languages'])
		.where('artwork_artist.artist_id', '=', artistId)
		.orderBy('exhibition.opens_on', 'desc')
		.orderBy('exhibition.id', 'desc')
		.orderBy('exhibition_work.position')
		.execute();
	const works: ArtistWork[] = [];
	const seen = new Set<number>();
	const exhibitions = new Map<string, ArtistExhibition>();
	for (const row of rows) {
		const languages = parseExhibitionLanguages(row.languages);
		const exhibitionTitle = exhibitionText(parseLocalized(row.exhibition_title), locale, languages);
		if (!exhibitions.has(row.slug)) exhibitions.set(row.slug, { slug: row.slug, title: exhibitionTitle, curated: false, showsWorks: true });
		if (seen.has(row.id)) continue;
		seen.add(row.id);
		const image = parseArtworkImages(row.images)[0];
		const picture = await context.picture(image?.mediaId, locale, { sizes: '(min-width: 48rem) 12rem, 45vw', lazy: true, saveData: options.saveData });
		const alt = image ? exhibitionText(image.alt, locale, languages) : undefined;
		works.push({
			title: exhibitionText(parseLocalized(row.title), locale, languages),
			path: `/exhibitions/${row.slug}/${row.position}`,
			exhibition: exhibitionTitle,
			// The work's own alt text, as its exhibition shows it.
			thumbnail: picture && alt ? { ...picture, img: { ...picture.img, alt: alt.text, lang: alt.lang === locale ? undefined : alt.lang } } : picture
		});
	}
	// Curators are a short JSON list on each exhibition; there are few exhibitions, so they are read whole.
	const curatedRows = await db.selectFrom('exhibition').select(['slug', 'title', 'languages', 'curator_ids']).orderBy('opens_on', 'desc').execute();
	for (const row of curatedRows) {
		if (!parseIds(row.curator_ids).includes(artistId)) continue;
		const known = exhibitions.get(row.slug);
		if (known) known.curated = true;
		else exhibitions.set(row.slug, { slug: row.slug, title: exhibitionText(parseLocalized(row.title), locale, parseExhibitionLanguages(row.languages)), curated: true, showsWorks: false });
	}
	return { works, exhibitions: [...exhibitions.values()] };
}
