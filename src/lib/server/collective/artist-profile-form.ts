import { locales, type Locale } from '$lib/i18n/locales';
import type { ArtistRow } from '$lib/server/db/schema';
import { languageAsTyped } from '$lib/server/shared/languages';
import { parseLocalized } from '$lib/server/shared/localized-text';

/*
 * The fields of a profile as a form holds them, shared by the artist's private
 * page and the staff form: shown from the stored row, or read back as typed, so
 * that a refused save shows exactly what was sent.
 */

/** At most this many links; a form shows the profile's and one empty row to add another. */
export const profileLinkRows = 6;

export interface ProfileFormValues {
	name: string;
	pronouns: string;
	city: string;
	country: string;
	/** Languages as typed, comma-separated. */
	languages: string;
	bio: Record<Locale, string>;
	/** Practice and medium tags, comma-separated. */
	mediums: string;
	links: { kind: string; url: string }[];
	/** The language of the artist's e-mails. */
	locale: string;
}

export function profileValuesOfRow(row: ArtistRow): ProfileFormValues {
	const bio = parseLocalized(row.bio);
	const links = JSON.parse(row.links) as { kind: string; url: string }[];
	return {
		name: row.name,
		pronouns: row.pronouns,
		city: row.city,
		country: row.country,
		languages: (JSON.parse(row.languages) as string[]).map(languageAsTyped).join(', '),
		bio: Object.fromEntries(locales.map((l) => [l, bio[l] ?? ''])) as Record<Locale, string>,
		mediums: (JSON.parse(row.mediums) as string[]).join(', '),
		links: [...links, { kind: 'website', url: '' }].slice(0, profileLinkRows),
		locale: row.locale
	};
}

/** A form field's text, cut at `max` characters (the domain says when it is too long). */
export function formText(form: FormData, name: string, max: number): string {
	const value = form.get(name);
	return typeof value === 'string' ? value.slice(0, max) : '';
}

export function readProfileValues(form: FormData): ProfileFormValues {
	const field = (name: string, max: number) => formText(form, name, max);
	return {
		name: field('name', 200),
		pronouns: field('pronouns', 80),
		city: field('city', 200),
		country: field('country', 2),
		languages: field('languages', 400),
		bio: Object.fromEntries(locales.map((l) => [l, field(`bio.${l}`, 6000)])) as Record<Locale, string>,
		mediums: field('mediums', 800),
		links: Array.from({ length: profileLinkRows }, (_, i) => ({ kind: field(`link.${i}.kind`, 20), url: field(`link.${i}.url`, 600) })).filter((l, i) => i === 0 || l.url !== ''),
		locale: field('locale', 5)
	};
}
