import { locales, type Locale } from '$lib/i18n/locales';
import type { ArtistRow } from '$lib/server/db/schema';
import type { StaffProfileInput } from '$lib/server/collective/artist-admin';
import { parseLocalized } from '$lib/server/shared/localized-text';
import { formText, profileLinkRows, profileValuesOfRow, readProfileValues, type ProfileFormValues } from '$lib/server/collective/artist-profile-form';
import type { Issues } from '$lib/server/platform/forms';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import type { PickablePhoto } from '$lib/admin/photos';
import { listPhotosForPicker } from '$lib/server/media/media.service';
import { thumbnailOf } from '$lib/server/media/media-thumbnail';
import { m } from '$lib/paraglide/messages';

/*
 * The staff form of a profile, shared by "new" and an artist's page: what it
 * shows (from a row, or as typed after a refusal), what it reads, and the
 * refusal's words, in the staff member's language.
 */

export const linkRows = profileLinkRows;

export interface ArtistFormValues extends ProfileFormValues {
	email: string;
	minor: boolean;
	guardianName: string;
	guardianEmail: string;
	creditWording: Record<Locale, string>;
	/** The portrait's media id as the picker sends it, '' for none. */
	portrait: string;
}

export const emptyValues = (): ArtistFormValues => ({
	name: '',
	pronouns: '',
	city: '',
	country: '',
	languages: '',
	bio: { en: '', ne: '', id: '', es: '' },
	mediums: '',
	links: [{ kind: 'website', url: '' }],
	locale: 'en',
	email: '',
	minor: false,
	guardianName: '',
	guardianEmail: '',
	creditWording: { en: '', ne: '', id: '', es: '' },
	portrait: ''
});

export function valuesOfRow(row: ArtistRow): ArtistFormValues {
	const wording = parseLocalized(row.credit_wording);
	return {
		...profileValuesOfRow(row),
		email: row.email,
		minor: Number(row.minor) === 1,
		guardianName: row.guardian_name,
		guardianEmail: row.guardian_email,
		creditWording: Object.fromEntries(locales.map((l) => [l, wording[l] ?? ''])) as Record<Locale, string>,
		portrait: row.portrait_media_id ? String(row.portrait_media_id) : ''
	};
}

export function readArtistForm(form: FormData): ArtistFormValues {
	const field = (name: string, max: number) => formText(form, name, max);
	return {
		...readProfileValues(form),
		email: field('email', 254),
		minor: form.get('minor') === 'yes',
		guardianName: field('guardian_name', 200),
		guardianEmail: field('guardian_email', 254),
		creditWording: Object.fromEntries(locales.map((l) => [l, field(`credit_wording.${l}`, 200)])) as Record<Locale, string>,
		portrait: field('portrait', 12)
	};
}

export function inputOf(values: ArtistFormValues): StaffProfileInput {
	return {
		...values,
		languages: values.languages.split(','),
		mediums: values.mediums.split(','),
		creditWording: { ...values.creditWording, en: values.creditWording.en },
		portraitMediaId: /^[1-9]\d{0,9}$/.test(values.portrait) ? Number(values.portrait) : null
	};
}

const words: Record<string, (inputs: Record<string, never>, options: { locale: Locale }) => string> = {
	required: m.library_artist_issue_required,
	'too-long': m.library_artist_issue_too_long,
	'too-many': m.library_artist_issue_too_many,
	invalid: m.library_artist_issue_invalid,
	unknown: m.library_artist_issue_unknown,
	'not-web': m.library_artist_issue_not_web
};

/** The domain's codes (`required`, `not-web`…) as words, in the staff member's language. */
export function staffIssues(issues: Issues, locale: Locale): Record<string, string> {
	return Object.fromEntries(Object.entries(issues).map(([key, code]) => [key, words[code]?.({}, { locale }) ?? code]));
}

/** Photos of the media library to choose a portrait from, by their English alt text. */
export async function portraitChoices(db: Kysely<Database>): Promise<PickablePhoto[]> {
	return (await listPhotosForPicker(db)).map((photo) => ({ id: photo.id, label: photo.alt.en, described: '', thumbnail: thumbnailOf(photo) }));
}
