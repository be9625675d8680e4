import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { forwardAuthCookies } from '$lib/server/people/cookies';
import { safeNext } from '$lib/server/people/guard';
import { signIn } from '$lib/server/people/sign-in.service';
import { adminUrls } from '$lib/admin/urls';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.staff) redirect(303, safeNext(url.searchParams.get('next')));
	return {
		next: safeNext(url.searchParams.get('next')),
		passwordSaved: url.searchParams.get('done') === 'password',
		// Signed out for being away: how long, to say so.
		idleMinutes: url.searchParams.get('idle') === '1' ? app().config.staffSessionIdleMs / 60_000 : null
	};
};

const schema = z.object({
	email: z.string().trim().max(254),
	password: z.string().max(1024),
	next: z.string().max(2000).optional()
});

export const actions = {
	default: async ({ request, cookies, getClientAddress }) => {
		const form = schema.safeParse(Object.fromEntries(await request.formData()));
		if (!form.success) return fail(400, { email: '', problem: 'invalid' as const });
		const { email, password } = form.data;
		if (!email || !password) return fail(400, { email, problem: 'missing' as const });

		const { db, auth } = app();
		const result = await signIn(db, auth, { email, password, ip: getClientAddress(), headers: request.headers });
		if (!result.ok) {
			const minutes = result.retryAfterMs ? Math.max(1, Math.ceil(result.retryAfterMs / 60_000)) : undefined;
			return fail(result.reason === 'invalid' ? 400 : 429, { email, problem: result.reason, minutes });
		}
		forwardAuthCookies(result.headers, cookies);
		const next = safeNext(form.data.next ?? null);
		redirect(303, result.twoFactorRequired ? adminUrls.twoFactor(next) : next);
	}
} satisfies Actions;
