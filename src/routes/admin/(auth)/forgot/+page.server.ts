import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions } from './$types';
import { app } from '$lib/server/app';
import { requestPasswordReset } from '$lib/server/people/people.service';
import { staffMail } from '$lib/server/people/staff-mail';

export const actions: Actions = {
	default: async ({ request }) => {
		const email = z.email().max(254).safeParse(String((await request.formData()).get('email') ?? '').trim());
		if (!email.success) return fail(400, { problem: 'email' as const });
		const { db, config } = app();
		await requestPasswordReset(db, { mail: staffMail(db), origin: config.origin }, email.data);
		// The same answer whether or not the address has an account.
		return { sent: true };
	}
};
