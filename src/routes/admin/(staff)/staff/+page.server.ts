import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { ForbiddenError, ValidationError } from '$lib/server/platform/errors';
import { requirePermission } from '$lib/server/people/guard';
import { inviteStaff, listStaff, reinvite, setDisabled, setRole } from '$lib/server/people/people.service';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'staff.manage');
	return { members: await listStaff(app().db) };
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '').slice(0, 500);

const personAnswers = { notFound: 'There is no such person.' };

export const actions = {
	invite: async ({ locals, url, request }) => {
		const staff = requirePermission(locals, url, 'staff.manage');
		const form = await request.formData();
		const values = { email: text(form, 'email'), name: text(form, 'name'), role: text(form, 'role'), locale: text(form, 'locale') || 'en' };
		try {
			const { link } = await inviteStaff(app().people, staff, values);
			return { action: 'invite', invited: values.email, link };
		} catch (e) {
			if (e instanceof ValidationError) return fail(400, { action: 'invite', values, issues: e.issues });
			throw e;
		}
	},
	reinvite: withDomainErrors(async ({ locals, url, request }) => {
		const staff = requirePermission(locals, url, 'staff.manage');
		const link = await reinvite(app().people, staff, text(await request.formData(), 'id'));
		return { action: 'reinvite', link };
	}, personAnswers),
	role: withDomainErrors(async ({ locals, url, request }) => {
		const staff = requirePermission(locals, url, 'staff.manage');
		const form = await request.formData();
		try {
			await setRole(app().people, staff, text(form, 'id'), text(form, 'role'));
			return { action: 'role', done: true };
		} catch (e) {
			if (e instanceof ForbiddenError) return fail(400, { action: 'role', problem: e.message });
			if (e instanceof ValidationError) return fail(400, { action: 'role', problem: 'invalid' });
			throw e;
		}
	}, personAnswers),
	disable: withDomainErrors(async ({ locals, url, request }) => {
		const staff = requirePermission(locals, url, 'staff.manage');
		const form = await request.formData();
		try {
			await setDisabled(app().people, staff, text(form, 'id'), form.get('disabled') === 'true');
			return { action: 'disable', done: true };
		} catch (e) {
			if (e instanceof ForbiddenError) return fail(400, { action: 'disable', problem: e.message });
			throw e;
		}
	}, personAnswers)
} satisfies Actions;

