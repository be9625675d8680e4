import type { Kysely } from 'kysely';
import type { Locale, Localized, Text } from '$lib/i18n/locales';
import type { Database, ExhibitionRow } from '$lib/server/db/schema';
import { parseArtworkImages, parseExhibitionLanguages, parseExhibitionSections, parseIds } from '$lib/server/shared/exhibition-columns';
import { variantUrl, type PictureData } from '$lib/server/shared/picture';
import { parseLocalized, pick } from '$lib/server/shared/localized-text';
import { artistCreditsOf, artistIdsOfWorks } from './artwork.queries';
import { licenceNames, licenceOf, licenceUris, type ArtworkLicence } from './artwork-licences';
import type { ArtistNaming, ExhibitionsContext } from './exhibitions.wiring';

/*
 * What the public pages of exhibitions show, read from the live tables. An
 * exhibition speaks the languages it is published in; in any other, every text
 * of it is the English one, marked as such (`lang: 'en'`), even where a
 * translation exists but was not published.
 */

/** A text of an exhibition in the reader's language when the exhibition is published in it, else in English. */
export function exhibitionText(value: Localized, locale: Locale, languages: readonly Locale[]): Text {
	return languages.includes(locale) ? pick(value, locale) : { text: value.en, lang: 'en' };
}

/** A credit ready to show: a link to the profile, a name, or the neutral wording (null: the site's own words). */
export type CreditView = { kind: 'profile'; name: string; href: string } | { kind: 'name'; name: string } | { kind: 'neutral'; wording: Text | null };

function creditView(credit: ArtistNaming, locale: Locale): CreditView {
	if (credit.kind === 'profile') return { kind: 'profile', name: credit.name, href: `/artists/${credit.slug}` };
	if (credit.kind === 'name') return { kind: 'name', name: credit.name };
	return { kind: 'neutral', wording: credit.wording ? pick(credit.wording, locale) : null };
}

export type ExhibitionPhase = 'permanent' | 'current' | 'upcoming' | 'past';

export function phaseOf(row: Pick<ExhibitionRow, 'permanent' | 'opens_on' | 'closes_on'>, today: string): ExhibitionPhase {
	if (row.permanent === 1) return 'permanent';
	if (row.opens_on > today) return 'upcoming';
	if (row.closes_on && row.closes_on < today) return 'past';
	return 'current';
}

export interface ExhibitionCard {
	slug: string;
	title: Text;
	summary: Text;
	opensOn: string;
	closesOn: string | null;
	phase: ExhibitionPhase;
	cover: PictureData | undefined;
}

const cardSizes = '(min-width: 48rem) 20rem, 100vw';

/** Every published exhibition for the list: current and upcoming first (soonest opening last), then past (latest first), then permanent. */
export async function listExhibitions(context: ExhibitionsContext, locale: Locale, today: string, options: { saveData?: boolean } = {}): Promise<Record<'current' | 'past' | 'permanent', ExhibitionCard[]>> {
	const { db } = context;
	const rows = await db.selectFrom('exhibition').selectAll().orderBy('opens_on', 'desc').orderBy('id', 'desc').execute();
	const groups: Record<'current' | 'past' | 'permanent', ExhibitionCard[]> = { current: [], past: [], permanent: [] };
	for (const row of rows) {
		const languages = parseExhibitionLanguages(row.languages);
		const phase = phaseOf(row, today);
		const card: ExhibitionCard = {
			slug: row.slug,
			title: exhibitionText(parseLocalized(row.title), locale, languages),
			summary: exhibitionText(parseLocalized(row.summary), locale, languages),
			opensOn: row.opens_on,
			closesOn: row.closes_on,
			phase,
			cover: await context.picture(row.cover_media_id, locale, { sizes: cardSizes, lazy: true, saveData: options.saveData })
		};
		groups[phase === 'upcoming' ? 'current' : phase].push(card);
	}
	return groups;
}

export interface WorkSummary {
	/** 1-based place in the walk: the work's page is `/exhibitions/<slug>/<position>`. */
	position: number;
	title: Text;
	caption: Text;
	sectionKey: string;
	artists: CreditView[];
	thumbnail: PictureData | undefined;
}

