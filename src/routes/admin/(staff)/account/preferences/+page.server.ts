import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { adminUrls } from '$lib/admin/urls';
import { app } from '$lib/server/app';
import { failWith, formField, formSchema } from '$lib/server/platform/forms';
import { requirePermission } from '$lib/server/people/guard';
import { preferencesOf, savePreferences } from '$lib/server/people/preferences.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const staff = requirePermission(locals, url, 'account.manage-own');
	return { preferences: await preferencesOf(app().db, staff.id), saved: url.searchParams.has('saved') };
};

const preferencesForm = formSchema({
	locale: formField.text(20),
	timeZone: formField.text(100),
	notifyApplications: formField.text(20)
});

export const actions = {
	default: async ({ locals, url, request }) => {
		const staff = requirePermission(locals, url, 'account.manage-own');
		const values = preferencesForm.read(await request.formData());
		try {
			await savePreferences(app().db, staff.id, values);
		} catch (e) {
			return failWith(e, { values });
		}
		// A whole new page, in the language just chosen.
		redirect(303, `${adminUrls.preferences}?saved`);
	}
} satisfies Actions;
