import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { artistChoices } from '$lib/server/exhibitions/artwork.queries';
import { artworkLicences, licenceNames } from '$lib/server/exhibitions/artwork-licences';
import { getMedia, listPhotosForPicker } from '$lib/server/media/media.service';
import { thumbnailOf } from '$lib/server/media/media-thumbnail';
import type { DomainErrorAnswers } from '$lib/server/platform/http/domain-errors';
import type { Issues } from '$lib/server/platform/forms';
import type { Locale } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages';

/*
 * Small pieces the works admin routes share. The domain lives in
 * $lib/server/exhibitions; these only turn forms and errors into HTTP.
 */

type Staff = NonNullable<App.Locals['staff']>;

export function actorOf(staff: Staff) {
	return { id: staff.id, email: staff.email };
}

export const workAnswers: DomainErrorAnswers = {
	// Read when the error is answered, in the language of that request.
	get notFound() {
		return m.library_work_not_found();
	}
};

/** One refusal of the exhibitions domain (artwork.service), by its English words, in the staff member's language; others as they are. */
export function workIssueText(message: string, locale: Locale): string {
	const options = { locale };
	const longest = /^At most (\d+) characters\.$/.exec(message);
	if (longest) return m.library_issue_at_most({ max: Number(longest[1]) }, options);
	const known: Record<string, () => string> = {
		'Write it in English: every language falls back to it.': () => m.library_issue_title_en({}, options),
		'Write a year such as 2024.': () => m.library_issue_year({}, options),
		'Choose a licence from the list.': () => m.library_issue_licence({}, options),
		'This artist is no longer in the collective: choose another.': () => m.library_issue_artist_gone({}, options),
		'This image is no longer in Media: choose another.': () => m.library_issue_image_gone({}, options),
		'An exhibition shows this work: take it out of the exhibition first.': () => m.library_issue_work_shown({}, options)
	};
	return known[message]?.() ?? message;
}

/** A refusal's issues, each in the staff member's language. */
export function staffWorkIssues(issues: Issues, locale: Locale): Issues {
	return Object.fromEntries(Object.entries(issues).map(([field, message]) => [field, workIssueText(message, locale)]));
}

/** What the work form chooses from: artists, licences, photos from Media. */
export async function workFormChoices(db: Kysely<Database>) {
	const photos = await listPhotosForPicker(db);
	return {
		artists: await artistChoices(db),
		licences: artworkLicences.map((value) => ({ value, label: licenceNames[value] })),
		photos: photos.map((p) => ({ id: p.id, label: p.alt.en, thumbnail: thumbnailOf(p) }))
	};
}

/** The small JPEG of each of these photos, by id; null while one is not ready. */
export async function thumbnailsOf(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, string | null>> {
	const result = new Map<number, string | null>();
	for (const id of ids) {
		try {
			result.set(id, thumbnailOf(await getMedia(db, id))?.jpeg ?? null);
		} catch {
			result.set(id, null);
		}
	}
	return result;
}
