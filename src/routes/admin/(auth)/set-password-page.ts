import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { formField, formSchema } from '$lib/server/platform/forms';
import { inspectStaffLink } from '$lib/server/people/staff-links';
import { setPasswordWithLink } from '$lib/server/people/people.service';
import { adminUrls } from '$lib/admin/urls';
import { isLocale, type Locale } from '$lib/i18n/locales';
import { localeFromAcceptLanguage } from '$lib/i18n/staff-clock';
import { checkWelcomeChoices, saveWelcomeChoices } from '$lib/server/people/preferences.service';

/** The invitation and reset pages: the same form, reached by a one-time link. */
export async function loadSetPassword(event: RequestEvent<{ token: string }>, options: { welcome?: boolean } = {}) {
	const link = await inspectStaffLink(app().db, event.params.token);
	if (!options.welcome || link.state !== 'valid') return { state: link.state, welcome: null };
	// A first visit: the person also says what to call them, and their language and time zone.
	const person = await app().db.selectFrom('user').select(['name', 'email', 'locale']).where('id', '=', link.userId).executeTakeFirst();
	const name = person && person.name !== person.email.split('@')[0] ? person.name : '';
	return { state: link.state, welcome: { name, locale: isLocale(person?.locale) ? person.locale : localeOf(event) } };
}

function localeOf(event: RequestEvent): Locale {
	return localeFromAcceptLanguage(event.request.headers.get('accept-language'));
}

/** Far beyond any password the policy takes (it refuses long ones as such), to bound what is held. */
const passwordForm = formSchema({
	password: formField.text(4096),
	confirm: formField.text(4096),
	name: formField.text(500),
	locale: formField.text(20),
	timeZone: formField.text(100)
});

export async function setPasswordAction(event: RequestEvent<{ token: string }>, options: { welcome?: boolean } = {}) {
	const { password, confirm, ...choices } = passwordForm.read(await event.request.formData());
	// What was typed comes back with any refusal (never the passwords).
	const values = options.welcome ? choices : undefined;
	if (options.welcome) {
		const issues = checkWelcomeChoices(choices);
		if (Object.keys(issues).length > 0) return fail(400, { problem: 'choices' as const, issues, values });
	}
	if (password !== confirm) return fail(400, { problem: 'mismatch' as const, values });
	const result = await setPasswordWithLink(app().people, { token: event.params.token, password });
	if (!result.ok) {
		return fail(400, { problem: result.reason === 'weak' ? result.problem : result.reason, values });
	}
	if (options.welcome) await saveWelcomeChoices(app().db, result.userId, choices);
	redirect(303, `${adminUrls.login}?done=password`);
}
