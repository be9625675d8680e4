import type { PageServerLoad } from './$types';
import { localeNames, locales } from '$lib/i18n/locales';
import { app } from '$lib/server/app';
import { countSubscribersByStatus, listSubscribers } from '$lib/server/newsletter/subscriber-admin';
import { topicChoices } from '$lib/server/newsletter/topic-admin';
import { requirePermission } from '$lib/server/people/guard';
import { pageFrom } from '$lib/server/platform/route-params';
import { filterValuesOf, filtersOf } from './subscribers-route';
import { pageCount } from '$lib/server/platform/paging';

const perPage = 50;

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'newsletter.subscribers');
	const { db } = app();
	const values = filterValuesOf(url);
	const [list, counts, topics] = await Promise.all([listSubscribers(db, filtersOf(values), { page: pageFrom(url), perPage }), countSubscribersByStatus(db), topicChoices(db)]);
	return {
		filters: values,
		counts,
		topics,
		languages: locales.map((code) => ({ code, name: localeNames[code] })),
		page: list.page,
		pages: pageCount(list.total, list.perPage),
		total: list.total,
		subscribers: list.rows,
		deleted: url.searchParams.has('deleted')
	};
};
