import type { Actions, PageServerLoad } from './$types';
import { contentAnswers } from '../content/content-route';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { deleteArchiveItem, loadArchiveList } from '../initiatives/archive-list.server';

/** The pages staff added, drafts first; each is edited, previewed and published in the content editor. */
export const load: PageServerLoad = (event) => loadArchiveList('custom_page', event);

export const actions = {
	delete: withDomainErrors((event) => deleteArchiveItem('custom_page', event), contentAnswers)
} satisfies Actions;
