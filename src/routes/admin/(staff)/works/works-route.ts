import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { artistChoices } from '$lib/server/exhibitions/artwork.queries';
import { artworkLicences, licenceNames } from '$lib/server/exhibitions/artwork-licences';
import { getMedia, listPhotosForPicker } from '$lib/server/media/media.service';
import { thumbnailOf } from '$lib/server/media/media-thumbnail';
import type { DomainErrorAnswers } from '$lib/server/platform/http/domain-errors';

/*
 * Small pieces the works admin routes share. The domain lives in
 * $lib/server/exhibitions; these only turn forms and errors into HTTP.
 */

type Staff = NonNullable<App.Locals['staff']>;

export function actorOf(staff: Staff) {
	return { id: staff.id, email: staff.email };
}

export const workAnswers: DomainErrorAnswers = { notFound: 'This work does not exist (any more).' };

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
