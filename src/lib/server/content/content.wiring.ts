import type { DomainContext } from '$lib/server/platform/domain-context';

/** What the site content's commands work with, wired once when the app starts; routes pass `app().content`. */
export type ContentContext = DomainContext;

export function createContentContext(base: DomainContext): ContentContext {
	return base;
}
