import type { Locale } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages';

/** What each consent purpose is called in the admin: on an artist's page and in a withdrawal's confirmation. */
export const purposeWords: Record<string, (inputs?: Record<string, never>, options?: { locale?: Locale }) => string> = {
	directory: m.library_artist_purpose_directory,
	photo: m.library_artist_purpose_photo,
	city: m.library_artist_purpose_city,
	contact: m.library_artist_purpose_contact,
	credit_name: m.library_artist_purpose_credit_name,
	guardian: m.library_artist_purpose_guardian
};

/** A purpose's name, or its code for one the admin has no words for. */
export const purposeWord = (purpose: string, locale?: Locale): string => purposeWords[purpose]?.({}, locale ? { locale } : {}) ?? purpose;
