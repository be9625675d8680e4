import { locales, type Locale, type Localized } from '$lib/i18n/locales';
import { parseLocalized } from './localized-text';

/*
 * The JSON columns of works and exhibitions, read forgivingly: written by the
 * content domain when an exhibition is published and by the exhibitions domain
 * when a work is edited, read by both.
 */

/** One image of a work: the first is the work's image; alt text per language. */
export interface ArtworkImage {
	mediaId: number;
	alt: Localized;
}

export interface ExhibitionSection {
	key: string;
	title: Localized;
}

function jsonArray(json: string): unknown[] {
	try {
		const value: unknown = JSON.parse(json);
		return Array.isArray(value) ? value : [];
	} catch {
		return [];
	}
}

const localizedOf = (value: unknown): Localized => parseLocalized(JSON.stringify(value && typeof value === 'object' ? value : {}));

/** `artwork.images`. */
export function parseArtworkImages(json: string): ArtworkImage[] {
	return jsonArray(json)
		.filter((i): i is { mediaId: number; alt?: unknown } => typeof (i as { mediaId?: unknown } | null)?.mediaId === 'number')
		.map((i) => ({ mediaId: i.mediaId, alt: localizedOf(i.alt) }));
}

/** `exhibition.languages`: site languages only, English always, in the site's order. */
export function parseExhibitionLanguages(json: string): Locale[] {
	const stored = new Set(jsonArray(json));
	return locales.filter((l) => l === 'en' || stored.has(l));
}

/** `exhibition.sections`. */
export function parseExhibitionSections(json: string): ExhibitionSection[] {
	return jsonArray(json)
		.filter((s): s is { key: string; title?: unknown } => typeof (s as { key?: unknown } | null)?.key === 'string')
		.map((s) => ({ key: s.key, title: localizedOf(s.title) }));
}

/** `exhibition.curator_ids`. */
export function parseIds(json: string): number[] {
	return jsonArray(json).filter((id): id is number => typeof id === 'number' && Number.isInteger(id));
}
