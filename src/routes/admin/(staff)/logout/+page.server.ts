import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { forwardAuthCookies } from '$lib/server/people/cookies';
import { signOutEverywhere } from '$lib/server/people/people.service';
import { adminUrls } from '$lib/admin/urls';

export const load: PageServerLoad = () => redirect(303, adminUrls.dashboard);

export const actions = {
	// Signing out ends every session of this person, on every device.
	default: async ({ locals, request, cookies, getClientAddress }) => {
		const staff = locals.staff;
		if (staff) {
			const { people } = app();
			const { headers } = await people.auth.api.signOut({ headers: request.headers, returnHeaders: true });
			forwardAuthCookies(headers, cookies);
			await signOutEverywhere(people, staff, getClientAddress());
		}
		redirect(303, adminUrls.login);
	}
} satisfies Actions;
