import type { Kysely } from 'kysely';
import type { Locale } from '$lib/i18n/locales';
import type { Database } from '$lib/server/db/schema';
import { NotFoundError } from '$lib/server/platform/errors';
import { getMedia } from './media.service';
import { picture, type PictureData, type PictureOptions } from '$lib/server/shared/picture';

/** The <picture> data for a photo a page refers to; nothing when there is none, or it is gone or not ready. */
export async function pagePicture(
	db: Kysely<Database>,
	mediaId: number | null | undefined,
	locale: Locale,
	options: PictureOptions
): Promise<PictureData | undefined> {
	if (!mediaId) return undefined;
	try {
		return picture(await getMedia(db, mediaId), locale, options);
	} catch (error) {
		if (error instanceof NotFoundError) return undefined;
		throw error;
	}
}
