import type { Locale, Localized } from '$lib/i18n/locales';
import { parseLocalized } from '$lib/server/shared/localized-text';
import { htmlToText } from '$lib/server/shared/rich-text';
import { variantUrl } from '$lib/server/shared/picture';
import { parseArtworkImages, parseExhibitionLanguages, parseExhibitionSections, parseIds } from '$lib/server/shared/exhibition-columns';
import { artistCreditsOf, artistIdsOfWorks } from './artwork.queries';
import { licenceNames, licenceOf, licenceUris } from './artwork-licences';
import type { ExhibitionsContext } from './exhibitions.wiring';

/*
 * A published exhibition as a IIIF Presentation 3 manifest, for museum viewers
 * (Mirador, Universal Viewer): one Canvas per work in the walk's order, each
 * painted with the work's image, whose IIIF Image service (level 0, served at
 * `/iiif/<public key>`) lets viewers zoom; sections become Ranges. Artists are
 * named only as artist-visibility allows, as on the pages.
 */

export const manifestContentType = 'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"';

type LanguageMap = Record<string, string[]>;

/** A language map of the languages the exhibition is published in (each falling back to English). */
function languageMap(value: Localized, languages: readonly Locale[], html = false): LanguageMap {
	const map: LanguageMap = {};
	for (const locale of languages) {
		const text = value[locale]?.trim() ? value[locale]! : value.en;
		const plain = html ? htmlToText(text) : text;
		if (plain.trim() !== '') map[locale] = [plain];
	}
	return map;
}

const none = (text: string): LanguageMap => ({ none: [text] });
const english = (text: string): LanguageMap => ({ en: [text] });

