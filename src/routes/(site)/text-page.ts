import type { Kysely } from 'kysely';
import type { Locale } from '$lib/i18n/locales';
import type { Database } from '$lib/server/db/schema';
import { app } from '$lib/server/app';
import { pagePicture } from '$lib/server/media/page-picture';
import { shareImageOf, wantsSaveData } from '$lib/server/shared/picture';
import { getTextPage } from '$lib/server/content/content.service';
import type { PageKey } from '$lib/server/content/content.queries';

/** A long page with its photo (also its picture for link previews), sized for the request (the smallest variant when it asks to save data); read once per site version. */
export async function loadTextPageWithPhoto(db: Kysely<Database>, key: PageKey, locale: Locale, request: Request) {
	const saveData = wantsSaveData(request.headers.get('save-data'));
	return app().siteVersion.cached(`text-page:${key}:${locale}:${saveData}`, async () => {
		const page = await getTextPage(db, key, locale);
		const image = await pagePicture(db, page.imageId, locale, { sizes: '(min-width: 72rem) 68rem, 100vw', lazy: false, saveData });
		return { page, image, shareImage: shareImageOf(image) };
	});
}
