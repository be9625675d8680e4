import { error } from '@sveltejs/kit';
import { isContentItemType, type ContentItemType } from '$lib/server/content/content-items';
import type { Actor } from '$lib/server/content/revisions.service';
import { orNotFound as orNotFoundAs } from '$lib/server/platform/route-errors';

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

/** Runs a domain call, answering 404 when it finds nothing. */
export function orNotFound<T>(work: Promise<T>): Promise<T> {
	return orNotFoundAs(work, 'This content does not exist (any more).');
}
