import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { isContentItemType, type ContentItemType } from '$lib/server/content/content-items';
import type { Actor } from '$lib/server/content/revisions.service';
import type { DomainErrorAnswers } from '$lib/server/platform/http/domain-errors';

/*
 * Small pieces the site-content admin routes share. The domain lives in
 * $lib/server/content; these only turn URLs and errors into HTTP.
 */

type Staff = NonNullable<App.Locals['staff']>;

export function actorOf(staff: Staff): Actor {
	return { id: staff.id, email: staff.email, name: staff.name };
}

export function itemTypeOf(value: string): ContentItemType {
	if (!isContentItemType(value)) error(404, m.contentadmin_no_such_kind());
	return value;
}

/** What the content pages answer when an item or a version is not there (withDomainErrors). */
export const contentAnswers: DomainErrorAnswers = {
	// Read when a request needs it, in that request's language.
	get notFound() {
		return m.contentadmin_not_found();
	}
};
