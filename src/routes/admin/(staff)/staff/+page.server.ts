import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { ForbiddenError } from '$lib/server/platform/errors';
import { failWith, formField, formSchema } from '$lib/server/platform/forms';
import { requirePermission } from '$lib/server/people/guard';
import { inviteStaff, listStaff, reinvite, setDisabled, setRole } from '$lib/server/people/people.service';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'staff.manage');
	return { members: await listStaff(app().db) };
};

/** Every form of the page: an invitation, and the buttons beside a person (`id`). */
const staffForm = formSchema({
	email: formField.text(500),
	name: formField.text(500),
	role: formField.text(500),
	locale: formField.text(500),
	id: formField.text(500),
	disabled: formField.is('true')
});

const personAnswers = {
	get notFound() {
		return m.staff_not_found();
	}
};

export const actions = {
	invite: async ({ locals, url, request }) => {
		const staff = requirePermission(locals, url, 'staff.manage');
		const form = staffForm.read(await request.formData());
		const values = { email: form.email, name: form.name, role: form.role, locale: form.locale || 'en' };
		try {
			const { link } = await inviteStaff(app().people, staff, values);
			return { action: 'invite', invited: values.email, link };
		} catch (e) {
			return failWith(e, { action: 'invite', values });
		}
	},
	reinvite: withDomainErrors(async ({ locals, url, request }) => {
		const staff = requirePermission(locals, url, 'staff.manage');
		const link = await reinvite(app().people, staff, staffForm.read(await request.formData()).id);
		return { action: 'reinvite', link };
	}, personAnswers),
	role: withDomainErrors(async ({ locals, url, request }) => {
		const staff = requirePermission(locals, url, 'staff.manage');
		const form = staffForm.read(await request.formData());
		try {
			await setRole(app().people, staff, form.id, form.role);
			return { action: 'role', done: true };
		} catch (e) {
			if (e instanceof ForbiddenError) return fail(400, { action: 'role', problem: e.message });
			return failWith(e, () => ({ action: 'role', problem: 'invalid' }));
		}
	}, personAnswers),
	disable: withDomainErrors(async ({ locals, url, request }) => {
		const staff = requirePermission(locals, url, 'staff.manage');
		const form = staffForm.read(await request.formData());
		try {
			await setDisabled(app().people, staff, form.id, form.disabled);
			return { action: 'disable', done: true };
		} catch (e) {
			if (e instanceof ForbiddenError) return fail(400, { action: 'disable', problem: e.message });
			throw e;
		}
	}, personAnswers)
} satisfies Actions;

