import type { Actions, PageServerLoad } from './$types';
import { pick } from '$lib/server/shared/localized-text';
import { app } from '$lib/server/app';
import { applicationSorts, listCallApplications, type ApplicationListFilters, type ApplicationSort } from '$lib/server/calls/application-admin';
import { requirePermission } from '$lib/server/people/guard';
import { callOf, decideAction, shortlistAction } from './applications-route';

const permission = 'calls.manage';

/** The list's filters as the URL spells them; anything unknown counts as "any". */
function filterValuesOf(url: URL) {
	const get = (name: string, allowed: readonly string[]) => {
		const value = url.searchParams.get(name) ?? '';
		return allowed.includes(value) ? value : '';
	};
	return {
		decision: get('decision', ['accepted', 'waitlisted', 'declined', 'none']),
		shortlisted: get('shortlisted', ['yes', 'no']),
		reviewed: get('reviewed', ['yes', 'no']),
		sort: get('sort', applicationSorts) || 'submitted',
		dir: get('dir', ['asc', 'desc'])
	};
}

function filtersOf(values: ReturnType<typeof filterValuesOf>): ApplicationListFilters {
	return {
		decision: (values.decision || undefined) as ApplicationListFilters['decision'],
		shortlisted: values.shortlisted ? values.shortlisted === 'yes' : undefined,
		reviewed: values.reviewed ? values.reviewed === 'yes' : undefined,
		sort: values.sort as ApplicationSort,
		direction: (values.dir || undefined) as ApplicationListFilters['direction']
	};
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const staff = requirePermission(locals, url, permission);
	const { db } = app();
	const call = await callOf(db, Number(params.id));
	const values = filterValuesOf(url);
	const list = await listCallApplications(db, call.id, filtersOf(values));
	return {
		call: { id: call.id, title: pick(call.title, staff.locale).text, blindReview: call.blindReview },
		filters: values,
		counts: list.counts,
		applications: list.rows
	};
};

export const actions = {
	shortlist: async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, permission);
		const { db } = app();
		const call = await callOf(db, Number(params.id));
		return shortlistAction(db, staff, call.id, await request.formData());
	},
	decide: async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, permission);
		const { db } = app();
		const call = await callOf(db, Number(params.id));
		return decideAction(db, staff, call.id, await request.formData());
	}
} satisfies Actions;
