import { locales, type Localized } from '$lib/i18n/locales';
import { isArtworkLicence } from './artwork-licences';
import type { ArtworkInput } from './artwork.service';
import type { Artwork } from './artwork.queries';

/*
 * The staff form of a work, to and from the command's input. Form names:
 * `title.en`, `artistIds` (ticked, repeated), `images.0.mediaId`,
 * `images.0.alt.ne`, `images.0.remove`, `addImage` (a photo from Media).
 * Values the command refuses are kept as typed, to show again with the issues.
 */

const localizedFrom = (form: FormData, name: string): Localized => {
	const out: Record<string, string> = { en: '' };
	for (const l of locales) out[l] = String(form.get(`${name}.${l}`) ?? '');
	return out as Localized;
};

export function artworkInputFromForm(form: FormData): ArtworkInput {
	const images: { mediaId: number; alt: Localized }[] = [];
	for (let i = 0; i < 20; i++) {
		const id = Number(form.get(`images.${i}.mediaId`));
		if (!Number.isInteger(id) || id <= 0) continue;
		if (form.get(`images.${i}.remove`)) continue;
		images.push({ mediaId: id, alt: localizedFrom(form, `images.${i}.alt`) });
	}
	const added = Number(form.get('addImage'));
	if (Number.isInteger(added) && added > 0 && !images.some((i) => i.mediaId === added)) images.push({ mediaId: added, alt: { en: '' } });
	const yearText = String(form.get('year') ?? '').trim();
	const licence = String(form.get('licence') ?? '');
	return {
		title: localizedFrom(form, 'title'),
		artistIds: form
			.getAll('artistIds')
			.map(Number)
			.filter((n) => Number.isInteger(n) && n > 0),
		year: yearText === '' ? null : Number(yearText),
		medium: localizedFrom(form, 'medium'),
		dimensions: String(form.get('dimensions') ?? ''),
		description: localizedFrom(form, 'description'),
		images,
		credit: String(form.get('credit') ?? ''),
		licence: isArtworkLicence(licence) ? licence : 'all-rights-reserved'
	};
}

/** The form's values for a work: flat names, as the form posts them. */
export function artworkFormValues(work: ArtworkInput | Artwork): Record<string, string> {
	const values: Record<string, string> = {};
	const put = (name: string, value: Localized | undefined) => {
		for (const l of locales) values[`${name}.${l}`] = value?.[l] ?? '';
	};
	put('title', work.title as Localized);
	put('medium', work.medium as Localized);
	put('description', work.description as Localized);
	values.year = work.year === null || work.year === undefined || Number.isNaN(work.year) ? '' : String(work.year);
	values.dimensions = work.dimensions ?? '';
	values.credit = work.credit ?? '';
	values.licence = work.licence ?? 'all-rights-reserved';
	return values;
}
