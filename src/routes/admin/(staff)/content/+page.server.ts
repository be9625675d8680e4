import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { can } from '$lib/people/roles';
import { app } from '$lib/server/app';
import { isListItemType } from '$lib/server/content/content-items';
import { deleteItem, listContentItems, moveItem } from '$lib/server/content/revisions.service';
import { requirePermission } from '$lib/server/people/guard';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { actorOf, contentAnswers } from './content-route';

export const load: PageServerLoad = async ({ locals, url }) => {
	const staff = requirePermission(locals, url, 'content.edit');
	const groups = await listContentItems(app().db);
	return {
		// Settings are for admins; editors do not see them listed.
		groups: groups.filter((g) => g.type !== 'organization' || can(staff.role, 'settings.edit')),
		canPublish: can(staff.role, 'content.publish')
	};
};

const listItemFrom = (form: FormData) => {
	const type = String(form.get('type') ?? '');
	const key = String(form.get('key') ?? '').slice(0, 40);
	return isListItemType(type) ? { type, key } : undefined;
};

export const actions = {
	move: withDomainErrors(async ({ locals, url, request }) => {
		const staff = requirePermission(locals, url, 'content.publish');
		const form = await request.formData();
		const item = listItemFrom(form);
		const direction = form.get('direction');
		if (!item || (direction !== 'up' && direction !== 'down')) return fail(400, { action: 'move', problem: 'invalid' });
		const moved = await moveItem(app().content, actorOf(staff), item.type, item.key, direction);
		return { action: 'move', moved, type: item.type, key: item.key, direction };
	}, contentAnswers),
	delete: withDomainErrors(async ({ locals, url, request }) => {
		const staff = requirePermission(locals, url, 'content.publish');
		const item = listItemFrom(await request.formData());
		if (!item) return fail(400, { action: 'delete', problem: 'invalid' });
		await deleteItem(app().content, actorOf(staff), item.type, item.key);
		return { action: 'delete', deleted: true };
	}, contentAnswers)
} satisfies Actions;
