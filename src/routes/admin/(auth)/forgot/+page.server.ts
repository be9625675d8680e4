import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions } from './$types';
import { app } from '$lib/server/app';
import { formField, formSchema } from '$lib/server/platform/forms';
import { requestPasswordReset } from '$lib/server/people/people.service';

const emailForm = formSchema({ email: formField.trimmed(1000) });

export const actions = {
	default: async ({ request, getClientAddress }) => {
		const typed = emailForm.read(await request.formData()).email;
		const email = z.email().max(254).safeParse(typed);
		if (!email.success) return fail(400, { email: typed.slice(0, 254), problem: 'email' as const });
		const result = await requestPasswordReset(app().people, { email: email.data, ip: getClientAddress() });
		// Too many requests from this network, whatever the addresses: says nothing about any account.
		if (!result.ok) return fail(429, { email: email.data, problem: 'too-many' as const });
		// The same answer whether or not the address has an account.
		return { sent: true };
	}
} satisfies Actions;
