import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { formField, formSchema } from '$lib/server/platform/forms';
import { inspectStaffLink } from '$lib/server/people/staff-links';
import { setPasswordWithLink } from '$lib/server/people/people.service';
import { adminUrls } from '$lib/admin/urls';

/** The invitation and reset pages: the same form, reached by a one-time link. */
export async function loadSetPassword(event: RequestEvent<{ token: string }>) {
	const link = await inspectStaffLink(app().db, event.params.token);
	return { state: link.state };
}

/** Far beyond any password the policy takes (it refuses long ones as such), to bound what is held. */
const passwordForm = formSchema({ password: formField.text(4096), confirm: formField.text(4096) });

export async function setPasswordAction(event: RequestEvent<{ token: string }>) {
	const { password, confirm } = passwordForm.read(await event.request.formData());
	if (password !== confirm) return fail(400, { problem: 'mismatch' as const });
	const result = await setPasswordWithLink(app().people, { token: event.params.token, password });
	if (!result.ok) {
		return fail(400, { problem: result.reason === 'weak' ? result.problem : result.reason });
	}
	redirect(303, `${adminUrls.login}?done=password`);
}