export interface ExhibitionOverview {
	id: number;
	slug: string;
	languages: Locale[];
	/** The reader's language is not one the exhibition is published in: the page is in English. */
	inEnglishOnly: boolean;
	title: Text;
	summary: Text;
	curatorialText: Text;
	curators: CreditView[];
	curatorNames: string;
	opensOn: string;
	closesOn: string | null;
	phase: ExhibitionPhase;
	cover: PictureData | undefined;
	sections: { key: string; title: Text; works: WorkSummary[] }[];
	/** Works in no section, after the sections. */
	unsectioned: WorkSummary[];
	workCount: number;
	updatedAt: string;
}

async function exhibitionRow(db: Kysely<Database>, slug: string) {
	return db.selectFrom('exhibition').selectAll().where('slug', '=', slug).executeTakeFirst();
}

function imageWithAlt(image: PictureData | undefined, alt: Text | undefined): PictureData | undefined {
	// The work's own alt text (per exhibition language), not the library's: it is what staff checked when publishing.
	return image && alt ? { ...image, img: { ...image.img, alt: alt.text, lang: alt.lang } } : image;
}

function fixLang(image: PictureData | undefined, locale: Locale): PictureData | undefined {
	return image && image.img.lang === locale ? { ...image, img: { ...image.img, lang: undefined } } : image;
}

/** The overview of one exhibition; undefined when no published one has this address. */
export async function getExhibitionOverview(context: ExhibitionsContext, slug: string, locale: Locale, today: string, options: { saveData?: boolean } = {}): Promise<ExhibitionOverview | undefined> {
	const { db } = context;
	const row = await exhibitionRow(db, slug);
	if (!row) return undefined;
	const languages = parseExhibitionLanguages(row.languages);
	const text = (value: Localized) => exhibitionText(value, locale, languages);
	const works = await db
		.selectFrom('exhibition_work')
		.innerJoin('artwork', 'artwork.id', 'exhibition_work.artwork_id')
		.select(['exhibition_work.position', 'exhibition_work.caption', 'exhibition_work.section_key', 'artwork.id', 'artwork.title', 'artwork.images'])
		.where('exhibition_work.exhibition_id', '=', row.id)
		.orderBy('exhibition_work.position')
		.execute();
	const curatorIds = parseIds(row.curator_ids);
	const artistsByWork = await artistIdsOfWorks(
		db,
		works.map((w) => w.id)
	);
	const credits = await artistCreditsOf(context, [...curatorIds, ...[...artistsByWork.values()].flat()]);
	const summaries: WorkSummary[] = [];
	for (const work of works) {
		const image = parseArtworkImages(work.images)[0];
		const thumbnail = await context.picture(image?.mediaId, locale, { sizes: '(min-width: 48rem) 14rem, 45vw', lazy: true, saveData: options.saveData });
		summaries.push({
			position: work.position,
			title: text(parseLocalized(work.title)),
			caption: text(parseLocalized(work.caption)),
			sectionKey: work.section_key,
			artists: (artistsByWork.get(work.id) ?? []).flatMap((id) => {
				const credit = credits.get(id);
				return credit ? [creditView(credit, locale)] : [];
			}),
			thumbnail: fixLang(imageWithAlt(thumbnail, image ? text(image.alt) : undefined), locale)
		});
	}
	const sections = parseExhibitionSections(row.sections).map((s) => ({ key: s.key, title: text(s.title), works: summaries.filter((w) => w.sectionKey === s.key) }));
	const known = new Set(sections.map((s) => s.key));
	return {
		id: row.id,
		slug: row.slug,
		languages,
		inEnglishOnly: !languages.includes(locale),
		title: text(parseLocalized(row.title)),
		summary: text(parseLocalized(row.summary)),
		curatorialText: text(parseLocalized(row.curatorial_text)),
		curators: curatorIds.flatMap((id) => {
			const credit = credits.get(id);
			return credit ? [creditView(credit, locale)] : [];
		}),
		curatorNames: row.curator_names,
		opensOn: row.opens_on,
		closesOn: row.closes_on,
		phase: phaseOf(row, today),
		cover: await context.picture(row.cover_media_id, locale, { sizes: '(min-width: 72rem) 68rem, 100vw', saveData: options.saveData }),
		sections: sections.filter((s) => s.works.length > 0),
		unsectioned: summaries.filter((w) => !known.has(w.sectionKey)),
		workCount: summaries.length,
		updatedAt: row.updated_at
	};
}

