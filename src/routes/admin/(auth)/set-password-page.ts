import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { inspectStaffLink } from '$lib/server/people/staff-links';
import { setPasswordWithLink } from '$lib/server/people/people.service';
import { adminUrls } from '$lib/admin/urls';

/** The invitation and reset pages: the same form, reached by a one-time link. */
export async function loadSetPassword(event: RequestEvent<{ token: string }>) {
	const link = await inspectStaffLink(app().db, event.params.token);
	return { state: link.state };
}

export async function setPasswordAction(event: RequestEvent<{ token: string }>) {
	const form = await event.request.formData();
	const password = String(form.get('password') ?? '');
	const confirm = String(form.get('confirm') ?? '');
	if (password !== confirm) return fail(400, { problem: 'mismatch' as const });
	const result = await setPasswordWithLink(app().people, { token: event.params.token, password });
	if (!result.ok) {
		return fail(400, { problem: result.reason === 'weak' ? result.problem : result.reason });
	}
	redirect(303, `${adminUrls.login}?done=password`);
}
