import type { PageServerLoad } from './$types';
import { loadArchiveList } from './archive-list.server';

export const load: PageServerLoad = (event) => loadArchiveList('initiative', event);
