import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { recordAudit } from '$lib/server/shared/audit';
import { forwardAuthCookies } from '$lib/server/people/cookies';
import { endSessions } from '$lib/server/people/people.service';
import { adminUrls } from '$lib/admin/urls';

export const load: PageServerLoad = () => redirect(303, adminUrls.dashboard);

export const actions = {
	// Signing out ends every session of this person, on every device.
	default: async ({ locals, request, cookies, getClientAddress }) => {
		const staff = locals.staff;
		if (staff) {
			const { db, auth } = app();
			const { headers } = await auth.api.signOut({ headers: request.headers, returnHeaders: true });
			forwardAuthCookies(headers, cookies);
			await endSessions(db, staff.id);
			await recordAudit(db, { action: 'sign-out', actor: staff, ip: getClientAddress() });
		}
		redirect(303, adminUrls.login);
	}
} satisfies Actions;
