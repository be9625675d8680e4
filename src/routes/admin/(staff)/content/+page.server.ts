import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { can } from '$lib/people/roles';
import { app } from '$lib/server/app';
import { isListItemType } from '$lib/server/content/content-items';
import { ItemInUseError, deleteItem, listContentItems, moveItem } from '$lib/server/content/revisions.service';
import { m } from '$lib/paraglide/messages';
import { requirePermission } from '$lib/server/people/guard';
import { failWith, formField, formSchema } from '$lib/server/platform/forms';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { actorOf, contentAnswers } from './content-route';
import { fieldWord, missingFieldLabel } from './field-words';

export const load: PageServerLoad = async ({ locals, url }) => {
	const staff = requirePermission(locals, url, 'content.edit');
	const groups = await listContentItems(app().db);
	return {
		// Settings are for admins; editors do not see them listed.
		groups: groups
			.filter((g) => g.type !== 'organization' || can(staff.role, 'settings.edit'))
			// In the staff person's language: the kinds of item, and the fields that lack a translation.
			.map((group) => ({
				...group,
				label: fieldWord(group.label),
				itemLabel: fieldWord(group.itemLabel),
				items: group.items.map((item) => ({ ...item, missing: item.missing.map((missing) => ({ ...missing, label: missingFieldLabel(item.type, missing.field) })) }))
			})),
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
			// A kind still in use, an event people registered for: said in words, above the lists.
			return failWith(e, () => ({ action: 'delete', refused: inUseReason(e) }));
		}
		return { action: 'delete', deleted: true };
	}, contentAnswers)
} satisfies Actions;

/** Why an item in use cannot be deleted, in the staff person's language. */
function inUseReason(e: unknown): string {
	if (!(e instanceof ItemInUseError)) return m.contentadmin_could_not_delete();
	const count = e.count;
	if (e.reason === 'registrations') return m.contentadmin_in_use_registrations({ count });
	return e.reason === 'events-use-it' ? m.contentadmin_in_use_events({ count }) : m.contentadmin_in_use_initiatives({ count });
}
