import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { formField, formSchema } from '$lib/server/platform/forms';
import { forwardAuthCookies } from '$lib/server/people/cookies';
import { safeNext } from '$lib/server/people/guard';
import { verifySecondFactor } from '$lib/server/people/sign-in.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.staff) redirect(303, safeNext(url.searchParams.get('next')));
	return { next: safeNext(url.searchParams.get('next')) };
};

/** The code from the app (or a recovery code), and where to go once signed in. */
const codeForm = formSchema({ code: formField.text(64), next: formField.text(2000) });

async function verify(kind: 'totp' | 'recovery', event: Parameters<Actions[string]>[0]) {
	const { code, next } = codeForm.read(await event.request.formData());
	if (!code.trim()) return fail(400, { kind, problem: 'missing' as const });
	const { db, auth } = app();
	const result = await verifySecondFactor(db, auth, { code, kind, ip: event.getClientAddress(), headers: event.request.headers });
	if (!result.ok) return fail(400, { kind, problem: result.reason });
	forwardAuthCookies(result.headers, event.cookies);
	redirect(303, safeNext(next));
}

export const actions = {
	totp: (event) => verify('totp', event),
	recovery: (event) => verify('recovery', event)
} satisfies Actions;
