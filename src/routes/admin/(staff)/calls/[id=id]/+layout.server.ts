import type { LayoutServerLoad } from './$types';
import { app } from '$lib/server/app';
import { requirePermission } from '$lib/server/people/guard';
import { existingCall, permission } from '../calls-route';

/* The call every tab is about. Each page and action checks the permission again: a layout's load does not guard actions. */
export const load: LayoutServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, permission);
	const call = await existingCall(app().db, Number(params.id));
	return { call: { id: call.id, slug: call.slug, title: call.title.en, status: call.status } };
};
