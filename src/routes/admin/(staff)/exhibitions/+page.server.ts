import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/people/guard';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { contentAnswers } from '../content/content-route';
import { deleteArchiveItem, loadArchiveList } from '../initiatives/archive-list.server';

/** Exhibitions for staff: drafts first, then the published ones, with a way to each one's works and alt text. */
export const load: PageServerLoad = (event) => {
	requirePermission(event.locals, event.url, 'exhibitions.manage');
	return loadArchiveList('exhibition', event);
};

export const actions = {
	delete: withDomainErrors((event) => {
		requirePermission(event.locals, event.url, 'exhibitions.manage');
		return deleteArchiveItem('exhibition', event);
	}, contentAnswers)
} satisfies Actions;
