import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { can } from '$lib/people/roles';
import { app } from '$lib/server/app';
import { isListItemType } from '$lib/server/content/content-items';
import { deleteItem, listContentItems, moveItem } from '$lib/server/content/revisions.service';
import { requirePermission } from '$lib/server/people/guard';
import { failWith, formField, formSchema } from '$lib/server/platform/forms';
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

/** An item of a list (a page of the site's lists), and the direction to move it. */
const listItemForm = formSchema({ type: formField.text(100), key: formField.text(40), direction: formField.oneOf(['up', 'down']) });

const listItemFrom = (form: ReturnType<typeof listItemForm.read>) => (isListItemType(form.type) ? { type: form.type, key: form.key } : undefined);

export const actions = {
	move: withDomainErrors(async ({ locals, url, request }) => {
		const staff = requirePermission(locals, url, 'content.publish');
		const form = listItemForm.read(await request.formData());
		const item = listItemFrom(form);
		const { direction } = form;
		if (!item || !direction) return fail(400, { action: 'move', problem: 'invalid' });
		const moved = await moveItem(app().content, actorOf(staff), item.type, item.key, direction);
		return { action: 'move', moved, type: item.type, key: item.key, direction };
	}, contentAnswers),
	delete: withDomainErrors(async ({ locals, url, request }) => {
		const staff = requirePermission(locals, url, 'content.publish');
		const item = listItemFrom(listItemForm.read(await request.formData()));
		if (!item) return fail(400, { action: 'delete', problem: 'invalid' });
		try {
			await deleteItem(app().content, actorOf(staff), item.type, item.key);
		} catch (e) {
			// A kind still in use: said in words, above the lists.
			return failWith(e, (issues) => ({ action: 'delete', refused: issues.delete ?? 'It could not be deleted.' }));
		}
		return { action: 'delete', deleted: true };
	}, contentAnswers)
} satisfies Actions;
