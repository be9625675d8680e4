import type { PageServerLoad } from './$types';
import { loadArchiveList } from '../initiatives/archive-list.server';

export const load: PageServerLoad = (event) => loadArchiveList('story', event);
