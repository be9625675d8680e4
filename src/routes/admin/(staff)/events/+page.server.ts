import type { Actions, PageServerLoad } from './$types';
import { contentAnswers } from '../content/content-route';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { deleteArchiveItem, loadArchiveList } from '../initiatives/archive-list.server';

export const load: PageServerLoad = (event) => loadArchiveList('event', event);

export const actions = {
	delete: withDomainErrors((event) => deleteArchiveItem('event', event), contentAnswers)
} satisfies Actions;
