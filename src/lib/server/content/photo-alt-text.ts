import { displayNames, listFormat } from '$lib/i18n/intl';
import { locales, type Locale, type Localized } from '$lib/i18n/locales';
import { contentItems, isLocalizedField, type ContentItemType, type ItemData } from './content-items';
import type { ContentContext } from './content.wiring';

/*
 * A photo on a page is described to people who cannot see it by its alt text,
 * kept with the photo in the media library (English required, the other
 * languages optional there). An item written in Nepali must not show a photo
 * that a Nepali screen reader can only announce in English: publishing and
 * scheduling refuse until every photo the item shows is described in every
 * language the item has text in.
 */

/** The photos `data` shows, each with the form field it is chosen in (`cover_media_id`, `gallery.2.media_id`). */
export function photosOf(type: ContentItemType, data: ItemData): { field: string; id: number }[] {
	const photos: { field: string; id: number }[] = [];
	for (const field of contentItems[type].fields) {
		if (field.kind === 'image') {
			const id = Number(data[field.name] ?? 0);
			if (id > 0) photos.push({ field: field.name, id });
		} else if (field.kind === 'rows') {
			const rows = Array.isArray(data[field.name]) ? (data[field.name] as Record<string, unknown>[]) : [];
			for (const sub of field.rows ?? []) {
				if (sub.kind !== 'image') continue;
				rows.forEach((row, index) => {
					const id = Number(row[sub.name] ?? 0);
					if (id > 0) photos.push({ field: `${field.name}.${index}.${sub.name}`, id });
				});
			}
		}
	}
	return photos;
}

/** The languages `data` has any translated text in; English always. */
export function writtenLanguages(type: ContentItemType, data: ItemData): Locale[] {
	const written = new Set<Locale>(['en']);
	for (const field of contentItems[type].fields) {
		if (!isLocalizedField(field)) continue;
		const value = (data[field.name] ?? {}) as Localized;
		for (const locale of locales) if (value[locale]?.replace(/<[^>]*>/g, '').trim()) written.add(locale);
	}
	return locales.filter((locale) => written.has(locale));
}

/**
 * For each photo that lacks alt text in a language the item is written in, an
 * issue on the field it is chosen in, in the editors' words. Empty when all is
 * described. A photo deleted from the library is named as such.
 */
export async function undescribedPhotos(content: Pick<ContentContext, 'photoAltTexts'>, type: ContentItemType, data: ItemData): Promise<Record<string, string>> {
	const photos = photosOf(type, data);
	if (photos.length === 0) return {};
	const languages = writtenLanguages(type, data);
	const alt = await content.photoAltTexts(photos.map((photo) => photo.id));
	const names = displayNames('en', { type: 'language' });
	const list = listFormat('en', { type: 'conjunction' });
	const what = contentItems[type].label.toLowerCase();
	const issues: Record<string, string> = {};
	for (const photo of photos) {
		const texts = alt.get(photo.id);
		if (!texts) {
			issues[photo.field] = 'This photo is no longer in Media: choose another one.';
			continue;
		}
		const missing = languages.filter((locale) => !texts[locale]?.trim());
		if (missing.length === 0) continue;
		const named = list.format(missing.map((locale) => names.of(locale) ?? locale));
		issues[photo.field] =
			missing.length === 1
				? `This photo has no alt text in ${named}, a language this ${what} is written in. Add it to the photo in Media, then publish again.`
				: `This photo has no alt text in ${named}, languages this ${what} is written in. Add them to the photo in Media, then publish again.`;
	}
	return issues;
}
