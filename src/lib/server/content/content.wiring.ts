import type { Kysely } from 'kysely';
import type { Localized } from '$lib/i18n/locales';
import type { Database } from '$lib/server/db/schema';
import type { DomainContext } from '$lib/server/platform/domain-context';

/** What the site content's commands work with, wired once when the app starts; routes pass `app().content`. */
export interface ContentContext extends DomainContext {
	/**
	 * The alt text of these photos of the media library, by id: publishing checks
	 * that every photo an item shows is described in each language it is written in.
	 */
	readonly photoAltTexts: (ids: readonly number[]) => Promise<Map<number, Localized>>;
	/**
	 * How many registrations an event's sessions have had (the events domain's
	 * answer, asked in the deleting transaction): an event people registered for
	 * is not deleted, its sessions are cancelled so that they are told.
	 */
	readonly eventRegistrations: (trx: Kysely<Database>, eventId: number) => Promise<number>;
}

export function createContentContext(base: DomainContext, others: Pick<ContentContext, 'photoAltTexts' | 'eventRegistrations'>): ContentContext {
	return { ...base, photoAltTexts: others.photoAltTexts, eventRegistrations: others.eventRegistrations };
}
