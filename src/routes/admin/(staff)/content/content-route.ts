import { error } from '@sveltejs/kit';
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
	if (!isContentItemType(value)) error(404, 'There is no such kind of content.');
	return value;
}

/** What the content pages answer when an item or a version is not there (withDomainErrors). */
export const contentAnswers: DomainErrorAnswers = { notFound: 'This content does not exist (any more).' };
