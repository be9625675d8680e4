import type { Localized } from '$lib/i18n/locales';
import type { DomainContext } from '$lib/server/platform/domain-context';

/** What the site content's commands work with, wired once when the app starts; routes pass `app().content`. */
export interface ContentContext extends DomainContext {
	/**
	 * The alt text of these photos of the media library, by id: publishing checks
	 * that every photo an item shows is described in each language it is written in.
	 */
	readonly photoAltTexts: (ids: readonly number[]) => Promise<Map<number, Localized>>;
}

export function createContentContext(base: DomainContext, photos: Pick<ContentContext, 'photoAltTexts'>): ContentContext {
	return { ...base, photoAltTexts: photos.photoAltTexts };
}