/** The manifest of the exhibition with this address, with absolute ids under `origin`; undefined when none is published. */
export async function exhibitionManifest(context: ExhibitionsContext, origin: string, slug: string, siteName: string): Promise<Record<string, unknown> | undefined> {
	const { db } = context;
	const row = await db.selectFrom('exhibition').selectAll().where('slug', '=', slug).executeTakeFirst();
	if (!row) return undefined;
	const languages = parseExhibitionLanguages(row.languages);
	const id = `${origin}/exhibitions/${row.slug}/manifest.json`;
	const works = await db
		.selectFrom('exhibition_work')
		.innerJoin('artwork', 'artwork.id', 'exhibition_work.artwork_id')
		.select(['exhibition_work.position', 'exhibition_work.caption', 'exhibition_work.section_key', 'artwork.id', 'artwork.title', 'artwork.year', 'artwork.medium', 'artwork.dimensions', 'artwork.images', 'artwork.credit', 'artwork.licence'])
		.where('exhibition_work.exhibition_id', '=', row.id)
		.orderBy('exhibition_work.position')
		.execute();
	const artistsByWork = await artistIdsOfWorks(
		db,
		works.map((w) => w.id)
	);
	const curatorIds = parseIds(row.curator_ids);
	const credits = await artistCreditsOf(context, [...curatorIds, ...[...artistsByWork.values()].flat()]);
	const creditName = (artistId: number): string | undefined => {
		const credit = credits.get(artistId);
		if (!credit) return undefined;
		if (credit.kind !== 'neutral') return credit.name;
		return credit.wording?.en || 'A member of the collective';
	};

	// Every work's photo and its largest JPEG, in two queries for the whole exhibition rather than two per work.
	const imageOf = new Map(
		works.flatMap((work) => {
			const image = parseArtworkImages(work.images)[0];
			return image ? [[work.id, image.mediaId] as const] : [];
		})
	);
	const mediaIds = [...new Set(imageOf.values())];
	const photos = new Map(
		mediaIds.length
			? (await db.selectFrom('media').select(['id', 'public_key', 'iiif_width', 'iiif_height']).where('id', 'in', mediaIds).where('status', '=', 'ready').execute()).map((m) => [m.id, m])
			: []
	);
	const largestOf = new Map<number, { width: number; height: number }>();
	if (mediaIds.length) {
		const jpegs = await db.selectFrom('media_variant').select(['media_id', 'width', 'height']).where('media_id', 'in', mediaIds).where('format', '=', 'jpeg').orderBy('width', 'desc').execute();
		for (const v of jpegs) if (!largestOf.has(v.media_id)) largestOf.set(v.media_id, { width: v.width, height: v.height });
	}

	const canvases: Record<string, unknown>[] = [];
	const canvasIdOf = new Map<number, string>();
	for (const work of works) {
		const mediaId = imageOf.get(work.id);
		const media = mediaId === undefined ? undefined : photos.get(mediaId);
		const largest = mediaId === undefined ? undefined : largestOf.get(mediaId);
		if (!media || !largest) continue;
		// The canvas is the photo at full size where it has an image service to zoom into it.
		const zoom = media.iiif_width && media.iiif_height ? { width: media.iiif_width, height: media.iiif_height } : null;
		const canvasSize = zoom ?? largest;
		const canvasId = `${id}/canvas/${work.position}`;
		canvasIdOf.set(work.position, canvasId);
		const artists = (artistsByWork.get(work.id) ?? []).map(creditName).filter((n): n is string => n !== undefined);
		const licence = licenceOf(work.licence);
		const metadata = [
			...(artists.length ? [{ label: english('Artist'), value: none(artists.join(', ')) }] : []),
			...(work.year !== null ? [{ label: english('Year'), value: none(String(work.year)) }] : []),
			...(Object.keys(languageMap(parseLocalized(work.medium), languages)).length ? [{ label: english('Medium'), value: languageMap(parseLocalized(work.medium), languages) }] : []),
			...(work.dimensions ? [{ label: english('Dimensions'), value: none(work.dimensions) }] : []),
			{ label: english('Licence'), value: none(licenceNames[licence]) }
		];
		const uri = licenceUris[licence];
		canvases.push({
			id: canvasId,
			type: 'Canvas',
			label: languageMap(parseLocalized(work.title), languages),
			...(Object.keys(languageMap(parseLocalized(work.caption), languages)).length ? { summary: languageMap(parseLocalized(work.caption), languages) } : {}),
			width: canvasSize.width,
			height: canvasSize.height,
			metadata,
			...(work.credit ? { requiredStatement: { label: english('Credit'), value: none(work.credit) } } : {}),
			...(uri ? { rights: uri } : {}),
			homepage: [{ id: `${origin}/exhibitions/${row.slug}/${work.position}`, type: 'Text', label: languageMap(parseLocalized(work.title), languages), format: 'text/html' }],
			items: [
				{
					id: `${canvasId}/page`,
					type: 'AnnotationPage',
					items: [
						{
							id: `${canvasId}/page/painting`,
							type: 'Annotation',
							motivation: 'painting',
							target: canvasId,
							body: {
								id: origin + variantUrl(media.public_key, 'jpeg', largest.width),
								type: 'Image',
								format: 'image/jpeg',
								width: largest.width,
								height: largest.height,
								...(zoom ? { service: [{ id: `${origin}/iiif/${media.public_key}`, type: 'ImageService3', profile: 'level0' }] } : {})
							}
						}
					]
				}
			]
		});
	}

	const structures = parseExhibitionSections(row.sections)
		.map((section) => ({
			id: `${id}/range/${section.key}`,
			type: 'Range',
			label: languageMap(section.title, languages),
			items: works.filter((w) => w.section_key === section.key && canvasIdOf.has(w.position)).map((w) => ({ id: canvasIdOf.get(w.position)!, type: 'Canvas' }))
		}))
		.filter((range) => range.items.length > 0);

	const curators = [...curatorIds.map(creditName).filter((n): n is string => n !== undefined), ...(row.curator_names ? [row.curator_names] : [])];
	const dates = row.permanent === 1 ? `${row.opens_on} –` : `${row.opens_on} – ${row.closes_on ?? ''}`.trim();
	return {
		'@context': 'http://iiif.io/api/presentation/3/context.json',
		id,
		type: 'Manifest',
		label: languageMap(parseLocalized(row.title), languages),
		...(Object.keys(languageMap(parseLocalized(row.summary), languages)).length ? { summary: languageMap(parseLocalized(row.summary), languages) } : {}),
		metadata: [
			...(curators.length ? [{ label: english('Curated by'), value: none(curators.join(', ')) }] : []),
			{ label: english('On view'), value: none(dates) },
			{ label: english('Works'), value: none(String(canvases.length)) }
		],
		requiredStatement: { label: english('Presented by'), value: none(siteName) },
		homepage: [{ id: `${origin}/exhibitions/${row.slug}`, type: 'Text', label: languageMap(parseLocalized(row.title), languages), format: 'text/html' }],
		behavior: ['individuals'],
		items: canvases,
		...(structures.length ? { structures } : {})
	};
}