export interface WorkPage {
	exhibition: { slug: string; title: Text; languages: Locale[]; inEnglishOnly: boolean };
	position: number;
	count: number;
	title: Text;
	caption: Text;
	section: Text | null;
	artists: CreditView[];
	year: number | null;
	medium: Text;
	dimensions: string;
	description: Text;
	credit: string;
	licence: { key: ArtworkLicence; name: string; uri: string | null };
	image: PictureData | undefined;
	/** The largest JPEG, for the "large image" link. */
	largeImage: { src: string; width: number; height: number } | undefined;
	/** More images of the work, after the first. */
	moreImages: PictureData[];
	updatedAt: string;
}

/** The work at `position` (1-based) of a published exhibition; undefined when there is none. */
export async function getWorkPage(context: ExhibitionsContext, slug: string, position: number, locale: Locale, options: { saveData?: boolean } = {}): Promise<WorkPage | undefined> {
	const { db } = context;
	const row = await exhibitionRow(db, slug);
	if (!row) return undefined;
	const languages = parseExhibitionLanguages(row.languages);
	const text = (value: Localized) => exhibitionText(value, locale, languages);
	const count = await db
		.selectFrom('exhibition_work')
		.select((eb) => eb.fn.countAll<number | string>().as('n'))
		.where('exhibition_id', '=', row.id)
		.executeTakeFirstOrThrow();
	const work = await db
		.selectFrom('exhibition_work')
		.innerJoin('artwork', 'artwork.id', 'exhibition_work.artwork_id')
		.select(['exhibition_work.caption', 'exhibition_work.section_key', 'artwork.id', 'artwork.title', 'artwork.year', 'artwork.medium', 'artwork.dimensions', 'artwork.description', 'artwork.images', 'artwork.credit', 'artwork.licence', 'artwork.updated_at'])
		.where('exhibition_work.exhibition_id', '=', row.id)
		.where('exhibition_work.position', '=', position)
		.executeTakeFirst();
	if (!work) return undefined;
	const artistIds = (await artistIdsOfWorks(db, [work.id])).get(work.id) ?? [];
	const credits = await artistCreditsOf(context, artistIds);
	const images = parseArtworkImages(work.images);
	// Drawn at most 46rem wide; on a phone the screen's width, so a 360px phone with Save-Data gets the smallest file.
	const pictureOptions = { sizes: '(min-width: 50rem) 46rem, 100vw', saveData: options.saveData };
	const pictures: (PictureData | undefined)[] = [];
	for (const [i, image] of images.entries()) {
		const shown = await context.picture(image.mediaId, locale, { ...pictureOptions, lazy: i > 0 });
		pictures.push(fixLang(imageWithAlt(shown, text(image.alt)), locale));
	}
	const first = pictures[0];
	const largest = first ? await largestJpeg(db, images[0]!.mediaId) : undefined;
	const section = parseExhibitionSections(row.sections).find((s) => s.key === work.section_key);
	const licence = licenceOf(work.licence);
	return {
		exhibition: { slug: row.slug, title: text(parseLocalized(row.title)), languages, inEnglishOnly: !languages.includes(locale) },
		position,
		count: Number(count.n),
		title: text(parseLocalized(work.title)),
		caption: text(parseLocalized(work.caption)),
		section: section ? text(section.title) : null,
		artists: artistIds.flatMap((id) => {
			const credit = credits.get(id);
			return credit ? [creditView(credit, locale)] : [];
		}),
		year: work.year,
		medium: text(parseLocalized(work.medium)),
		dimensions: work.dimensions,
		description: text(parseLocalized(work.description)),
		credit: work.credit,
		licence: { key: licence, name: licenceNames[licence], uri: licenceUris[licence] },
		image: first,
		largeImage: largest,
		moreImages: pictures.slice(1).filter((p): p is PictureData => p !== undefined),
		updatedAt: work.updated_at > row.updated_at ? work.updated_at : row.updated_at
	};
}

async function largestJpeg(db: Kysely<Database>, mediaId: number) {
	const media = await db.selectFrom('media').select(['public_key', 'status']).where('id', '=', mediaId).executeTakeFirst();
	if (media?.status !== 'ready') return undefined;
	const variant = await db
		.selectFrom('media_variant')
		.select(['width', 'height'])
		.where('media_id', '=', mediaId)
		.where('format', '=', 'jpeg')
		.orderBy('width', 'desc')
		.limit(1)
		.executeTakeFirst();
	return variant ? { src: variantUrl(media.public_key, 'jpeg', variant.width), width: variant.width, height: variant.height } : undefined;
}
